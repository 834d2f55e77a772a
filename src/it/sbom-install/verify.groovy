// The SBOMs are checked against what Go itself reads from each binary (go version -m), the binary's own bytes
// (SHA-256 and SHA-512 computed here) and the pom, never against the plugin's other output.
import groovy.json.JsonSlurper
import java.security.MessageDigest

// ITs run in target/<clone folder>/<this IT>, three levels below the project root.
def run = evaluate(basedir.toPath().resolve('../../../src/it/shared/run.groovy').normalize().toFile())

def digest(String algorithm, File f) {
    MessageDigest.getInstance(algorithm).digest(f.bytes).encodeHex().toString()
}

def out = new File(basedir, 'target/static-go')
def repo = new File(localRepositoryPath, 'io/github/staticgo/it/sbom/1.0')
['linux-amd64': 'amd64', 'linux-arm64': 'arm64'].each { classifier, goarch ->
    def binary = new File(out, "sbom-${classifier}")
    def sbomFile = new File(out, "sbom-${classifier}.cdx.json")
    assert sbomFile.isFile() : "no SBOM beside ${binary}"
    def installed = new File(repo, "sbom-1.0-${classifier}-cyclonedx.json")
    assert installed.isFile() : "the SBOM is not installed with the classifier ${classifier}-cyclonedx"
    assert installed.bytes == sbomFile.bytes

    def sbom = new JsonSlurper().parse(sbomFile)
    assert sbom.bomFormat == 'CycloneDX'
    assert sbom.specVersion == '1.6'
    assert sbom.metadata.timestamp == '2026-03-01T12:00:00Z' // project.build.outputTimestamp

    // The binary is the main component, with the hashes of its file.
    def main = sbom.metadata.component
    assert main.type == 'application'
    assert main.purl == "pkg:golang/example.com/sbomapp?goarch=${goarch}&goos=linux"
    def hashes = main.hashes.collectEntries { [(it.alg): it.content] }
    assert hashes['SHA-256'] == digest('SHA-256', binary)
    assert hashes['SHA-512'] == digest('SHA-512', binary)
    def mainProperties = main.properties.collectEntries { [(it.name): it.value] }
    assert mainProperties['cdx:gomod:build:env:GOARCH'] == goarch
    assert mainProperties['cdx:gomod:build:env:CGO_ENABLED'] == '0'

    // Every module go version -m lists, as linked (a replaced one as its replacement), and the standard library.
    def goInfo = run(['go', 'version', '-m', binary.path])
    def expected = [:]
    def sums = [:]
    def last = null
    goInfo.readLines()*.trim().each { line ->
        def columns = line.split('\t')
        if (columns[0] == 'dep') {
            last = columns[1]
            expected[columns[1]] = columns[2]
            if (columns.length > 3) sums[columns[1]] = columns[3]
        } else if (columns[0] == '=>') {
            expected.remove(last)
            expected[columns[1]] = columns[2]
            sums[columns[1]] = columns[3]
        }
    }
    assert expected == ['golang.org/x/sync': 'v0.10.0', 'golang.org/x/text': 'v0.3.8'] : goInfo
    def goVersion = goInfo.readLines()[0].split(': ')[1].trim()
    def components = sbom.components.collectEntries { [(it.name): it.version] }
    assert components == expected + [stdlib: goVersion]
    sbom.components.findAll { it.name != 'stdlib' }.each { c ->
        assert c.purl == "pkg:golang/${c.name}@${c.version}"
        assert !c.hashes : "an h1: sum is no file hash: ${c}"
        assert c.properties.find { it.name == 'static-go:gomod:sum' }.value == sums[c.name]
    }
    assert sbom.components.find { it.name == 'golang.org/x/text' }.properties
            .find { it.name == 'static-go:gomod:replaces' }.value == 'golang.org/x/text@v0.3.7'

    // main depends on every component.
    def mainDependencies = sbom.dependencies.find { it.ref == main.'bom-ref' }
    assert mainDependencies.dependsOn.toSet() == sbom.components*.'bom-ref'.toSet()
}
return true
