def log = new File(basedir, 'build.log').text
assert log.contains('- smoke run (bwrap) did not finish within 2 s and was killed with its children')
assert log.contains('        | serving')
def report = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/static-go/verify-report.json'))
def smoke = report.binaries[0].smoke
assert smoke.result == 'failed' && smoke.timedOut && smoke.exitCode == null
assert smoke.millis >= 2000 && smoke.millis < 10000
// Neither the binary nor the child it started is still running.
def ps = ['ps', '-eo', 'args'].execute().text
assert !ps.readLines().any { it.contains('it-smoke-timeout-mark') } : ps
return true
