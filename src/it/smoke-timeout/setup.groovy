// The Go program is smoke-fails' (exit codes, versions, a hang with a child), kept in one place.
// ITs run in target/<clone folder>/<this IT>, three levels below the project root.
import java.nio.file.*
def root = basedir.toPath().resolve('../../..').normalize()
def from = root.resolve('src/it/smoke-fails/src')
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
