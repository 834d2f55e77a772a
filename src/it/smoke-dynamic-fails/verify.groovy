// The analyzer's finding and the smoke run's both name the problem; the kernel cannot find the
// interpreter in a root that holds only the binary.
def log = new File(basedir, 'build.log').text
assert log.contains('1 binary fails verification:')
assert log.contains('- is dynamically linked: interpreter /lib64/ld-linux-x86-64.so.2; needs libc.so.6')
assert log.contains('- smoke run (bwrap) did not start in the empty root: bwrap: execvp /netuser-linux-amd64: No such file or directory')
assert log.contains('fix: it is dynamically linked: its interpreter /lib64/ld-linux-x86-64.so.2 (and the libraries after it) is not in the empty root')

def report = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/static-go/verify-report.json'))
def smoke = report.binaries[0].smoke
assert smoke.result == 'failed' && smoke.ran && smoke.method == 'bwrap'
assert smoke.exitCode == 1 // bwrap's, when the kernel cannot start the program
assert report.binaries[0].problems.size() == 2
assert report.binaries[0].ok == false
return true
