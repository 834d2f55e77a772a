// Runs examples/sidecar itself: its pom.xml (over the placeholder) and its Go sources.
// ITs run in target/<clone folder>/<this IT>, three levels below the project root.
def root = basedir.toPath().resolve('../../..').normalize()
def copyTree = evaluate(root.resolve('src/it/shared/copy-tree.groovy').toFile())
java.nio.file.Files.copy(root.resolve('examples/sidecar/pom.xml'), basedir.toPath().resolve('pom.xml'),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING)
return copyTree(root.resolve('examples/sidecar/src'), basedir.toPath().resolve('src'))
