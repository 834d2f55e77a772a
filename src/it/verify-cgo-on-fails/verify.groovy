// glibc's x86-64 dynamic loader path and soname are fixed by the x86-64 psABI and glibc; the build was
// asked for cgo on, and net plus os/user then go through libc.
def log = new File(basedir, 'build.log').text
assert log.contains('1 binary fails verification:')
assert log.contains('netuser-linux-amd64 (linux/amd64)')
assert log.contains('is dynamically linked: interpreter /lib64/ld-linux-x86-64.so.2; needs libc.so.6')
assert log.contains("fix: cgo is on, and net's resolver and os/user call libc (")
// The pure-Go arm64 target in the same execution is fine and is not listed as failing.
assert !log.contains('netuser-linux-arm64 (linux/arm64)')

def report = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/static-go/verify-report.json'))
def amd64 = report.binaries.find { it.file.endsWith('netuser-linux-amd64') }
assert amd64.linkage == 'dynamic'
assert amd64.interpreter == '/lib64/ld-linux-x86-64.so.2'
assert amd64.needed.contains('libc.so.6')
assert amd64.cgo == true
assert amd64.ok == false
def arm64 = report.binaries.find { it.file.endsWith('netuser-linux-arm64') }
assert arm64.linkage == 'static' && arm64.goarch == 'arm64' && arm64.ok == true
return true
