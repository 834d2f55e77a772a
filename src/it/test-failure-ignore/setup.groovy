// The Go module (one passing and one failing test) is test-failing's, kept in one place.
// ITs run in target/<clone folder>/<this IT>, three levels below the project root.
def root = basedir.toPath().resolve('../../..').normalize()
def copyTree = evaluate(root.resolve('src/it/shared/copy-tree.groovy').toFile())
return copyTree(root.resolve('src/it/test-failing/src'), basedir.toPath().resolve('src'))
