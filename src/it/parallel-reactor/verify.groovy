import java.security.MessageDigest

def sha256(File f) {
    MessageDigest.getInstance('SHA-256').digest(f.bytes).encodeHex().toString()
}

def log = new File(basedir, 'build.log').text
// The first invocation really ran the reactor on four threads.
assert log.contains('thread count of 4') : 'mvn -T 4 did not run multi-threaded'

def modules = ['a', 'b', 'c', 'd']
def digests = [] as Set
modules.each { m ->
    def module = new File(basedir, "svc-${m}")
    ['linux-amd64', 'linux-arm64'].each { target ->
        def parallel = new File(module, "target/static-go/svc-${m}-${target}")
        def serial = new File(module, "target/serial/svc-${m}-${target}")
        assert parallel.isFile() : "missing ${parallel}"
        assert serial.isFile() : "missing ${serial}: the relative outputDirectory was not resolved in the module"
        assert sha256(parallel) == sha256(serial) : "svc-${m} ${target}: the -T 4 build differs from the serial one"
        digests << sha256(parallel)
    }
    assert new File(module, 'target/static-go/build.json').isFile()
    assert new File(module, 'target/serial/build.json').isFile()
    // Each module got its own binary, with its own -X value.
    def out = [new File(module, "target/static-go/svc-${m}-linux-amd64").path, 'once'].execute().text
    assert out.contains("\"service\":\"${m}\"") && out.contains("\"module\":\"svc-${m}\"") : out
}
assert digests.size() == 8 : 'eight different binaries'
// Nothing was written relative to the directory Maven was started in.
assert !new File(basedir, 'target/serial').exists()
return true
