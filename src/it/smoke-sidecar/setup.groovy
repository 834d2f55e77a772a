// The Go sources are the example sidecar's own (examples/sidecar), so this IT smoke-runs the real example.
// ITs run in target/<clone folder>/<this IT>, three levels below the project root.
def root = basedir.toPath().resolve('../../..').normalize()
def copyTree = evaluate(root.resolve('src/it/shared/copy-tree.groovy').toFile())
// A root a killed run left behind, its owner a JVM that cannot be running (2^22 + 1 is above the largest
// pid_max the kernel allows): the run sweeps it before it starts.
new File(basedir, 'target/static-go-smoke/root-4194305-1-1/left').mkdirs()
return copyTree(root.resolve('examples/sidecar/src'), basedir.toPath().resolve('src'))
