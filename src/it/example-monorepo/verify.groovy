import java.util.zip.ZipFile

def monorepo = new File(basedir, 'examples/monorepo')
// The sidecar's jar holds its verified binaries and their index, and of the build's output nothing else.
def jar = new ZipFile(new File(monorepo, 'sidecar/target/sidecar-1.0.0-SNAPSHOT.jar'))
def files = jar.entries().toList().findAll { !it.directory }*.name.findAll { !it.startsWith('META-INF/maven/') }.sort()
assert files == ['META-INF/MANIFEST.MF', 'META-INF/static-go/index.properties',
                 'META-INF/static-go/sidecar/linux-amd64/sidecar', 'META-INF/static-go/sidecar/linux-arm64/sidecar']
def index = new Properties()
jar.getInputStream(jar.getEntry('META-INF/static-go/index.properties')).withCloseable { index.load(it) }
def manifest = new groovy.json.JsonSlurper().parse(new File(monorepo, 'sidecar/target/static-go/build.json'))
manifest.binaries.each { binary ->
    def platform = binary.file - 'sidecar-'
    assert index.getProperty("sidecar.${platform}.sha256") == binary.sha256 : platform
    def entry = jar.getEntry(index.getProperty("sidecar.${platform}.path"))
    def digest = java.security.MessageDigest.getInstance('SHA-256')
    jar.getInputStream(entry).withCloseable { digest.update(it.bytes) }
    assert digest.digest().encodeHex().toString() == binary.sha256 : "the jar's $platform binary is the built one"
}

// The service's JUnit test started the sidecar from those resources and got its answer over HTTP.
def report = new groovy.xml.XmlSlurper().parse(
        new File(monorepo, 'service/target/surefire-reports/TEST-com.example.service.SidecarTest.xml'))
assert report.@tests.toString() == '1' && report.@failures.toString() == '0' && report.@errors.toString() == '0'
def log = new File(basedir, 'build.log').text
assert log.contains('Smoke run linux/amd64 sidecar-linux-amd64 --version: exit 0')
return true
