// What the registry holds, read back with skopeo (Debian's), checked against build.json; the amd64 image run
// from a umoci bundle under runc; both checkouts' records compared; and the archive loaded by podman.
import groovy.json.JsonSlurper
import java.security.MessageDigest

// ITs run in target/<clone folder>/<this IT>, three levels below the project root.
def root = basedir.toPath().resolve('../../..').normalize()
def run = evaluate(root.resolve('src/it/shared/run.groovy').toFile())
def registry = evaluate(root.resolve('src/it/shared/registry.groovy').toFile())
def json = new JsonSlurper()
def sha256 = { File file -> MessageDigest.getInstance('SHA-256').digest(file.bytes).encodeHex().toString() }
try {
    def address = (new File(basedir, '.mvn/maven.config').text =~ /-Dregistry=(\S+)/)[0][1]
    def image = "docker://${address}/sidecar"
    def creds = ['--creds', 'pusher:it-secret', '--tls-verify=false']

    // The index as the registry serves it, one manifest per platform, OCI's names for each.
    def index = json.parseText(run(['skopeo', 'inspect', '--raw'] + creds + ["${image}:1.0.0-SNAPSHOT"]))
    assert index.mediaType == 'application/vnd.oci.image.index.v1+json'
    def platforms = index.manifests.collect { m ->
        [m.platform.os, m.platform.architecture, m.platform.variant].findAll().join('/')
    }
    assert platforms == ['linux/amd64', 'linux/arm64/v8', 'linux/arm/v7']
    assert index.annotations['org.opencontainers.image.version'] == '1.0.0-SNAPSHOT'
    assert index.annotations['org.opencontainers.image.created'] == '2026-01-01T00:00:00Z'
    assert index.annotations['org.opencontainers.image.source'] == 'https://example.com/sidecar'
    assert run(['skopeo', 'inspect', '--raw'] + creds + ["${image}:latest"]) ==
            run(['skopeo', 'inspect', '--raw'] + creds + ["${image}:1.0.0-SNAPSHOT"])

    // Each platform's SBOM is an OCI artifact (image-spec 1.1) whose subject is that platform's manifest, listed
    // in the layout and pushed by digest: the registry serves it, its one layer is the SBOM file verify wrote.
    def layoutIndex = json.parse(new File(basedir, 'target/static-go-image/layout/index.json'))
    def sboms = layoutIndex.manifests.findAll { it.artifactType == 'application/vnd.cyclonedx+json' }
    assert sboms.size() == 3
    def subjects = [:]
    sboms.each { entry ->
        def artifact = json.parseText(run(['skopeo', 'inspect', '--raw'] + creds + ["${image}@${entry.digest}"]))
        assert artifact.artifactType == 'application/vnd.cyclonedx+json'
        assert artifact.config.mediaType == 'application/vnd.oci.empty.v1+json'
        subjects[artifact.subject.digest] = artifact.layers[0].digest
    }
    assert subjects.keySet() == index.manifests*.digest as Set
    ['linux-amd64', 'linux-arm64', 'linux-arm-7'].eachWithIndex { platform, i ->
        def sbomFile = new File(basedir, "target/static-go/sidecar-${platform}.cdx.json")
        assert subjects[index.manifests[i].digest] == 'sha256:' + sha256(sbomFile) : platform
    }

    // Each platform's binary layer holds exactly that platform's verified binary (by build.json's SHA-256).
    def manifest = json.parse(new File(basedir, 'target/static-go/build.json'))
    def byTarget = manifest.binaries.collectEntries { [(it.goos + '/' + it.goarch + (it.variant ? '/' + it.variant : '')): it] }
    def copied = new File(basedir, 'target/copied')
    run(['skopeo', 'copy', '--all', '--src-creds', 'pusher:it-secret', '--src-tls-verify=false',
         "${image}:1.0.0-SNAPSHOT", "oci:${copied}:all"])
    ['linux/amd64', 'linux/arm64', 'linux/arm/7'].eachWithIndex { target, i ->
        def digest = index.manifests[i].digest
        def platformManifest = json.parse(new File(copied, 'blobs/sha256/' + digest.substring(7)))
        def binaryLayer = new File(copied, 'blobs/sha256/' + platformManifest.layers[-1].digest.substring(7))
        def listing = run(['tar', '-tzf', binaryLayer.path]).readLines()
        assert listing == ['usr/', 'usr/local/', 'usr/local/bin/', 'usr/local/bin/sidecar']
        def extracted = new File(basedir, "target/extracted-${i}")
        extracted.mkdirs()
        run(['tar', '-xzf', binaryLayer.path, '-C', extracted.path])
        assert sha256(new File(extracted, 'usr/local/bin/sidecar')) == byTarget[target].sha256
        def config = json.parse(new File(copied, 'blobs/sha256/' + platformManifest.config.digest.substring(7)))
        assert config.config.User == '65532:65532'
        assert config.config.Entrypoint == ['/usr/local/bin/sidecar']
        assert config.config.ExposedPorts.keySet() == ['8081/tcp'] as Set
        assert config.config.Labels == [team: 'platform']
        assert config.created == '2026-01-01T00:00:00Z'
        def scratchLayer = new File(copied, 'blobs/sha256/' + platformManifest.layers[0].digest.substring(7))
        assert run(['tar', '-tvzf', scratchLayer.path]).readLines().collect { it.split(/\s+/)[-1] } ==
                ['etc/', 'etc/group', 'etc/passwd', 'etc/ssl/', 'etc/ssl/certs/', 'etc/ssl/certs/ca-certificates.crt',
                 'home/', 'home/nonroot/', 'tmp/']
    }

    // The amd64 image, unpacked by umoci into a runtime bundle, runs under runc as 65532 and answers --version.
    def single = new File(basedir, 'target/amd64')
    run(['skopeo', 'copy', '--override-arch', 'amd64', '--override-os', 'linux', '--src-creds', 'pusher:it-secret',
         '--src-tls-verify=false', "${image}:1.0.0-SNAPSHOT", "oci:${single}:run"])
    def bundle = new File(basedir, 'target/bundle')
    run(['umoci', 'unpack', '--image', "${single}:run", bundle.path])
    def runtimeConfig = json.parse(new File(bundle, 'config.json'))
    assert runtimeConfig.process.user.uid == 65532 && runtimeConfig.process.user.gid == 65532
    assert runtimeConfig.process.args == ['/usr/local/bin/sidecar']
    runtimeConfig.process.args = ['/usr/local/bin/sidecar', '--version']
    runtimeConfig.process.terminal = false
    new File(bundle, 'config.json').text = groovy.json.JsonOutput.toJson(runtimeConfig)
    def containerId = "static-go-it-${ProcessHandle.current().pid()}"
    def output = run(['runc', 'run', '--bundle', bundle.path, containerId])
    assert output.trim() == 'sidecar 1.0.0-SNAPSHOT linux/amd64'
    assert new File(bundle, 'rootfs/etc/passwd').text.contains('nonroot:x:65532:65532:')

    // Two checkouts, one index digest and the same archive, byte for byte.
    def first = json.parse(new File(basedir, 'target/static-go-image/image.json'))
    def second = json.parse(new File(basedir, 'checkout-2/target/static-go-image/image.json'))
    assert first.indexDigest == second.indexDigest
    assert index.manifests*.digest == first.images*.manifestDigest
    def firstPush = json.parse(new File(basedir, 'target/static-go-image/push.json'))
    assert firstPush.pushed.uploaded.size() == 7 + 4 && firstPush.pushed.present.isEmpty() // with 3 SBOMs and their empty config
    // The archives hold the same files, byte for byte, in the same order; only the name their index.json and
    // manifest.json give the image differs, as checkout-2's last build (the fourth) named the registry
    // sidecar-registry.test.
    def archives = ['target', 'checkout-2/target'].collect { new File(basedir, "${it}/static-go-image/image-oci.tar") }
    def named = { String line -> line.endsWith(' index.json') || line.endsWith(' manifest.json') }
    assert run(['tar', '-tvf', archives[0].path]).readLines().findAll { !named(it) } ==
            run(['tar', '-tvf', archives[1].path]).readLines().findAll { !named(it) }
    def unpacked = archives.withIndex().collect { archive, i ->
        def dir = new File(basedir, "target/archive-${i}")
        dir.mkdirs()
        run(['tar', '-xf', archive.path, '-C', dir.path])
        dir
    }
    new File(unpacked[0], 'blobs/sha256').eachFile { blob ->
        assert sha256(blob) == sha256(new File(unpacked[1], "blobs/sha256/${blob.name}"))
    }
    def archiveIndexes = unpacked.collect { json.parse(new File(it, 'index.json')) }
    assert archiveIndexes*.manifests*.size() == [1, 1]
    assert archiveIndexes*.manifests*.getAt(0)*.digest == [first.indexDigest, first.indexDigest]
    assert archiveIndexes*.manifests*.getAt(0)*.annotations*.getAt('org.opencontainers.image.ref.name') ==
            ["${address}/sidecar:1.0.0-SNAPSHOT", "sidecar-registry.test:${address.split(':')[1]}/sidecar:1.0.0-SNAPSHOT"]

    // docker load before 25 reads only manifest.json, as skopeo's docker-archive reader does: it finds the index's
    // first platform, linux/amd64, under the archive's name, with the config and layers the registry has for it.
    def amd64Manifest = json.parse(new File(copied, 'blobs/sha256/' + index.manifests[0].digest.substring(7)))
    def amd64Config = json.parse(new File(copied, 'blobs/sha256/' + amd64Manifest.config.digest.substring(7)))
    def dockerArchive = json.parseText(run(['skopeo', 'inspect', '--raw', "docker-archive:${archives[0]}"]))
    assert dockerArchive.config.digest == amd64Manifest.config.digest
    assert dockerArchive.layers*.digest == amd64Config.rootfs.diff_ids
    assert json.parseText(run(['tar', '-xOf', archives[0].path, 'manifest.json']))*.RepoTags ==
            [["${address}/sidecar:1.0.0-SNAPSHOT".toString()]]

    // podman loads the first checkout's archive (multi-platform, with SBOM artifacts) into a store of this IT's
    // own: the image under its name and first tag, the index's digest, this machine's platform from it.
    // podman refuses a runroot path longer than 50 characters, so the store is in a short temporary directory.
    def store = java.nio.file.Files.createTempDirectory('static-go-podman').toFile()
    def podman = ['timeout', '300', 'podman', '--root', new File(store, 'root').path,
                  '--runroot', new File(store, 'run').path, '--storage-driver', 'vfs',
                  '--cgroup-manager', 'cgroupfs', '--events-backend', 'file']
    try {
        assert run(podman + ['load', '-i', archives[0].path]).contains("Loaded image: ${address}/sidecar:1.0.0-SNAPSHOT")
        def loaded = json.parseText(run(podman + ['image', 'inspect', "${address}/sidecar:1.0.0-SNAPSHOT"]))[0]
        assert loaded.Digest == first.indexDigest
        assert loaded.Os == 'linux' && loaded.Architecture == 'amd64'
        assert loaded.RepoDigests.contains("${address}/sidecar@${index.manifests[0].digest}".toString())
        assert loaded.Config.User == '65532:65532' && loaded.Config.Entrypoint == ['/usr/local/bin/sidecar']
    } finally {
        (podman + ['rmi', '--all', '--force']).execute().waitFor()
        store.deleteDir()
    }

    def log = new File(basedir, 'build.log').text
    // The second, third and fourth pushes (from checkout-2) found every blob in the registry.
    assert (log =~ /Pushed \S+@${first.indexDigest}: 0 blobs uploaded \(0.0 KiB\), 11 already there/).size() == 3
    assert !log.contains('it-secret')
    // The summary table: each platform's manifest digest, as the registry has it.
    assert log =~ /target\s+platform\s+binary\s+manifest/
    assert log =~ /linux\/arm\/7\s+linux\/arm\/v7\s+sidecar-linux-arm-7\s+${index.manifests[2].digest}/
    assert log.contains("Pushing ${address}/sidecar (1.0.0-SNAPSHOT, latest) over plain HTTP (loopback) as pusher (settings.xml server ${address})")
    def port = address.split(':')[1]
    assert log.contains("Pushing localhost:${port}/sidecar (1.0.0-SNAPSHOT, latest) over plain HTTP (loopback) as pusher (Docker config docker-config/config.json auths.localhost:${port})")
    // The fourth: the credential helper the Docker config names for sidecar-registry.test:port was run as docker
    // runs one, and its answer (it-secret, asserted absent above) was not logged.
    def viaHelper = json.parse(new File(basedir, 'checkout-2/target/static-go-image/push.json'))
    assert viaHelper.reference == "sidecar-registry.test:${port}/sidecar"
    assert log.contains("Pushing sidecar-registry.test:${port}/sidecar (1.0.0-SNAPSHOT, latest) over plain HTTP (an insecure registry) as pusher (Docker credential helper docker-credential-static-go-it-double)")
    def helpers = root.resolve('target/it-credential-helpers').toFile()
    assert new File(helpers, 'static-go-it-double.args').text.trim() == 'get'
    assert new File(helpers, 'static-go-it-double.stdin').text == "sidecar-registry.test:${port}"
    return true
} finally {
    registry.stop(new File(basedir, 'registry'))
}
