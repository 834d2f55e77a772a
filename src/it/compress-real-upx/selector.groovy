// Runs only where a real upx is on PATH. Where it is not (this project's CI: no registry it reaches
// serves UPX), the IT is skipped and says why.
def upx = System.getenv('PATH').split(File.pathSeparator).collect { new File(it, 'upx') }.find { it.canExecute() }
if (upx == null) {
    def reason = "[compress-real-upx] SKIPPED: there is no upx on PATH, so the real-UPX path is not exercised here" +
            " (install UPX, e.g. apt-get install upx-ucl, to run it)"
    println reason                 // into the IT's build.log
    // and onto the outer build's console: the invoker captures System.out, so write to the process's stdout
    def console = new PrintStream(new FileOutputStream(FileDescriptor.out), true)
    console.println('[WARNING] ' + reason)
    return false
}
println "[compress-real-upx] running with ${upx}"
return true
