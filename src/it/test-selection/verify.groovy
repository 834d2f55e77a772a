import groovy.xml.XmlSlurper

// -Dtest=TestA* selects TestAdd only, so the failing TestSubIsWrong does not run and the build passes.
def log = new File(basedir, 'build.log').text
assert log.contains('-run=^(TestA.*)$')
assert log.contains('BUILD SUCCESS')
def suite = new XmlSlurper().parse(new File(basedir, 'target/surefire-reports/TEST-example.com.test-failing.calc.xml'))
assert suite.testcase*.@name*.toString() == ['TestAdd']
assert suite.@failures.toInteger() == 0
return true
