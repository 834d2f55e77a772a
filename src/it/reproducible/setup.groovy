// The second copy of the sources is made here, so both directories hold the same bytes by construction.
import java.nio.file.*
def from = new File(basedir, 'a/src').toPath()
def to = new File(basedir, 'nested/deeper/b/src').toPath()
Files.walk(from).forEach { source ->
    def target = to.resolve(from.relativize(source).toString())
    if (Files.isDirectory(source)) {
        Files.createDirectories(target)
    } else {
        Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING)
    }
}
return true
