import java.security.MessageDigest

def sha256(File f) {
    MessageDigest.getInstance('SHA-256').digest(f.bytes).encodeHex().toString()
}

def files = ['static-go/app-linux-amd64', 'static-go/app-linux-arm64', 'static-go/app-linux-arm-7',
             'static-go/app-windows-amd64.exe', 'static-go-musl/app-linux-amd64']
files.each { name ->
    def a = new File(basedir, "a/target/${name}")
    def b = new File(basedir, "nested/deeper/b/target/${name}")
    assert a.isFile() && b.isFile() : "missing ${name}"
    assert sha256(a) == sha256(b) : "${name} differs between the two checkouts"
    // Neither checkout's directory is recorded in the binary.
    def text = new String(a.bytes, 'ISO-8859-1')
    assert !text.contains(basedir.path) : "${name} contains the build directory"
}
// The SBOMs of the pure-Go binaries (the ones verify checks) are identical too, serial number and timestamp
// included, and describe their own binary.
files.findAll { it.startsWith('static-go/') }.each { name ->
    def a = new File(basedir, "a/target/${name}.cdx.json")
    def b = new File(basedir, "nested/deeper/b/target/${name}.cdx.json")
    assert a.isFile() && b.isFile() : "missing the SBOM of ${name}"
    assert a.bytes == b.bytes : "the SBOM of ${name} differs between the two checkouts"
    def sbom = new groovy.json.JsonSlurper().parse(a)
    assert sbom.metadata.timestamp == '2026-01-01T00:00:00Z'
    assert sbom.metadata.component.hashes.find { it.alg == 'SHA-256' }.content == sha256(new File(basedir, "a/target/${name}"))
}
// The musl build really is a different binary from the pure-Go one.
assert sha256(new File(basedir, 'a/target/static-go/app-linux-amd64')) != sha256(new File(basedir, 'a/target/static-go-musl/app-linux-amd64'))
return true
