// The pom declares linux/arm64 and a misspelled linux/amd46; the user property replaces both, one of its targets
// with a comma in its variant.
def out = new File(basedir, 'target/static-go')
assert out.list().toList().sort() == ['build.json', 'targets-property-linux-386', 'targets-property-linux-arm64-v8.2-lse', 'targets-property-linux-riscv64']
// The comma inside GOARM64's v8.2,lse did not split the target: go built it with that variant.
def arm64 = ['go', 'version', '-m', new File(out, 'targets-property-linux-arm64-v8.2-lse').path].execute().text
assert arm64.contains('GOARM64=v8.2,lse') : arm64
def header = ['readelf', '-h', new File(out, 'targets-property-linux-riscv64').path].execute().text
assert header.contains('RISC-V')
return true
