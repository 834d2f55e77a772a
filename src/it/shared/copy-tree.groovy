// Copies a directory tree, for ITs whose sources live in one place and are used by several.
// A setup script evaluates this file and calls what it returns: copyTree(from, to).
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.StandardCopyOption

return { Path from, Path to ->
    Files.walk(from).forEach { source ->
        def target = to.resolve(from.relativize(source).toString())
        if (Files.isDirectory(source)) {
            Files.createDirectories(target)
        } else {
            Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING)
        }
    }
    return true
}
