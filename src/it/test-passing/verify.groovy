import groovy.xml.XmlSlurper

// The expected names and counts are read off src/main/go/*/*_test.go, not off the plugin's output.
def reports = new File(basedir, 'target/surefire-reports')
def files = reports.list().findAll { it.startsWith('TEST-') }.sort()
assert files == ['TEST-example.com.test-passing.calc.xml', 'TEST-example.com.test-passing.util.xml']

def calc = new XmlSlurper().parse(new File(reports, files[0]))
assert calc.name() == 'testsuite'
assert calc.@name == 'example.com/test-passing/calc'
assert calc.@tests.toInteger() == 6      // TestAdd, TestTable, its 2 subtests, TestNeedsNetwork, ExampleAdd
assert calc.@failures.toInteger() == 0
assert calc.@errors.toInteger() == 0
assert calc.@skipped.toInteger() == 1
assert calc.testcase*.@name*.toString() ==
        ['TestAdd', 'TestTable', 'TestTable/small', 'TestTable/negative', 'TestNeedsNetwork', 'ExampleAdd']
assert calc.testcase.every { it.@classname == 'example.com/test-passing/calc' }
def skipped = calc.testcase.find { it.@name == 'TestNeedsNetwork' }.skipped
assert skipped.size() == 1 && skipped.@message.toString().contains('no network in this test')
assert calc.properties.property.find { it.@name == 'CGO_ENABLED' }.@value == '0'

def util = new XmlSlurper().parse(new File(reports, files[1]))
assert util.@tests.toInteger() == 1
assert util.testcase.@name == 'TestTrue'

// Coverage went into target/ and its total was logged.
assert new File(basedir, 'target/go-coverage.out').readLines()[0].startsWith('mode: ')
def log = new File(basedir, 'build.log').text
assert log =~ /Coverage: \d+\.\d% of statements/
assert log.contains('Tests run: 7, Failures: 0, Errors: 0, Skipped: 1')
assert log.contains('-count=1')
return true
