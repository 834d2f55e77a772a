// The Go module is the shared netuser fixture (src/it/shared/go/netuser).
return evaluate(basedir.toPath().resolve('../../../src/it/shared/go-fixture.groovy').normalize().toFile())(basedir, 'netuser')
