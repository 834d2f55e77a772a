def log = new File(basedir, 'build.log').text
assert log.contains("<targets>: unknown target 'linux/amd46'")
assert log.contains('Did you mean linux/amd64')
// It failed before building anything, the valid linux/arm64 target included.
assert !new File(basedir, 'target/static-go').exists()
// One message, no stack trace at the default log level.
assert !log.contains('at io.github.staticgo')
return true
