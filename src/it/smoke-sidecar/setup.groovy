// The Go sources are the example sidecar's own (examples/sidecar), so this IT smoke-runs the real example.
// ITs run in target/<clone folder>/<this IT>, three levels below the project root.
def root = basedir.toPath().resolve('../../..').normalize()
def copyTree = evaluate(root.resolve('src/it/shared/copy-tree.groovy').toFile())
return copyTree(root.resolve('examples/sidecar/src'), basedir.toPath().resolve('src'))
