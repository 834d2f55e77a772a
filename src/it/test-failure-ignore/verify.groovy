import groovy.xml.XmlSlurper

def log = new File(basedir, 'build.log').text
// The failure is reported as a warning and the build goes on.
assert log.contains('[WARNING] There are Go test failures:')
assert log.contains('TestSubIsWrong')
assert log.contains('BUILD SUCCESS')

def suite = new XmlSlurper().parse(new File(basedir, 'target/surefire-reports/TEST-example.com.test-failing.calc.xml'))
assert suite.@failures.toInteger() == 1
assert suite.testcase.find { it.@name == 'TestSubIsWrong' }.failure.size() == 1
return true
