// The pom declares linux/arm64 and a misspelled linux/amd46; the user property replaces both.
def out = new File(basedir, 'target/static-go')
assert out.list().toList().sort() == ['build.json', 'targets-property-linux-386', 'targets-property-linux-riscv64']
def header = ['readelf', '-h', new File(out, 'targets-property-linux-riscv64').path].execute().text
assert header.contains('RISC-V')
return true
