def lines = new File(basedir, 'build.log').readLines()
def expected = [
    "Maven runs offline (-o) and go1.26.8 for linux/amd64 is not in the toolchain cache ",
    "<goProvisioning>: 'sometimes' is not a provisioning mode: use auto, always or never.",
    "<goToolchainHash>: GOSUMDB is off, so no checksum database vouches for go1.26.8 for linux/amd64",
    "<goProxy>/GOPROXY is 'off': it names no module proxy",
    // A proxy answers 404 or 410 for a release it does not know (then the message says so) or, like the
    // one this machine reaches, 403 (then it is that proxy's failure, with its answer); either way the
    // line names the version and <goVersion>.
    ~/(<goVersion>: 1\.99\.0 is not a Go release any module proxy knows|failed to send go1\.99\.0 for linux\/amd64: HTTP 4\d\d.*<goVersion>)/,
    "Cannot find the go command",
]
expected.each { message ->
    def line = lines.find { message instanceof java.util.regex.Pattern ? it =~ message : it.contains(message) }
    assert line != null : "missing: ${message}"
    assert line.startsWith('[ERROR] Failed to execute goal ') : line
}
assert lines.count { it.startsWith('[ERROR] Failed to execute goal ') } == expected.size()
assert !lines.any { it.startsWith('\tat ') || it.startsWith('Caused by') || it.contains('Exception:') }
// Nothing was installed, and nothing half-written was left.
def cache = new File(basedir, 'toolchain-cache')
assert !cache.exists() || cache.list().every { it.endsWith('.lock') } : cache.list()
return true
