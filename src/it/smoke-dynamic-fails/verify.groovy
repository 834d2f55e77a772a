// The analyzer's finding and the smoke run's both name the problem; the kernel cannot find the
// interpreter in a root that holds only the binary.
def log = new File(basedir, 'build.log').text
assert log.contains('1 binary fails verification:')
assert log.contains('- is dynamically linked: interpreter /lib64/ld-linux-x86-64.so.2; needs libc.so.6')
assert log.contains('- smoke run (unshare) did not start in the empty root: unshare: failed to execute /netuser-linux-amd64: No such file or directory')
assert log.contains('fix: it is dynamically linked: its interpreter /lib64/ld-linux-x86-64.so.2 (and the libraries after it) is not in the empty root')

def report = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/static-go/verify-report.json'))
def smoke = report.binaries[0].smoke
assert smoke.result == 'failed' && smoke.ran && smoke.method == 'unshare'
assert smoke.exitCode == 127
assert report.binaries[0].problems.size() == 2
assert report.binaries[0].ok == false
return true
