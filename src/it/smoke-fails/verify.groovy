def log = new File(basedir, 'build.log').text
assert log.contains('2 binaries fail verification:')
// amd64: --exit ends with 4 and says why on stderr; the message carries that output.
assert log.contains('app-linux-amd64 (linux/amd64)')
assert log.contains('- smoke run (bwrap) exited with 4, expected 0')
assert log =~ /fix: run it by hand to see why \(\S+\/target\/static-go\/app-linux-amd64 --exit\), or set <exitCode> if 4 is how it ends with <args> --exit/
assert log.contains('        | app: cannot open /etc/app.conf')
// arm64 under qemu: exit 0, but version 1.0 where 2.0 is expected.
assert log.contains('app-linux-arm64 (linux/arm64)')
assert log.contains('- smoke run (bwrap, qemu-aarch64-static) printed nothing that matches <output> ^app 2\\.0 linux/')
assert log.contains('        | app 1.0 linux/arm64')

def report = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/static-go/verify-report.json'))
def byTarget = report.binaries.collectEntries { [(it.target): it] }
assert byTarget['linux/amd64'].smoke.exitCode == 4
assert byTarget['linux/amd64'].smoke.output == ['app: cannot open /etc/app.conf']
assert byTarget['linux/arm64'].smoke.exitCode == 0
assert byTarget['linux/arm64'].smoke.output == ['app 1.0 linux/arm64']
assert report.binaries.every { !it.ok && it.linkage == 'static' }
return true
