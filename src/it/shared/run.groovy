// Runs a command and returns what it printed on standard output; fails the IT when it exits non-zero.
// A script evaluates this file and calls what it returns: run(['readelf', '-lW', path]).
return { List<String> command ->
    def process = command.execute()
    def stdout = new StringBuilder(), stderr = new StringBuilder()
    process.waitForProcessOutput(stdout, stderr)
    assert process.exitValue() == 0 : "${command} failed: ${stderr}"
    return stdout.toString()
}
