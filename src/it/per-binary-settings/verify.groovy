// What the build was asked for: ./cmd/... is serverd and cli; serverd is named etcd and gets its own -X.
def manifest = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/static-go/build.json'))
assert manifest.binaries.collect { it.file + ' ' + it.goPackage }.sort() == [
    'cli-linux-amd64 ./cmd/cli', 'cli-linux-arm64 ./cmd/cli',
    'etcd-linux-amd64 ./cmd/serverd', 'etcd-linux-arm64 ./cmd/serverd']

// The binaries themselves (amd64 runs here) say what the linker set.
def run = { String name, String arg ->
    def process = [new File(basedir, "target/static-go/$name").path, arg].execute()
    process.waitFor()
    process.text.trim()
}
assert run('etcd-linux-amd64', 'version') == 'serverd 3.6.0 linux/amd64 stable'
assert run('cli-linux-amd64', '--version') == 'cli 1.0.0-SNAPSHOT linux/amd64'

// Run 3 edited internal/release, which serverd alone imports: its binaries, and only they, were built again.
def log = new File(basedir, 'build.log').text
def lastRun = log.substring(log.lastIndexOf('Using go'))
assert lastRun.contains('etcd-linux-amd64  building: internal/release/release.go changed')
assert lastRun.contains('etcd-linux-arm64  building: internal/release/release.go changed')
assert lastRun.contains('cli-linux-amd64  up to date') && lastRun.contains('cli-linux-arm64  up to date')

// The second run (-Pno-own-smoke) left the last report: etcd got the global --version and exited 1,
// cli still passed; the message names the binary.
def report = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/static-go/verify-report.json'))
def byFile = report.binaries.collectEntries { [(new File(it.file).name): it] }
assert byFile['etcd-linux-amd64'].smoke.result == 'failed'
assert byFile['etcd-linux-amd64'].smoke.exitCode == 1
assert byFile['cli-linux-amd64'].smoke.result == 'passed'
assert byFile['cli-linux-arm64'].smoke.result == 'passed'

assert log.contains('Smoke run linux/amd64 etcd-linux-amd64 version: exit 0')
assert log.contains('Smoke run linux/amd64 etcd-linux-amd64 --version: FAILED: smoke run (bwrap) exited with 1, expected 0')
return true
