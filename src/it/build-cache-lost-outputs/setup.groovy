// The shared hello module as this project's Go module.
def root = basedir.toPath().resolve('../../..').normalize()
return evaluate(root.resolve('src/it/shared/go-fixture.groovy').toFile())(basedir, 'hello')
