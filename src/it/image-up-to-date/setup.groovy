// The example sidecar's Go sources.
// ITs run in target/<clone folder>/<this IT>, three levels below the project root.
def root = basedir.toPath().resolve('../../..').normalize()
def copyTree = evaluate(root.resolve('src/it/shared/copy-tree.groovy').toFile())
copyTree(root.resolve('examples/sidecar/src'), basedir.toPath().resolve('src'))
return true
