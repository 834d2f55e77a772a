def log = new File(basedir, 'build.log').text
assert log.contains('Tests are skipped.')
assert !log.contains('Using go')
assert !new File(basedir, 'target/surefire-reports').exists()
return true
