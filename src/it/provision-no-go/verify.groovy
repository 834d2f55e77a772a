// Facts from outside the plugin: the real go's `go version -m` and readelf read the binaries.
def root = basedir.toPath().resolve('../../..').normalize()
def run = evaluate(root.resolve('src/it/shared/run.groovy').toFile())
def logs = new File(basedir, 'build.log').text
def cacheWasEmpty = new File(basedir, 'cache-was-empty').text == 'true'
def goRoot = root.resolve('target/it-toolchain-cache/go1.26.8.linux-amd64')

if (cacheWasEmpty) {
    assert logs.contains('Provisioning go1.26.8 for linux/amd64 (golang.org/toolchain@v0.0.1-go1.26.8.linux-amd64)')
    assert logs =~ /Downloaded go1\.26\.8 for linux\/amd64: [\d.]+ MiB/
    assert logs =~ /provisioned from \S+, h1:\S+ as recorded by the checksum database \S+ .*record proven in its signed tree of \d+ records/
}
// The second run (proxy unreachable) found it in the cache.
assert logs =~ /Using go1\.26\.8 \(\S+go1\.26\.8\.linux-amd64\/bin\/go\) on linux\/amd64, from the toolchain cache/
assert !logs.contains('Cannot find the go command')
assert logs.contains('Tests run: 1, Failures: 0')

['linux-amd64', 'linux-arm64'].each { platform ->
    def binary = new File(basedir, "target/static-go/provision-no-go-${platform}").toString()
    def info = run(['go', 'version', '-m', binary])
    assert info.startsWith("${binary}: go1.26.8") : info
    assert info.contains('CGO_ENABLED=0')
    assert !run(['readelf', '-lW', binary]).contains('INTERP')
}
// What the cache holds was verified against the checksum database: its h1: is the one the real go's
// own download of that toolchain would check (go.sum line of golang.org/toolchain is the same record).
def provenance = new groovy.json.JsonSlurper().parse(goRoot.resolve('static-go-provenance.json').toFile())
assert provenance.moduleVersion == 'v0.0.1-go1.26.8.linux-amd64'
assert run([goRoot.resolve('bin/go').toString(), 'version']).trim() == 'go version go1.26.8 linux/amd64'
return true
