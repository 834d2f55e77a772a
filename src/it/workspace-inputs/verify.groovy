// The targets go built, one list per Maven run (src/it/shared/recording-go.groovy).
def root = basedir.toPath().resolve('../../..').normalize()
def runs = evaluate(root.resolve('src/it/shared/recording-go.groovy').toFile()).runs(basedir)
def amd64 = ['linux/amd64']
assert runs == [
    amd64, // 1: first build
    [],    // 2: a workspace module the app does not import
    amd64, // 3: go.work, which go reads
    amd64, // 4: GOWORK=off, another environment
    [],    // 5: go.work, which go no longer reads
] : "go builds per run: ${runs}"
def log = new File(basedir, 'build.log').text
assert log.contains('workspace-inputs-linux-amd64  building: ' + new File(basedir, 'go.work').canonicalPath + ' changed')
assert log.contains('workspace-inputs-linux-amd64  building: GOWORK changed')
return true
