// The example sidecar's sources, a registry on 127.0.0.1, a settings.xml server for it with the wrong password,
// and a hosts file that names the registry sidecar-registry.test for the third build's JVM.
// ITs run in target/<clone folder>/<this IT>, three levels below the project root.
def root = basedir.toPath().resolve('../../..').normalize()
def copyTree = evaluate(root.resolve('src/it/shared/copy-tree.groovy').toFile())
def registry = evaluate(root.resolve('src/it/shared/registry.groovy').toFile())
copyTree(root.resolve('examples/sidecar/src'), basedir.toPath().resolve('src'))

def port = registry.start(new File(basedir, 'registry'))
registry.configure(basedir, port, 'wrong-secret')
new File(basedir, 'hosts').text = "127.0.0.1 sidecar-registry.test\n"
return true
