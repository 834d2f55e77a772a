import groovy.json.JsonSlurper

def out = new File(basedir, 'target/static-go')
// UPX_IS_THE_TEST_DOUBLE=yes is only for dry-running these scripts with the UPX test double on PATH,
// which does not compress; a real run never sets it, and then every packed file must be smaller.
def manifest = new JsonSlurper().parse(new File(out, 'build.json'))
manifest.binaries.each { b ->
    assert b.upx.packed == true : "${b.file} was not packed: ${b.upx.reason}"
    assert b.upx.sizeAfter < b.upx.sizeBefore || System.getenv("UPX_IS_THE_TEST_DOUBLE") == "yes"
    def test = ['upx', '-t', new File(out, b.file).path].execute()
    test.waitForProcessOutput(System.out, System.err)
    assert test.exitValue() == 0
}

// the packed binaries run (amd64 here; 386 where the kernel runs 32-bit x86)
def run = { String name ->
    def p = [new File(out, name).path].execute()
    def text = new StringBuilder()
    p.waitForProcessOutput(text, System.err)
    assert p.exitValue() == 0 : "${name} exited with ${p.exitValue()}"
    assert text.toString().trim() == 'packed sidecar true 200'
}
run('packme-linux-amd64')
run('packme-linux-386')

// reproducible: packing the kept original again with the same upx and options gives the same bytes
def again = new File(basedir, 'again')
def p = ['upx', '--no-env', '--no-progress', '-9', '-o', again.path, new File(out, 'unpacked/packme-linux-amd64').path].execute()
p.waitForProcessOutput(System.out, System.err)
assert p.exitValue() == 0
assert again.bytes == new File(out, 'packme-linux-amd64').bytes

def report = new JsonSlurper().parse(new File(out, 'verify-report.json'))
assert report.binaries.every { it.ok && it.upx }
assert report.binaries.find { it.goarch == 'amd64' && it.format == 'elf' }.linkage == 'static'
return true
