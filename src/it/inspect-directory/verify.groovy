def slurp = { name -> new groovy.json.JsonSlurper().parse(new File(basedir, "target/${name}")) }

def all = slurp('inspect-all.json')
def byName = all.binaries.collectEntries { [(new File(it.file).name): it] }
assert byName.keySet() == ['build.json', 'inspected-linux-amd64', 'inspected-linux-arm64'] as Set
assert byName['build.json'].format == 'unknown'
assert byName['build.json'].linkage == null
assert byName['inspected-linux-amd64'].goarch == 'amd64'
assert byName['inspected-linux-arm64'].goarch == 'arm64'
assert all.binaries.every { it.ok }

def expected = slurp('inspect-amd64.json')
def verdicts = expected.binaries.collectEntries { [(new File(it.file).name): it.ok] }
assert verdicts == ['build.json': true, 'inspected-linux-amd64': true, 'inspected-linux-arm64': false]
def log = new File(basedir, 'build.log').text
assert log.contains('its header says arm64, not amd64')
return true
