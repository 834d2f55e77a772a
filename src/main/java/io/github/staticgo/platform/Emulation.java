package io.github.staticgo.platform;

import io.github.staticgo.process.CommandLine;
import io.github.staticgo.process.Executables;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How a Linux binary of one GOARCH and variant runs on this host: natively, under qemu-user with the
 * CPU its variant names, or not at all, with why and what to install. The one decision the test goal
 * (go test's -exec) and the smoke run share.
 *
 * @param program the emulator, or null when the binary runs natively or cannot run
 * @param arguments the emulator's arguments before the binary ({@code -cpu arm1176})
 * @param reason why it cannot run here, or null when it can
 * @param fix what would let it run, or null when it can; callers add their own element to set instead
 */
public record Emulation(Path program, List<String> arguments, String reason, String fix) {

    public Emulation {
        arguments = List.copyOf(arguments);
    }

    private static final Emulation NATIVE = new Emulation(null, List.of(), null, null);

    /**
     * @param variant the binary's variant (GOARM, GOAMD64, ...), or null for the architecture's baseline
     * @param pathValue the PATH to find qemu-user on
     */
    public static Emulation decide(String goarch, String variant, HostPlatform host, String pathValue) {
        if (host.runsNatively(goarch)) {
            return NATIVE;
        }
        Optional<String> qemuArch = QemuUser.qemuArch(goarch);
        if (qemuArch.isEmpty()) {
            return unavailable("qemu-user has no emulator for GOARCH " + goarch, "run it on a " + goarch + " host");
        }
        List<String> cpu;
        try {
            cpu = QemuUser.cpuArguments(goarch, variant);
        } catch (UnsupportedOperationException e) {
            return unavailable(e.getMessage(), "run it on a host of this variant");
        }
        List<String> programs = QemuUser.programs(qemuArch.get());
        for (String program : programs) {
            Optional<Path> found = Executables.find(program, pathValue);
            if (found.isPresent()) {
                return new Emulation(found.get(), cpu, null, null);
            }
        }
        return unavailable(
                "no emulator for linux/" + goarch + " on this " + host + " host: neither "
                        + String.join(" nor ", programs) + " is on PATH",
                "install qemu-user (Debian/Ubuntu: apt-get install " + QemuUser.DEBIAN_PACKAGE + ")");
    }

    private static Emulation unavailable(String reason, String fix) {
        return new Emulation(null, List.of(), reason, fix);
    }

    public boolean isNative() {
        return program == null && reason == null;
    }

    public boolean available() {
        return reason == null;
    }

    /** The emulator as its name and arguments, {@code qemu-arm-static -cpu arm1176}; null when native or unavailable. */
    public String describe() {
        if (program == null) {
            return null;
        }
        List<String> command = new ArrayList<>(List.of(program.getFileName().toString()));
        command.addAll(arguments);
        return CommandLine.join(command);
    }

    /** The emulator's whole command line with its path, as go's -exec takes it (quoted where needed). */
    public String commandLine() {
        List<String> command = new ArrayList<>(List.of(program.toString()));
        command.addAll(arguments);
        return CommandLine.join(command);
    }
}
