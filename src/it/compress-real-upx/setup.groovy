// The Go module is the shared packme fixture (src/it/shared/go/packme).
return evaluate(basedir.toPath().resolve('../../../src/it/shared/go-fixture.groovy').normalize().toFile())(basedir, 'packme')
