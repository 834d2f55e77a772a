// The Go sources are the example sidecar's own (examples/sidecar), so this IT smoke-runs the real example.
// ITs run in target/<clone folder>/<this IT>, three levels below the project root.
import java.nio.file.*
def root = basedir.toPath().resolve('../../..').normalize()
def from = root.resolve('examples/sidecar/src')
def to = basedir.toPath().resolve('src')
Files.walk(from).forEach { source ->
    def target = to.resolve(from.relativize(source).toString())
    if (Files.isDirectory(source)) {
        Files.createDirectories(target)
    } else {
        Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING)
    }
}
return true
