// Writes .mvn/maven.config of an IT that provisions go: the module proxy and checksum database are this
// machine's, as the real go reports them (Go's default unless the environment says otherwise), and the
// toolchain cache is the given directory. A setup script evaluates this file and calls what it returns:
// provisioningConfig(basedir, cacheDirectory).
return { File basedir, File cache ->
    def root = basedir.toPath().resolve('../../..').normalize()
    def run = evaluate(root.resolve('src/it/shared/run.groovy').toFile())
    def goEnv = run(['go', 'env', 'GOPROXY', 'GOSUMDB']).readLines()
    def mvnDir = new File(basedir, '.mvn')
    mvnDir.mkdirs()
    new File(mvnDir, 'maven.config').text = [
            "-Dstatic-go.goProxy=${goEnv[0].trim()}",
            "-Dstatic-go.goSumDb=${goEnv[1].trim()}",
            "-Dstatic-go.toolchainCache=${cache}"].join('\n') + '\n'
}
