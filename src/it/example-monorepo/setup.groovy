// examples/monorepo and the Go module of examples/sidecar that its sidecar module builds, at the same relative
// places. ITs run in target/<clone folder>/<this IT>, three levels below the project root.
def root = basedir.toPath().resolve('../../..').normalize()
def copyTree = evaluate(root.resolve('src/it/shared/copy-tree.groovy').toFile())
copyTree(root.resolve('examples/monorepo'), basedir.toPath().resolve('examples/monorepo'))
return copyTree(root.resolve('examples/sidecar/src'), basedir.toPath().resolve('examples/sidecar/src'))
