// Puts the UPX TEST DOUBLE (not UPX: see its header) where <upxExecutable> points. The one copy of
// the double lives in the plugin's test resources; this IT runs in target/<it dir>/compress-double.
def project = basedir.parentFile.parentFile.parentFile
def source = new File(project, 'src/test/resources/io/github/staticgo/upx/upx-double.sh')
assert source.isFile() : "the UPX test double is missing: ${source}"
def tools = new File(basedir, 'tools')
tools.mkdirs()
def upx = new File(tools, 'upx')
upx.bytes = source.bytes
assert upx.setExecutable(true)
// The Go module is the shared packme fixture (src/it/shared/go/packme).
return evaluate(basedir.toPath().resolve('../../../src/it/shared/go-fixture.groovy').normalize().toFile())(basedir, 'packme')
