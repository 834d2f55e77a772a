// The sidecar's image as the registry holds it, against its base as the registry holds that (skopeo): per
// platform the base's layers and then the sidecar's, the base's config with the sidecar's settings over it;
// the amd64 image unpacked by umoci runs under runc; the offline and missing-platform builds.
import groovy.json.JsonOutput
import groovy.json.JsonSlurper
import java.security.MessageDigest

// ITs run in target/<clone folder>/<this IT>, three levels below the project root.
def root = basedir.toPath().resolve('../../..').normalize()
def run = evaluate(root.resolve('src/it/shared/run.groovy').toFile())
def registry = evaluate(root.resolve('src/it/shared/registry.groovy').toFile())
def json = new JsonSlurper()
try {
    def address = (new File(basedir, '.mvn/maven.config').text =~ /-Dregistry=(\S+)/)[0][1]
    def creds = ['--creds', 'pusher:it-secret', '--tls-verify=false']
    // The document as the registry serves it; run() reads output line by line and ends it with a newline.
    def rawText = { String reference ->
        run(['skopeo', 'inspect', '--raw'] + creds + ["docker://${address}/${reference}"]).replaceFirst(/\n\z/, '')
    }
    def raw = { String reference -> json.parseText(rawText(reference)) }
    def configOf = { String reference ->
        json.parseText(run(['skopeo', 'inspect', '--config', '--raw'] + creds + ["docker://${address}/${reference}"]))
    }
    def sha256 = { String text -> 'sha256:' + MessageDigest.getInstance('SHA-256').digest(text.getBytes('UTF-8')).encodeHex() }
    def baseIndex = raw('base:1.0')
    def index = raw('sidecar:1.0')
    assert index.manifests*.platform*.architecture == ['amd64', 'arm64']
    index.manifests.eachWithIndex { entry, i ->
        def baseEntry = baseIndex.manifests.find { it.platform == entry.platform }
        def baseManifest = raw("base@${baseEntry.digest}")
        def manifest = raw("sidecar@${entry.digest}")
        // The base's layers, then the sidecar's binary alone (no CA bundle or user of ours on a base).
        assert manifest.layers.size() == baseManifest.layers.size() + 1
        assert manifest.layers[0..-2]*.digest == baseManifest.layers*.digest
        assert manifest.annotations['org.opencontainers.image.base.name'] == "${address}/base:1.0".toString()
        assert manifest.annotations['org.opencontainers.image.base.digest'] == baseEntry.digest
        def config = configOf("sidecar@${entry.digest}")
        def baseConfig = configOf("base@${baseEntry.digest}")
        assert config.architecture == entry.platform.architecture && config.os == 'linux'
        assert config.rootfs.diff_ids.size() == manifest.layers.size()
        assert config.rootfs.diff_ids[0..-2] == baseConfig.rootfs.diff_ids
        assert config.history.size() == baseConfig.history.size() + 1
        assert config.config.Env == ['BASE_ONLY=1', 'SHARED=ours']
        assert config.config.ExposedPorts.keySet() == ['8081/tcp', '9000/tcp'] as Set
        assert config.config.Labels == [layer: 'base', team: 'platform']
        assert config.config.User == '65532:65532' && config.config.WorkingDir == '/srv'
        assert config.config.Entrypoint == ['/usr/local/bin/sidecar'] && config.config.Cmd == null
    }

    // The amd64 image runs as the base's user, in the base's working directory, with both binaries in it.
    def single = new File(basedir, 'target/amd64')
    run(['skopeo', 'copy', '--override-arch', 'amd64', '--override-os', 'linux', '--src-creds', 'pusher:it-secret',
         '--src-tls-verify=false', "docker://${address}/sidecar:1.0", "oci:${single}:run"])
    def bundle = new File(basedir, 'target/bundle')
    run(['umoci', 'unpack', '--image', "${single}:run", bundle.path])
    assert new File(bundle, 'rootfs/usr/local/bin/base-tool').canExecute()
    assert new File(bundle, 'rootfs/etc/passwd').text.contains('nonroot:x:65532:65532:')
    def runtimeConfig = json.parse(new File(bundle, 'config.json'))
    assert runtimeConfig.process.user.uid == 65532 && runtimeConfig.process.cwd == '/srv'
    runtimeConfig.process.args = ['/usr/local/bin/sidecar', '--version']
    runtimeConfig.process.terminal = false
    new File(bundle, 'config.json').text = JsonOutput.toJson(runtimeConfig)
    def output = run(['runc', 'run', '--bundle', bundle.path, "static-go-it-base-${ProcessHandle.current().pid()}"])
    assert output.trim() == 'sidecar 1.0 linux/amd64'

    def log = new File(basedir, 'build.log').text
    // 3: the base's index fetched by its tag; 4: offline, the tag's digest and every blob from the cache, the same
    // image again.
    assert log.contains("Image base ${address}/base:1.0: ${sha256(rawText('base:1.0'))}")
    assert log.contains("Image base ${address}/base:1.0: offline, the digest last fetched for the tag, ${sha256(rawText('base:1.0'))}")
    def indexes = (log =~ /(?m)^\[INFO\] Image index (sha256:\w+)/).collect { it[1] }
    assert indexes.size() == 4 && indexes[3] == indexes[2]
    assert sha256(rawText('sidecar:1.0')) == indexes[2]
    // The base's 3 layers (one shared, one binary per platform) were in the registry's base repository: mounted
    // from there, not uploaded; the sidecar's 2 layers and 2 configs uploaded.
    def push = json.parse(new File(basedir, 'target/static-go-image/push.json'))
    assert push.pushed.indexDigest == indexes[2]
    assert push.pushed.mounted.size() == 3 && push.pushed.uploaded.size() == 4 && push.pushed.present.isEmpty()
    assert push.pushed.mounted as Set == baseIndex.manifests.collectMany { raw("base@${it.digest}").layers*.digest } as Set
    assert log.contains("0 already there, 3 mounted from ${address}/base, in ")
    // 5 and 6: one [ERROR] line each, naming the element.
    def errors = log.readLines().findAll { it.startsWith('[ERROR] Failed to execute goal') }*.replaceFirst(/.*? on project sidecar: /, '')
    assert errors == [
        "<image.base>: Maven is offline and ${address}/base:never was never fetched into the cache ${new File(basedir, 'oci-cache').absolutePath}: build once online, or name the base by its digest. -> [Help 1]".toString(),
        "<image.base>: ${address}/base:amd64-only has no image for linux/arm64/v8 (it has linux/amd64): name a base that has every target's platform, or leave the target out of the image. -> [Help 1]".toString()]
    assert !log.contains('it-secret')
    return true
} finally {
    registry.stop(new File(basedir, 'registry'))
}
