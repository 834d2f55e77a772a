// Both runs of the example passed verify (the invoker checks each build's result); this checks what the
// second run, -Pmusl, left: a cgo binary linked statically against musl, as readelf and go version -m read it.
def out = new File(basedir, 'target/static-go')
def binary = new File(out, 'sidecar-linux-amd64')

// ITs run in target/<clone folder>/<this IT>, three levels below the project root.
def run = evaluate(basedir.toPath().resolve('../../../src/it/shared/run.groovy').normalize().toFile())

def programHeaders = run(['readelf', '-lW', binary.path])
assert !programHeaders.contains('INTERP') && !programHeaders.contains('DYNAMIC')
def goInfo = run(['go', 'version', '-m', binary.path])
assert goInfo.contains('CGO_ENABLED=1') && goInfo.contains('-tags=netgo,osusergo')
assert run([binary.path, '--version']).trim() == 'sidecar 1.0.0-SNAPSHOT linux/amd64'

def report = new groovy.json.JsonSlurper().parse(new File(out, 'verify-report.json'))
assert report.binaries.size() == 1 : 'the musl profile replaces the default targets'
assert report.binaries[0].ok && report.binaries[0].glibcNss == false
assert report.binaries[0].smoke.result == 'passed'

// The image goal put that one verified binary into a one-platform image; push waits for deploy.
def image = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/static-go-image/image.json'))
assert image.name == 'registry.example.com/team/sidecar' && image.tags == ['1.0.0-SNAPSHOT']
assert image.images*.platform == ['linux/amd64'] && image.images[0].binarySha256 == report.binaries[0].sha256
assert !new File(basedir, 'target/static-go-image/push.json').exists()
def config = new groovy.json.JsonSlurper().parse(new File(basedir,
        'target/static-go-image/layout/blobs/sha256/' + image.images[0].configDigest.substring(7)))
assert config.config.Entrypoint == ['/usr/local/bin/sidecar'] && config.config.Cmd == ['--listen', '0.0.0.0:8081']
return true
