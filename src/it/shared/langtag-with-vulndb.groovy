// The shared langtag program (src/it/shared/go/langtag) at the golang.org/x/text version asked for (the
// shared go.sum has v0.3.5 and v0.3.7), and a file:// vulnerability database in <basedir>/vulndb holding the
// published entry GO-2021-0113. A setup script evaluates this file and calls what it returns:
// langtag(basedir, 'v0.3.5'). ITs run in target/<clone folder>/<IT>, three levels below the project root.
return { File basedir, String textVersion ->
    def root = basedir.toPath().resolve('../../..').normalize()
    evaluate(root.resolve('src/it/shared/go-fixture.groovy').toFile())(basedir, 'langtag')
    evaluate(root.resolve('src/it/shared/vulndb.groovy').toFile())(basedir, new File(basedir, 'vulndb'))
    def goMod = new File(basedir, 'src/main/go/go.mod')
    goMod.text = goMod.text.replace('golang.org/x/text v0.3.5', "golang.org/x/text ${textVersion}")
    return true
}
