// The "third-party sidecar": a C program linked dynamically by the host's gcc, so it is an x86-64
// binary that needs glibc, declared in the pom as linux/arm64.
def dir = new File(basedir, 'vendor-bin')
dir.mkdirs()
def source = new File(dir, 'agent.c')
source.text = '#include <stdio.h>\nint main(void) { puts("agent"); return 0; }\n'
def process = ['gcc', '-o', new File(dir, 'agent').path, source.path].execute()
process.waitForProcessOutput(System.out, System.err)
assert process.exitValue() == 0
// The Go module is the shared hello fixture (src/it/shared/go/hello).
return evaluate(basedir.toPath().resolve('../../../src/it/shared/go-fixture.groovy').normalize().toFile())(basedir, 'hello')
