// A cgo binary linked against musl must have no interpreter and no dynamic section (ELF program
// headers, read with readelf), and must run.
def binary = new File(basedir, 'target/static-go/cgo-musl-linux-amd64')
assert binary.isFile()

// ITs run in target/<clone folder>/<this IT>, three levels below the project root.
def run = evaluate(basedir.toPath().resolve('../../../src/it/shared/run.groovy').normalize().toFile())

def programHeaders = run(['readelf', '-lW', binary.path])
assert !programHeaders.contains('INTERP')
assert !programHeaders.contains('DYNAMIC')
assert run(['readelf', '-d', binary.path]).contains('There is no dynamic section')

def goInfo = run(['go', 'version', '-m', binary.path])
assert goInfo.contains('CGO_ENABLED=1')
assert goInfo.contains('-tags=netgo,osusergo')

// The C code ran, and it was compiled against musl rather than glibc.
assert run([binary.path]).trim() == 'cgo says 42, libc not-glibc'

def log = new File(basedir, 'build.log').text
assert log.contains('CC=musl-gcc')

// verify passed the musl + net binary (Go's resolver names /etc/nsswitch.conf; musl has no NSS loader).
def report = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/static-go/verify-report.json'))
def entry = report.binaries.find { it.file.endsWith('cgo-musl-linux-amd64') }
assert entry.ok && entry.glibcNss == false && entry.linkage == 'static' : entry
assert log.contains('BUILD SUCCESS')
return true
