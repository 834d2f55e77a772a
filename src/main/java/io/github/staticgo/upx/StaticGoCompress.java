package io.github.staticgo.upx;

import io.github.staticgo.BuildLog;
import io.github.staticgo.ConfigurationException;
import io.github.staticgo.FileDigest;
import io.github.staticgo.HumanSize;
import io.github.staticgo.binary.BinaryAnalyzer;
import io.github.staticgo.binary.MalformedBinaryException;
import io.github.staticgo.manifest.BuildManifest;
import io.github.staticgo.manifest.BuiltBinary;
import io.github.staticgo.manifest.OutputLock;
import io.github.staticgo.manifest.UpxPacking;
import io.github.staticgo.process.ProcessRunner;
import io.github.staticgo.process.ProcessSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The compress goal without Maven: read build.json, decide per binary whether UPX packs it (enabled,
 * target supported, not packed already), find UPX only when something is to be packed, pack each
 * safely, and write build.json with what happened. Every failure is collected; build.json is written
 * before the goal fails, so it always describes the files on disk.
 */
public final class StaticGoCompress {
    private final ProcessRunner runner;
    private final BuildLog log;

    public StaticGoCompress(ProcessRunner runner, BuildLog log) {
        this.runner = runner;
        this.log = log;
    }

    /** @return build.json as written, or empty when there was no build.json to compress */
    public Optional<BuildManifest> run(CompressRequest request)
            throws ConfigurationException, UpxMissingException, UpxException, IOException {
        validate(request);
        Path directory = request.outputDirectory();
        try (OutputLock lock = OutputLock.acquire(directory, log)) {
            Optional<BuildManifest> manifest = BuildManifest.readIfPresent(directory);
            if (manifest.isEmpty()) {
                log.warn("Nothing to compress: there is no " + BuildManifest.FILE_NAME + " in " + directory
                        + " (static-go:build did not run).");
                return Optional.empty();
            }
            return Optional.of(compressLocked(request, manifest.get()));
        }
    }

    /** Packs what is to be packed and writes build.json, while no build writes into the directory. */
    private BuildManifest compressLocked(CompressRequest request, BuildManifest manifest)
            throws ConfigurationException, UpxMissingException, UpxException, IOException {
        Path directory = request.outputDirectory();
        List<BuiltBinary> binaries = new ArrayList<>(manifest.binaries());
        List<Integer> toPack = new ArrayList<>();
        for (int i = 0; i < binaries.size(); i++) {
            BuiltBinary binary = binaries.get(i);
            UpxOptions options = optionsFor(binary, request);
            String label = label(binary);
            if (!options.isEnabled()) {
                log.info(label + binary.file() + "  not packed: UPX is off for this target");
                continue;
            }
            Optional<String> unsupported = UpxSupport.unsupportedReason(binary.platform());
            if (unsupported.isPresent() && !options.isForced()) {
                log.info(label + binary.file() + "  not packed: " + unsupported.get());
                binaries.set(
                        i, binary.withUpx(binary.size(), binary.sha256(), UpxPacking.notPacked(unsupported.get())));
                continue;
            }
            if (alreadyPacked(binary, directory.resolve(binary.file()))) {
                log.info(label + binary.file() + "  already packed by UPX; left as it is");
                continue;
            }
            toPack.add(i);
        }
        List<String> failures = new ArrayList<>();
        if (!toPack.isEmpty()) {
            UpxExecutable upx = locate(request, toPack, binaries);
            if (upx != null) {
                log.info("Using UPX " + upx.version() + " (" + upx.path() + ")");
                UpxPacker packer = new UpxPacker(upx, log, request.timeout());
                for (int i : toPack) {
                    packOne(packer, upx, binaries, i, request, failures);
                }
            }
        }
        BuildManifest written = new BuildManifest(manifest.goVersion(), binaries);
        written.write(directory);
        if (!failures.isEmpty()) {
            throw new UpxException(String.join(System.lineSeparator(), failures) + System.lineSeparator()
                    + "The binaries UPX failed on are left unpacked. Fix the UPX options of those targets, turn UPX"
                    + " off for them (<upx><targets><target><platform>..</platform><enabled>false</enabled>), or set"
                    + " -Dstatic-go.upx.continueOnError=true to build them unpacked with a warning.");
        }
        return written;
    }

    private UpxExecutable locate(CompressRequest request, List<Integer> toPack, List<BuiltBinary> binaries)
            throws UpxMissingException, UpxException {
        try {
            return UpxExecutable.locate(request.upxExecutable(), request.environment(), runner);
        } catch (UpxMissingException e) {
            if (!request.skipIfMissing()) {
                throw e;
            }
            log.warn(e.getMessage().split("\\. ", 2)[0] + ". " + toPack.size()
                    + (toPack.size() == 1 ? " binary is" : " binaries are")
                    + " left unpacked (static-go.upx.skipIfMissing).");
            for (int i : toPack) {
                BuiltBinary binary = binaries.get(i);
                binaries.set(
                        i,
                        binary.withUpx(binary.size(), binary.sha256(), UpxPacking.notPacked("UPX is not installed")));
            }
            return null;
        }
    }

    private void packOne(
            UpxPacker packer,
            UpxExecutable upx,
            List<BuiltBinary> binaries,
            int index,
            CompressRequest request,
            List<String> failures)
            throws IOException {
        BuiltBinary binary = binaries.get(index);
        Path directory = request.outputDirectory();
        Path file = directory.resolve(binary.file());
        Path unpacked = request.unpackedDirectory().resolve(binary.file());
        List<String> options = optionsFor(binary, request).arguments(binary.goos());
        String label = label(binary);
        try {
            UpxPacker.Packed packed = packer.pack(file, options, unpacked, request.outputTimestamp(), label);
            String unpackedSha = FileDigest.sha256(unpacked);
            binaries.set(
                    index,
                    binary.withUpx(
                            packed.sizeAfter(),
                            FileDigest.sha256(file),
                            new UpxPacking(
                                    true,
                                    upx.version(),
                                    packed.sizeBefore(),
                                    packed.sizeAfter(),
                                    directory
                                            .toAbsolutePath()
                                            .relativize(unpacked.toAbsolutePath())
                                            .toString()
                                            .replace('\\', '/'),
                                    unpackedSha,
                                    null)));
            log.info(String.format(
                    Locale.ROOT,
                    "%s%s  %s -> %s (%.1f%%)  upx %s%s",
                    label,
                    binary.file(),
                    HumanSize.of(packed.sizeBefore()),
                    HumanSize.of(packed.sizeAfter()),
                    100.0 * packed.sizeAfter() / Math.max(1, packed.sizeBefore()),
                    upx.version(),
                    options.isEmpty() ? "" : " " + String.join(" ", options)));
        } catch (UpxException e) {
            if (request.continueOnError()) {
                log.warn(label + e.getMessage());
                log.warn(label + binary.file() + " is left unpacked (static-go.upx.continueOnError)");
                binaries.set(
                        index,
                        binary.withUpx(
                                binary.size(),
                                binary.sha256(),
                                UpxPacking.notPacked("UPX failed: "
                                        + e.getMessage().lines().findFirst().orElse(""))));
            } else {
                failures.add(label + e.getMessage());
            }
        }
    }

    /** Packed by this goal before (same bytes as recorded), or carrying UPX's marks already. */
    private static boolean alreadyPacked(BuiltBinary binary, Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(
                    file + " is listed in " + BuildManifest.FILE_NAME + " but missing; run static-go:build");
        }
        if (binary.upx() != null && binary.upx().packed()) {
            return true;
        }
        try {
            return new BinaryAnalyzer().analyze(file).upxPacked();
        } catch (MalformedBinaryException e) {
            return false; // UPX will say what it thinks of the file
        }
    }

    /** The {@code <upx>} options, then the os/arch override, then the os/arch/variant one, then static-go.upx. */
    static UpxOptions optionsFor(BuiltBinary binary, CompressRequest request) {
        List<UpxOptions> layers = request.overrides().layers(binary.platform(), request.options());
        UpxOptions options = layers.get(layers.size() - 1);
        for (int i = layers.size() - 2; i >= 0; i--) {
            options = options.overriddenBy(layers.get(i));
        }
        if (request.enableAll() != null) {
            options = options.overriddenBy(new UpxOptions(request.enableAll(), null, null, null, null, null));
        }
        return options;
    }

    private static void validate(CompressRequest request) throws ConfigurationException {
        request.options().validate("upx");
        ProcessSpec.requireTimeout("upxTimeout", request.timeout());
        for (UpxOptions override : request.overrides().byPlatform().values()) {
            override.validate("upx><targets><target");
        }
    }

    private static String label(BuiltBinary binary) {
        return String.format(Locale.ROOT, "%-16s ", binary.target());
    }
}
