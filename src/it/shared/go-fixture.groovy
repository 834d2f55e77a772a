// Puts one of the shared Go modules (src/it/shared/go/<name>) where an IT's pom builds it, src/main/go,
// so that a module several ITs build exists once. A setup script evaluates this file and calls what it
// returns: fixture(basedir, 'netuser'). ITs run in target/<clone folder>/<IT>, three levels below the root.
return { File basedir, String name ->
    def root = basedir.toPath().resolve('../../..').normalize()
    def copyTree = evaluate(root.resolve('src/it/shared/copy-tree.groovy').toFile())
    return copyTree(root.resolve("src/it/shared/go/${name}"), basedir.toPath().resolve('src/main/go'))
}
