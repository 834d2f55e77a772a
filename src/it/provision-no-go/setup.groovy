// The toolchain cache is shared by every run of this IT in one outer build (each Maven version's), so
// the 70 MB toolchain is downloaded once per test run; whether this run found it empty is noted for
// verify.groovy.
def root = basedir.toPath().resolve('../../..').normalize()
def cache = root.resolve('target/it-toolchain-cache').toFile()
new File(basedir, 'cache-was-empty').text = String.valueOf(!new File(cache, 'go1.26.8.linux-amd64').exists())
evaluate(root.resolve('src/it/shared/provisioning-config.groovy').toFile())(basedir, cache)
return true
