// The example sidecar's sources, a registry on 127.0.0.1, a settings.xml server for it with the wrong password,
// and a hosts file that names the registry sidecar-registry.test for the third build's JVM.
// ITs run in target/<clone folder>/<this IT>, three levels below the project root.
def root = basedir.toPath().resolve('../../..').normalize()
def copyTree = evaluate(root.resolve('src/it/shared/copy-tree.groovy').toFile())
def registry = evaluate(root.resolve('src/it/shared/registry.groovy').toFile())
copyTree(root.resolve('examples/sidecar/src'), basedir.toPath().resolve('src'))

def port = registry.start(new File(basedir, 'registry'))
// The wrong password encrypted with Maven's settings-security, which the builds decrypt; the fifth names a
// settings-security.xml that is not there, so the password cannot be decrypted.
def encrypt = evaluate(root.resolve('src/it/shared/settings-security.groovy').toFile())
def security = new File(basedir, 'settings-security.xml')
registry.configure(basedir, port, encrypt(security, 'wrong-secret'))
new File(basedir, '.mvn/maven.config') << "-Dsettings.security=${security.absolutePath}\n"
new File(basedir, 'hosts').text = "127.0.0.1 sidecar-registry.test\n"
return true
