// go runs through the recording wrapper (src/it/shared/recording-go.groovy). ITs run in
// target/<clone folder>/<this IT>, three levels below the project root.
def root = basedir.toPath().resolve('../../..').normalize()
return evaluate(root.resolve('src/it/shared/recording-go.groovy').toFile()).install(basedir)
