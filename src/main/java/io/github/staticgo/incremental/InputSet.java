package io.github.staticgo.incremental;

import io.github.staticgo.FileDigest;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The files one binary is built from, as go listed them, each with its digest: checking them again needs
 * no go command, and a file no package of the binary reads (a README, a module nothing imports) is not
 * among them.
 *
 * @param compiled files go compiles or links in, with go.mod, go.sum, go.work and vendor/modules.txt;
 *     "absent" for one that go would read if it were there
 * @param consulted files go read and left out (build constraints): an edit can bring one in
 * @param directories the package directories, each with a digest of the names of its files (of the whole
 *     tree below it for a package that embeds files, whose patterns may match new ones); keys of trees end
 *     in {@code /...}
 */
public record InputSet(Map<String, String> compiled, Map<String, String> consulted, Map<String, String> directories) {
    private static final String TREE = "/...";
    private static final Set<String> VCS_DIRECTORIES = Set.of(".git", ".hg", ".svn", ".bzr", ".jj");

    public InputSet {
        compiled = new TreeMap<>(compiled);
        consulted = new TreeMap<>(consulted);
        directories = new TreeMap<>(directories);
    }

    /**
     * @param trees package directories whose whole tree counts (they embed files); the others count by
     *     their own file names
     */
    static InputSet of(
            Set<Path> compiled, Set<Path> consulted, Set<Path> directories, Set<Path> trees, SourceDigests digests)
            throws IOException {
        Map<String, String> compiledDigests = new TreeMap<>();
        for (Path file : compiled) {
            compiledDigests.put(file.toString(), digests.file(file));
        }
        Map<String, String> consultedDigests = new TreeMap<>();
        for (Path file : consulted) {
            consultedDigests.put(file.toString(), digests.file(file));
        }
        Map<String, String> listings = new TreeMap<>();
        for (Path directory : directories) {
            boolean tree = trees.contains(directory);
            listings.put(directory + (tree ? TREE : ""), listing(directory, tree, digests.watched()));
        }
        return new InputSet(compiledDigests, consultedDigests, listings);
    }

    /**
     * What differs on disk from this record, without asking go.
     *
     * @param compiledChanged compiled files whose contents changed, appeared or went
     * @param layoutChanged a left-out file or a package directory's file names changed: only go can say
     *     whether that changes what is compiled
     */
    public record Comparison(List<String> compiledChanged, boolean layoutChanged) {
        public boolean unchanged() {
            return compiledChanged.isEmpty() && !layoutChanged;
        }
    }

    public Comparison compareWithDisk(SourceDigests digests) throws IOException {
        List<String> changed = new ArrayList<>();
        for (Map.Entry<String, String> file : compiled.entrySet()) {
            if (!digests.file(Path.of(file.getKey())).equals(file.getValue())) {
                changed.add(file.getKey());
            }
        }
        if (!changed.isEmpty()) {
            return new Comparison(changed, false);
        }
        for (Map.Entry<String, String> file : consulted.entrySet()) {
            if (!digests.file(Path.of(file.getKey())).equals(file.getValue())) {
                return new Comparison(List.of(), true);
            }
        }
        for (Map.Entry<String, String> directory : directories.entrySet()) {
            String key = directory.getKey();
            boolean tree = key.endsWith(TREE);
            Path path = Path.of(tree ? key.substring(0, key.length() - TREE.length()) : key);
            if (!listing(path, tree, digests.watched()).equals(directory.getValue())) {
                return new Comparison(List.of(), true);
            }
        }
        return new Comparison(List.of(), false);
    }

    /** The compiled files that differ between this record and {@code now}: changed, added or gone. */
    public List<String> compiledDifferences(InputSet now) {
        Set<String> files = new TreeSet<>(compiled.keySet());
        files.addAll(now.compiled.keySet());
        return files.stream()
                .filter(file -> !String.valueOf(compiled.get(file)).equals(String.valueOf(now.compiled.get(file))))
                .toList();
    }

    /** The names of a directory's files, or of every file below it, leaving out nested modules and VCS folders. */
    private static String listing(Path directory, boolean tree, WatchedFiles watched) throws IOException {
        if (!Files.isDirectory(directory)) {
            watched.stamp(directory);
            return "absent";
        }
        List<String> names = new ArrayList<>();
        if (!tree) {
            watched.stamp(directory); // a directory's time changes when a name in it is added, removed or renamed
            try (Stream<Path> entries = Files.list(directory)) {
                entries.filter(Files::isRegularFile)
                        .forEach(file -> names.add(file.getFileName().toString()));
            }
        } else {
            Files.walkFileTree(directory, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    watched.saw(dir, attrs);
                    boolean skipped = !dir.equals(directory)
                            && (VCS_DIRECTORIES.contains(String.valueOf(dir.getFileName()))
                                    || Files.exists(dir.resolve("go.mod")));
                    return skipped ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile()) {
                        names.add(directory.relativize(file).toString());
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        }
        names.sort(null);
        return FileDigest.sha256(String.join("\n", names));
    }
}
