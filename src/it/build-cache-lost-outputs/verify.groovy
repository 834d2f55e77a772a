def log = new File(basedir, 'build.log').text
assert log.contains('Skipping plugin execution (cached): static-go:build')
assert log.contains('Nothing to verify, yet static-go:build is bound in this project: there is no build.json in')
assert log.count('BUILD SUCCESS') == 2 && log.count('BUILD FAILURE') == 1
// Run 3 skipped the build itself: verify warns and passes.
def lastRun = log.substring(log.lastIndexOf('Scanning for projects'))
assert lastRun.contains('Nothing to verify: there is no build.json in') && lastRun.contains('BUILD SUCCESS')
return true
