// Facts checked here come from the pom above and from the ELF and PE specifications, read with
// binutils' readelf and by hand, never from the plugin's own report.
import java.security.MessageDigest

def out = new File(basedir, 'target/static-go')
def expected = [
    'linux-amd64'  : [file: 'matrix-linux-amd64',   elfMachine: 'Advanced Micro Devices X86-64', goarch: 'amd64'],
    'linux-arm64'  : [file: 'matrix-linux-arm64',   elfMachine: 'AArch64', goarch: 'arm64'],
    'linux-arm-7'  : [file: 'matrix-linux-arm-7',   elfMachine: 'ARM', goarch: 'arm', goarm: '7'],
    'windows-amd64': [file: 'matrix-windows-amd64.exe', peMachine: 0x8664, goarch: 'amd64'],
    'linux-amd64-v3': [file: 'matrix-linux-amd64-v3', elfMachine: 'Advanced Micro Devices X86-64', goarch: 'amd64',
                       goamd64: 'v3', cgo: 'musl'],
]

// ITs run in target/<clone folder>/<this IT>, three levels below the project root.
def run = evaluate(basedir.toPath().resolve('../../../src/it/shared/run.groovy').normalize().toFile())

def sha256(File f) {
    MessageDigest.getInstance('SHA-256').digest(f.bytes).encodeHex().toString()
}

def repo = new File(localRepositoryPath, 'io/github/staticgo/it/matrix/1.2.3')
expected.each { classifier, facts ->
    def binary = new File(out, facts.file)
    assert binary.isFile() : "missing ${binary}"

    def installed = new File(repo, "matrix-1.2.3-${classifier}.exe")
    assert installed.isFile() : "not installed with classifier ${classifier}: ${installed}"
    assert sha256(installed) == sha256(binary)

    // What the Go toolchain itself reads back from the binary.
    def goInfo = run(['go', 'version', '-m', binary.path])
    assert goInfo.contains("GOARCH=${facts.goarch}")
    assert goInfo.contains(facts.cgo == 'musl' ? 'CGO_ENABLED=1' : 'CGO_ENABLED=0')
    if (facts.goarm) {
        assert goInfo.contains("GOARM=${facts.goarm}")
    }
    if (facts.goarch == 'amd64') {
        // A target without a variant is built for Go's default, set explicitly.
        assert goInfo.contains("GOAMD64=${facts.goamd64 ?: 'v1'}")
    }

    if (facts.elfMachine) {
        def header = run(['readelf', '-h', binary.path])
        assert header.contains("Machine:") && header.contains(facts.elfMachine)
        assert header =~ /Type:\s+EXEC/
        def programHeaders = run(['readelf', '-lW', binary.path])
        assert !programHeaders.contains('INTERP') : "${binary} has an interpreter"
        assert !programHeaders.contains('DYNAMIC') : "${binary} has a dynamic section"
    } else {
        // PE: "MZ", the PE header offset at 0x3c, "PE\0\0", then the COFF machine field (little endian).
        byte[] bytes = binary.bytes
        assert bytes[0] == 'M' as char && bytes[1] == 'Z' as char
        int pe = (bytes[0x3c] & 0xff) | (bytes[0x3d] & 0xff) << 8
        assert new String(bytes, pe, 4, 'ISO-8859-1') == "PE\u0000\u0000"
        int machine = (bytes[pe + 4] & 0xff) | (bytes[pe + 5] & 0xff) << 8
        assert machine == facts.peMachine
        // go's default build mode on windows (pie) keeps ASLR, as binutils reads the DllCharacteristics.
        def characteristics = (run(['objdump', '-p', binary.path]) =~ /(?s)DllCharacteristics\s+\p{XDigit}+\n(.*?)\nSizeOfStackReserve/)
        assert characteristics.find() : 'objdump prints no DllCharacteristics'
        def flags = characteristics.group(1).readLines()*.trim()
        assert flags.containsAll(['DYNAMIC_BASE', 'HIGH_ENTROPY_VA', 'NX_COMPAT']) : "${binary}: ${flags}"
    }
}

// The host binary runs and carries the version the pom passed through -X.
assert run([new File(out, 'matrix-linux-amd64').path]).trim() == 'matrix 1.2.3 linux/amd64'

// Nothing half-written or temporary is left beside the binaries.
def leftovers = out.list().findAll { !(it in expected.values()*.file) && !(it in ['build.json', 'verify-report.json']) }
assert leftovers.isEmpty() : "unexpected files: ${leftovers}"

// build.json lists every binary with the platform asked for and the real SHA-256.
def manifest = new groovy.json.JsonSlurper().parse(new File(out, 'build.json'))
assert manifest.binaries.size() == 5
manifest.binaries.each { entry ->
    def facts = expected[entry.classifier]
    assert facts != null
    assert entry.file == facts.file
    assert entry.goarch == facts.goarch
    assert entry.cgo == (facts.cgo ?: 'off')
    assert entry.sha256 == sha256(new File(out, entry.file))
}
assert manifest.binaries.find { it.classifier == 'linux-arm-7' }.variant == '7'
return true
