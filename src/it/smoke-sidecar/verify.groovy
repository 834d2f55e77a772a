// Every Linux binary started in a root holding only itself, entered by bwrap (CI installs it); arm64 and arm/6 under qemu-user-static,
// copied into that root, with the oldest CPU of GOARM=6 (an ARM1176, the Raspberry Pi 1's).
def report = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/static-go/verify-report.json'))
def byTarget = report.binaries.collectEntries { [(it.target): it] }

def amd64 = byTarget['linux/amd64'].smoke
assert amd64.result == 'passed' && amd64.ran
assert amd64.method == 'bwrap'
assert amd64.emulator == null
assert amd64.exitCode == 0
assert amd64.output == ['sidecar 1.0.0-SNAPSHOT linux/amd64']
assert amd64.command.contains('--unshare-all') && amd64.command.contains('--die-with-parent') && amd64.command.endsWith('/sidecar-linux-amd64 --version')

def arm64 = byTarget['linux/arm64'].smoke
assert arm64.result == 'passed' && arm64.method == 'bwrap'
assert arm64.emulator == 'qemu-aarch64-static'
assert arm64.command.contains(' -- /qemu-aarch64-static /sidecar-linux-arm64 --version')
assert arm64.output == ['sidecar 1.0.0-SNAPSHOT linux/arm64']

def arm6 = byTarget['linux/arm/6'].smoke
assert arm6.result == 'passed' && arm6.method == 'bwrap'
assert arm6.emulator == 'qemu-arm-static -cpu arm1176'
assert arm6.output == ['sidecar 1.0.0-SNAPSHOT linux/arm']

def windows = byTarget['windows/amd64'].smoke
assert windows.result == 'not-run' && !windows.ran && windows.reason == 'windows binaries are not run'
assert report.binaries.every { it.ok }

def log = new File(basedir, 'build.log').text
assert log.contains('Smoke run in an empty root: bwrap: pivot_root into the root; new user, mount, PID, network, IPC and UTS namespaces; no capabilities, no new privileges; as nobody; at most 256 processes and threads, 1024 MiB of data per process')
assert log =~ /Smoke run linux\/arm64 sidecar-linux-arm64 --version: exit 0 in [0-9.]+ m?s \(bwrap, qemu-aarch64-static\): sidecar 1.0.0-SNAPSHOT linux\/arm64/
assert log.contains('Smoke run: Windows and darwin binaries are not run: sidecar-windows-amd64.exe')
assert log =~ /linux\/arm64\s+sidecar-linux-arm64\s+elf\s+static.*ok\s+passed [0-9.]+ m?s \(bwrap, qemu-aarch64-static\)/
// The empty roots are gone, and so is the one setup.groovy left as a killed run would.
def roots = new File(basedir, 'target/static-go-smoke').listFiles()
assert roots == null || roots.length == 0
return true
