// The Go module is the shared hello fixture (src/it/shared/go/hello).
return evaluate(basedir.toPath().resolve('../../../src/it/shared/go-fixture.groovy').normalize().toFile())(basedir, 'hello')
