def lines = new File(basedir, 'build.log').readLines()
def expected = [
    "<targets>: linux/amd64/v9: 'v9' is not a valid GOAMD64 for amd64; use one of v1, v2, v3, v4.",
    "<threads>: 0 threads cannot build anything: use 1 or more, or leave it unset for one per processor.",
    "<goVersion> '1.22' is a language version, not one release: write the release, e.g. 1.22.0 for the first one.",
    "<binaryName>: '../escape' cannot be a file name",
    "<cgo>: unknown cgo mode 'static': use off, musl or on.",
    "<binaries>: each <binary> needs a <file> and a <platform>",
    "<vulnerabilities><onFound>: 'ignore' is neither fail nor warn.",
    "<vulnerabilities><database>: file:///nonexistent/static-go-vulndb holds no vulnerability database",
]
expected.each { message ->
    // Maven's own one-line failure: "[ERROR] Failed to execute goal ...: <message> -> [Help 1]".
    def line = lines.find { it.contains(message) }
    assert line != null : "missing: ${message}"
    assert line.startsWith('[ERROR] Failed to execute goal ') : line
}
assert lines.count { it.startsWith('[ERROR] Failed to execute goal ') } == expected.size()
// No stack trace at the default log level, and nothing was built.
assert !lines.any { it.startsWith('\tat ') || it.startsWith('Caused by') || it.contains('Exception:') }
assert !new File(basedir, 'target/static-go').exists()
return true
