// The example sidecar's Go sources, twice (this checkout and checkout-2), and a registry on 127.0.0.1 whose
// address and credentials the builds get through .mvn/maven.config: -Dregistry and a global settings.xml,
// its password encrypted with Maven's settings-security, and a Docker config for the registry's other name.
// ITs run in target/<clone folder>/<this IT>, three levels below the project root.
def root = basedir.toPath().resolve('../../..').normalize()
def copyTree = evaluate(root.resolve('src/it/shared/copy-tree.groovy').toFile())
def registry = evaluate(root.resolve('src/it/shared/registry.groovy').toFile())
copyTree(root.resolve('examples/sidecar/src'), basedir.toPath().resolve('src'))
copyTree(root.resolve('examples/sidecar/src'), basedir.toPath().resolve('checkout-2/src'))
java.nio.file.Files.copy(basedir.toPath().resolve('pom.xml'), basedir.toPath().resolve('checkout-2/pom.xml'))

def port = registry.start(new File(basedir, 'registry'))
// The server's password encrypted with Maven's settings-security: the push gets it decrypted, as Maven does.
def encrypt = evaluate(root.resolve('src/it/shared/settings-security.groovy').toFile())
def security = new File(basedir, 'settings-security.xml')
registry.configure(basedir, port, encrypt(security, 'it-secret'))
new File(basedir, '.mvn/maven.config') << "-Dsettings.security=${security.absolutePath}\n"
// What docker login writes, written by skopeo login (the same auths format), for the name localhost:port.
def run = evaluate(root.resolve('src/it/shared/run.groovy').toFile())
run(['skopeo', 'login', '--authfile', new File(basedir, 'docker-config/config.json').path, '--tls-verify=false',
     '--username', 'pusher', '--password', 'it-secret', "localhost:${port}"])
// The Docker config leaves the registry's third name to a credential helper: a test double of one, which keeps
// what it was asked (its arguments and its standard input) and answers the registry's user as helpers do.
new File(basedir, 'hosts').text = "127.0.0.1 sidecar-registry.test\n"
def config = new File(basedir, 'docker-config/config.json')
def parsed = new groovy.json.JsonSlurper().parse(config)
parsed.credHelpers = [("sidecar-registry.test:" + port): 'static-go-it-double']
config.text = groovy.json.JsonOutput.toJson(parsed)
def helpers = root.resolve('target/it-credential-helpers').toFile()
helpers.mkdirs()
def helper = new File(helpers, 'docker-credential-static-go-it-double')
helper.text = """#!/bin/sh
here=\$(dirname "\$0")
echo "\$@" > "\$here/static-go-it-double.args"
cat > "\$here/static-go-it-double.stdin"
printf '{"ServerURL":"%s","Username":"pusher","Secret":"it-secret"}\\n' "\$(cat "\$here/static-go-it-double.stdin")"
"""
helper.setExecutable(true)
new File(helpers, 'static-go-it-double.stdin').delete()
return true
