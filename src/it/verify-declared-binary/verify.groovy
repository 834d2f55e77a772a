def log = new File(basedir, 'build.log').text
assert log.contains('1 binary fails verification:')
assert log.contains('vendor-bin/agent (linux/arm64)')
assert log.contains('its header says amd64, not arm64')
assert log.contains('is dynamically linked: interpreter /lib64/ld-linux-x86-64.so.2; needs libc.so.6')
assert log.contains('fix: not a Go binary: link it with -static')

def report = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/static-go/verify-report.json'))
assert report.binaries.size() == 2
def built = report.binaries.find { it.file.endsWith('declared-linux-arm64') }
assert built.ok
def agent = report.binaries.find { it.file.endsWith('agent') }
assert !agent.ok
assert agent.goVersion == null && agent.cgo == null
return true
