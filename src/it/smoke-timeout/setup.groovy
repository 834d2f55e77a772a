// The Go program is smoke-fails' (exit codes, versions, a hang with a child), kept in one place.
// ITs run in target/<clone folder>/<this IT>, three levels below the project root.
def root = basedir.toPath().resolve('../../..').normalize()
def copyTree = evaluate(root.resolve('src/it/shared/copy-tree.groovy').toFile())
return copyTree(root.resolve('src/it/smoke-fails/src'), basedir.toPath().resolve('src'))
