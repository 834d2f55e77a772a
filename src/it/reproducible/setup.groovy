// The second copy of the sources is made here, so both directories hold the same bytes by construction.
// ITs run in target/<clone folder>/<this IT>, three levels below the project root.
def root = basedir.toPath().resolve('../../..').normalize()
def copyTree = evaluate(root.resolve('src/it/shared/copy-tree.groovy').toFile())
return copyTree(basedir.toPath().resolve('a/src'), basedir.toPath().resolve('nested/deeper/b/src'))
