package io.github.staticgo.sbom;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import io.github.staticgo.binary.GoBuildInfo;
import io.github.staticgo.process.SecretMasker;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.cyclonedx.model.Bom;
import org.cyclonedx.model.Component;
import org.cyclonedx.model.Dependency;
import org.cyclonedx.model.Hash;
import org.cyclonedx.model.Metadata;
import org.cyclonedx.model.Property;
import org.cyclonedx.model.metadata.ToolInformation;

/**
 * The CycloneDX model of one Go binary, from its own build info: the binary as the main component,
 * every module linked in, the standard library, the build settings and the dependency relation.
 *
 * <p>A module's {@code h1:} sum is a hash over the hashes of the module's files (Go's dirhash), not of any
 * file or archive a consumer could download and compare, so it goes into a property ({@value #MODULE_SUM})
 * rather than into {@code hashes}, which CycloneDX defines as the hash of the component itself.
 */
final class GoBinaryBom {
    /** The Go module sum ({@code h1:} dirhash) of a module, as go.sum and the build info record it. */
    static final String MODULE_SUM = "static-go:gomod:sum";
    /** On a replacing module: the module path and version the build replaced with it. */
    static final String REPLACES = "static-go:gomod:replaces";
    /** On a module replaced by a local directory: that directory, as the build info records it. */
    static final String REPLACED_BY_DIRECTORY = "static-go:gomod:replaced-by-directory";
    /** A build setting from the build info, under its own name. */
    static final String BUILD_SETTING = "static-go:build:";
    /** The Go toolchain that built the binary. */
    static final String GO_TOOLCHAIN = "static-go:go:toolchain";
    /** The main package the binary was built from. */
    static final String GO_PACKAGE = "static-go:go:package";
    /** The UPX version that packed the file; the hashes are of the packed file, the modules of its original. */
    static final String PACKED_WITH = "static-go:upx:version";
    /** The build environment properties CycloneDX's own gomod taxonomy registers. */
    private static final Map<String, String> REGISTERED_SETTINGS = Map.of(
            "GOOS", "cdx:gomod:build:env:GOOS",
            "GOARCH", "cdx:gomod:build:env:GOARCH",
            "CGO_ENABLED", "cdx:gomod:build:env:CGO_ENABLED");

    private static final String STANDARD_LIBRARY = "stdlib";

    private GoBinaryBom() {}

    /**
     * @param sha256 and {@code sha512} of the file itself, lower-case hex
     * @param timestamp {@code project.build.outputTimestamp}, or empty: then the SBOM has no timestamp, so that
     *     it stays the same for the same binary
     * @param pluginVersion the version of this plugin, named as the tool that wrote the SBOM
     */
    static Bom of(
            SbomSubject subject, String sha256, String sha512, Optional<Instant> timestamp, String pluginVersion) {
        GoBuildInfo info = subject.buildInfo();
        Component binary = binaryComponent(subject, sha256, sha512);
        List<Component> components = new ArrayList<>();
        Dependency binaryDependsOn = new Dependency(binary.getBomRef());
        List<Dependency> dependencies = new ArrayList<>();
        dependencies.add(binaryDependsOn);
        for (GoBuildInfo.Module module : info.deps()) {
            Component component = moduleComponent(module);
            components.add(component);
            binaryDependsOn.addDependency(new Dependency(component.getBomRef()));
            dependencies.add(new Dependency(component.getBomRef()));
        }
        Component standardLibrary = standardLibrary(info.goVersion());
        components.add(standardLibrary);
        binaryDependsOn.addDependency(new Dependency(standardLibrary.getBomRef()));
        dependencies.add(new Dependency(standardLibrary.getBomRef()));

        Metadata metadata = new Metadata();
        metadata.setTimestamp(timestamp.map(Date::from).orElse(null));
        metadata.setComponent(binary);
        ToolInformation tools = new ToolInformation();
        Component plugin = new Component();
        plugin.setType(Component.Type.APPLICATION);
        plugin.setGroup("io.github.staticgo");
        plugin.setName("static-go-maven-plugin");
        plugin.setVersion(pluginVersion);
        tools.setComponents(List.of(plugin));
        metadata.setToolChoice(tools);

        Bom bom = new Bom();
        bom.setSerialNumber(serialNumber(sha256, timestamp));
        bom.setVersion(1);
        bom.setMetadata(metadata);
        bom.setComponents(components);
        bom.setDependencies(dependencies);
        return bom;
    }

    /** The same binary and timestamp always give the same serial number; another binary another one. */
    private static String serialNumber(String sha256, Optional<Instant> timestamp) {
        String name = "static-go-sbom:" + sha256 + ":"
                + timestamp.map(Instant::toString).orElse("");
        return "urn:uuid:" + UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }

    private static Component binaryComponent(SbomSubject subject, String sha256, String sha512) {
        GoBuildInfo info = subject.buildInfo();
        GoBuildInfo.Module main = info.main();
        Component binary = new Component();
        binary.setType(Component.Type.APPLICATION);
        binary.setName(subject.file().getFileName().toString());
        Map<String, String> qualifiers = new TreeMap<>();
        qualifiers.put("goos", subject.platform().goos());
        qualifiers.put("goarch", subject.platform().goarch());
        if (main != null) {
            binary.setVersion(main.version());
            binary.setPurl(purl(main.path(), main.version(), qualifiers));
        }
        binary.setBomRef(binary.getPurl() != null ? binary.getPurl() : "binary:" + binary.getName());
        binary.setHashes(List.of(new Hash(Hash.Algorithm.SHA_256, sha256), new Hash(Hash.Algorithm.SHA_512, sha512)));
        List<Property> properties = new ArrayList<>();
        properties.add(new Property(GO_TOOLCHAIN, info.goVersion()));
        if (info.path() != null) {
            properties.add(new Property(GO_PACKAGE, info.path()));
        }
        if (main != null && main.sum() != null) {
            properties.add(new Property(MODULE_SUM, main.sum()));
        }
        for (Map.Entry<String, String> setting : info.settings().entrySet()) {
            String name = REGISTERED_SETTINGS.getOrDefault(setting.getKey(), BUILD_SETTING + setting.getKey());
            properties.add(new Property(name, SecretMasker.maskValue(setting.getKey(), setting.getValue())));
        }
        if (subject.packedWith() != null) {
            properties.add(new Property(PACKED_WITH, subject.packedWith()));
        }
        binary.setProperties(properties);
        return binary;
    }

    /** A module as the binary links it: a replaced module is shown as its replacement. */
    private static Component moduleComponent(GoBuildInfo.Module module) {
        GoBuildInfo.Module replacement = module.replace();
        Component component = new Component();
        component.setType(Component.Type.LIBRARY);
        component.setScope(Component.Scope.REQUIRED);
        List<Property> properties = new ArrayList<>();
        if (replacement != null && isDirectory(replacement.path())) {
            // A local directory has no package URL and no version of its own.
            component.setName(module.path());
            component.setVersion(module.version());
            properties.add(new Property(REPLACED_BY_DIRECTORY, replacement.path()));
            component.setBomRef("directory:" + module.path());
        } else {
            GoBuildInfo.Module linked = replacement != null ? replacement : module;
            component.setName(linked.path());
            component.setVersion(linked.version());
            component.setPurl(purl(linked.path(), linked.version(), Map.of()));
            component.setBomRef(component.getPurl());
            if (linked.sum() != null && !linked.sum().isEmpty()) {
                properties.add(new Property(MODULE_SUM, linked.sum()));
            }
            if (replacement != null) {
                properties.add(new Property(REPLACES, module.path() + "@" + module.version()));
            }
        }
        if (!properties.isEmpty()) {
            component.setProperties(properties);
        }
        return component;
    }

    /** Go's module rules: a replacement path starting with ./ or ../ or / is a directory, not a module. */
    private static boolean isDirectory(String replacementPath) {
        return replacementPath.startsWith("./")
                || replacementPath.startsWith("../")
                || replacementPath.startsWith("/")
                || replacementPath.equals(".")
                || replacementPath.equals("..");
    }

    /** The standard library, named {@value #STANDARD_LIBRARY} as the Go vulnerability database names it. */
    private static Component standardLibrary(String goVersion) {
        Component component = new Component();
        component.setType(Component.Type.LIBRARY);
        component.setScope(Component.Scope.REQUIRED);
        component.setName(STANDARD_LIBRARY);
        component.setVersion(goVersion);
        component.setDescription("The Go standard library of the toolchain that built the binary");
        component.setPurl(
                purl(STANDARD_LIBRARY, goVersion.startsWith("go") ? goVersion.substring(2) : goVersion, Map.of()));
        component.setBomRef(component.getPurl());
        return component;
    }

    /**
     * {@code pkg:golang/<namespace>/<name>@<version>}: by the purl specification's golang type, the module path's
     * last segment is the name and the segments before it the namespace. A {@code (devel)} version (a main module
     * built from a work tree) is no version of the module, so the purl carries none.
     */
    private static String purl(String modulePath, String version, Map<String, String> qualifiers) {
        int slash = modulePath.lastIndexOf('/');
        String namespace = slash < 0 ? null : modulePath.substring(0, slash);
        String name = modulePath.substring(slash + 1);
        String purlVersion = version == null || version.isEmpty() || version.equals("(devel)") ? null : version;
        try {
            return new PackageURL(
                            "golang",
                            namespace,
                            name,
                            purlVersion,
                            qualifiers.isEmpty() ? null : new TreeMap<>(qualifiers),
                            null)
                    .canonicalize();
        } catch (MalformedPackageURLException e) {
            throw new IllegalArgumentException(
                    "module path " + modulePath + " makes no package URL: " + e.getMessage(), e);
        }
    }
}
