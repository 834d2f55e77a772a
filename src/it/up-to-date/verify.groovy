// The targets go built, one list per Maven run (src/it/shared/recording-go.groovy).
def root = basedir.toPath().resolve('../../..').normalize()
def recordingGo = evaluate(root.resolve('src/it/shared/recording-go.groovy').toFile())
def runs = recordingGo.runs(basedir)
def both = ['linux/amd64', 'linux/arm64']
def expected = [
    both,              // 1: first build
    [],                // 2: nothing changed: no go build at all
    both,              // 3: a .go file
    both,              // 4: an embedded file
    both,              // 5: go.mod
    both,              // 6: the local replace directory
    both,              // 7: other ldflags
    ['linux/arm64'],   // 8: its output deleted
    both,              // 9: -Dstatic-go.force
    [],                // 10: README.md edited
    [],                // 11: a package nothing imports added
]
assert runs*.sort() == expected : "go builds per run: ${runs}"
// Run 2 started no go command at all, not even the go env that locates go.
def callsPerRun = recordingGo.calls(basedir).join('\n').split(/(?m)^---$/)*.trim().drop(1)
assert callsPerRun[1] == '' : "go commands of run 2: ${callsPerRun[1]}"
def binary = new File(basedir, 'target/static-go/uptodate-linux-amd64')
def output = [binary.path].execute().text
assert output.contains('lib') && output.trim().endsWith(' 2') : output
return true
