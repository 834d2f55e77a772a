// The go commands each agent started, as the recording wrapper saw them (src/it/shared/recording-go.groovy).
def root = basedir.toPath().resolve('../../..').normalize()
def recordingGo = evaluate(root.resolve('src/it/shared/recording-go.groovy').toFile())
def nginxPid = new File(basedir, 'nginx/nginx.pid')
try {
    // A restored run starts no go at all, not even go env: agent 1 ran go once, agent 2 never.
    def calls = recordingGo.calls(basedir)
    assert calls.sort() == ['build linux/amd64', 'build linux/arm64', 'env'] : "agent 1: built once, then restored: ${calls}"
    assert !new File(basedir, 'agent-2/go-calls.log').exists() : 'agent 2: restored from the remote cache'

    // The remote cache received the build over HTTP (nginx's own log).
    def access = new File(basedir, 'nginx/access.log').text
    assert access =~ /"PUT \/cache\/\S+ HTTP\/1\.1" 20[14]/
    assert access =~ /"GET \/cache\/\S+ HTTP\/1\.1" 200/

    // Restored binaries are what go builds from these sources with the command the build was asked for
    // (the build is reproducible), still executable, and they run.
    def rebuilt = new File(basedir, 'rebuilt')
    rebuilt.mkdirs()
    ['amd64': 'GOAMD64=v1', 'arm64': 'GOARM64=v8.0'].each { arch, variant ->
        def go = ['go', 'build', '-o', new File(rebuilt, "sidecar-linux-$arch").path, '-trimpath', '-buildvcs=false',
                  '-ldflags=-buildid= -s -w -X main.version=1.0.0-SNAPSHOT', '.']
            .execute(["CGO_ENABLED=0", "GOOS=linux", "GOARCH=$arch", variant, "GOFLAGS=", "GOTOOLCHAIN=local",
                      "HOME=${System.getenv('HOME')}", "PATH=${System.getenv('PATH')}"], new File(basedir, 'src/main/go'))
        go.waitFor()
        assert go.exitValue() == 0 : go.err.text
    }
    ['.', 'agent-2'].each { agent ->
        ['sidecar-linux-amd64', 'sidecar-linux-arm64'].each { name ->
            def restored = new File(basedir, "$agent/target/static-go/$name")
            assert restored.bytes == new File(rebuilt, name).bytes : "$agent/$name byte for byte"
            assert restored.canExecute() : "$agent/$name keeps its exec bit"
        }
        def version = [new File(basedir, "$agent/target/static-go/sidecar-linux-amd64").path, '--version'].execute().text
        assert version.trim() == 'sidecar 1.0.0-SNAPSHOT linux/amd64'
    }

    // Every run verified and smoke-ran the binaries, restored ones too.
    def log = new File(basedir, 'build.log').text
    assert log.count('Skipping plugin execution (cached): static-go:build') == 2
    assert log.count('Smoke run linux/amd64 sidecar-linux-amd64 --version: exit 0') == 3
    assert log.count('BUILD SUCCESS') == 3
} finally {
    if (nginxPid.exists()) {
        ['kill', nginxPid.text.trim()].execute().waitFor()
    }
}
return true
