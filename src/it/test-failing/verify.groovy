import groovy.xml.XmlSlurper

def log = new File(basedir, 'build.log').text
// The build fails and says which test failed and why, once, without a stack trace.
assert log.contains('There are Go test failures:')
assert log.contains('example.com/test-failing/calc TestSubIsWrong: calc_test.go:13: Sub(5, 3) = 2, want 3')
assert log.contains('Tests run: 2, Failures: 1, Errors: 0, Skipped: 0')
assert !log.contains('at io.github.staticgo')

def suite = new XmlSlurper().parse(new File(basedir, 'target/surefire-reports/TEST-example.com.test-failing.calc.xml'))
assert suite.@tests.toInteger() == 2
assert suite.@failures.toInteger() == 1
def failure = suite.testcase.find { it.@name == 'TestSubIsWrong' }.failure
assert failure.size() == 1
assert failure.@message.toString().contains('Sub(5, 3) = 2, want 3')
assert suite.testcase.find { it.@name == 'TestAdd' }.failure.size() == 0
return true
