// The image, from the OCI archive the build attached and installed, unpacked by umoci and run under runc in the host's network
// namespace: it runs as 65532, finds Europe/Berlin in the image's zoneinfo, and trusts an openssl server on
// 127.0.0.1 through the image's CA bundle alone (the host does not trust this IT's CA).
import groovy.json.JsonOutput
import groovy.json.JsonSlurper

// ITs run in target/<clone folder>/<this IT>, three levels below the project root.
def root = basedir.toPath().resolve('../../..').normalize()
def run = evaluate(root.resolve('src/it/shared/run.groovy').toFile())
def tls = new File(basedir, 'tls')

// Attached, the archive was installed beside the pom, byte for byte.
def archive = new File(localRepositoryPath, 'io/github/staticgo/it/tlsget/1.0/tlsget-1.0-oci.tar')
assert archive.bytes == new File(basedir, 'target/static-go-image/image-oci.tar').bytes
// The archive holds one image, named for podman and docker load after the artifactId (the pom names no registry)
// and the tag, so skopeo needs no reference in it.
def archiveIndex = new JsonSlurper().parseText(run(['tar', '-xOf', archive.path, 'index.json']))
assert archiveIndex.manifests.size() == 1
assert archiveIndex.manifests[0].annotations == ['io.containerd.image.name': 'tlsget:1.0',
                                                 'org.opencontainers.image.ref.name': 'tlsget:1.0']
// The index's annotations: the pom's own, the revision given on the command line, no source (the pom has no URL).
def index = new JsonSlurper().parseText(run(['skopeo', 'inspect', '--raw', "oci-archive:${archive}"]))
assert index.annotations == ['com.example.team': 'platform', 'org.opencontainers.image.revision': '0123abc',
                             'org.opencontainers.image.version': '1.0']
def layout = new File(basedir, 'target/from-archive')
run(['skopeo', 'copy', "oci-archive:${archive}", "oci:${layout}:run"])
def bundle = new File(basedir, 'target/bundle')
run(['umoci', 'unpack', '--image', "${layout}:run", bundle.path])
assert new File(bundle, 'rootfs/usr/share/zoneinfo/Europe/Berlin').isFile()
assert new File(bundle, 'rootfs/etc/ssl/certs/ca-certificates.crt').text == new File(tls, 'ca.pem').text

def port = new ServerSocket(0, 1, InetAddress.getByName('127.0.0.1')).withCloseable { it.localPort }
def server = new ProcessBuilder('timeout', '120', 'openssl', 's_server', '-www', '-accept', "127.0.0.1:${port}",
        '-cert', "${tls}/server.pem", '-key', "${tls}/server.key")
        .redirectErrorStream(true).redirectOutput(new File(tls, 's_server.log')).start()
try {
    for (int i = 0; i < 50 && !canConnect(port); i++) {
        Thread.sleep(100)
    }
    def config = new JsonSlurper().parse(new File(bundle, 'config.json'))
    assert config.process.args == ['/usr/local/bin/tlsget']
    config.process.args += ["https://127.0.0.1:${port}/"]
    config.process.terminal = false
    config.linux.namespaces = config.linux.namespaces.findAll { it.type != 'network' }
    assert config.process.env.contains('GODEBUG=netdns=go') && config.process.cwd == '/tmp'
    new File(bundle, 'config.json').text = JsonOutput.toJson(config)
    def output = run(['runc', 'run', '--bundle', bundle.path, "static-go-it-tls-${ProcessHandle.current().pid()}"])
    assert output.readLines() == ['uid 65532 gid 65532', 'zone: 14:00 CEST', 'get: 200 ok']
} finally {
    server.destroy()
}
return true

boolean canConnect(int port) {
    try {
        new Socket('127.0.0.1', port).close()
        return true
    } catch (IOException e) {
        return false
    }
}
