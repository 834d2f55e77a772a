// The second run (agent with cgo on) failed verify; it checked both executions' binaries, as readelf sees them.
def out = new File(basedir, 'target/static-go')

// ITs run in target/<clone folder>/<this IT>, three levels below the project root.
def run = evaluate(basedir.toPath().resolve('../../../src/it/shared/run.groovy').normalize().toFile())

assert !run(['readelf', '-lW', new File(out, 'server-linux-amd64').path]).contains('INTERP')
assert run(['readelf', '-lW', new File(out, 'agent-linux-amd64').path]).contains('INTERP')

def manifest = new groovy.json.JsonSlurper().parse(new File(out, 'build.json'))
assert manifest.binaries*.file.sort() == ['agent-linux-amd64', 'server-linux-amd64']
assert manifest.binaries.find { it.file == 'agent-linux-amd64' }.execution == 'agent'

def report = new groovy.json.JsonSlurper().parse(new File(out, 'verify-report.json'))
assert report.binaries.size() == 2 : 'verify checks the binaries of both executions'
assert report.binaries.find { it.file.endsWith('server-linux-amd64') }.ok
def agent = report.binaries.find { it.file.endsWith('agent-linux-amd64') }
assert !agent.ok && agent.linkage == 'dynamic'

def log = new File(basedir, 'build.log').text
assert log.contains('1 binary fails verification')
assert log.contains('agent-linux-amd64 (linux/amd64)')
return true
