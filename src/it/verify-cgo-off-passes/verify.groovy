def report = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/static-go/verify-report.json'))
assert report.binaries.size() == 2
report.binaries.each { b ->
    assert b.format == 'elf'
    assert b.linkage == 'static'
    assert b.interpreter == null
    assert b.needed == []
    assert b.cgo == false
    assert b.goos == 'linux'
    assert b.problems == []
    assert b.ok == true
}
assert report.binaries*.goarch.sort() == ['amd64', 'arm64']
def log = new File(basedir, 'build.log').text
assert log =~ /linux\/amd64\s+netuser-linux-amd64\s+elf\s+static\s+amd64/
return true
