def log = new File(basedir, 'build.log').text
assert log.contains('Skipping plugin execution (cached): static-go:build')
assert log.contains('Nothing to verify, yet static-go:build is bound in this project: there is no build.json in')
assert log.count('BUILD SUCCESS') == 1 && log.contains('BUILD FAILURE')
return true
