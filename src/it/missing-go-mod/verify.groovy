def log = new File(basedir, 'build.log').text
assert log.contains('<sourceDirectory>: there is no go.mod in')
assert log.contains('src/main/go')
assert !log.contains('at io.github.staticgo')
return true
