package io.github.staticgo.binary;

import java.util.ArrayList;
import java.util.List;

/**
 * Maps virtual addresses of a loaded image to offsets in its file, through the regions that have
 * file contents (ELF {@code PT_LOAD} segments, PE sections, Mach-O segments). Addresses are
 * unsigned 64-bit values held in {@code long}s; all comparisons are unsigned and wrap-safe.
 */
final class AddressMap {

    /** Where an address lives in the file, and how many file bytes follow it in its region. */
    record Location(long fileOffset, long available) {}

    private record Region(long address, long fileOffset, long fileSize) {}

    private final List<Region> regions = new ArrayList<>();

    /** Adds a region; its file extent must already have been checked against the file. */
    void add(long address, long fileOffset, long fileSize) {
        if (fileSize != 0) {
            regions.add(new Region(address, fileOffset, fileSize));
        }
    }

    /** The first region holding {@code address}, or null when no region maps it. */
    Location locate(long address) {
        for (Region region : regions) {
            long delta = address - region.address; // unsigned distance when address >= region start
            if (Long.compareUnsigned(address, region.address) >= 0
                    && Long.compareUnsigned(delta, region.fileSize) < 0) {
                return new Location(region.fileOffset + delta, region.fileSize - delta);
            }
        }
        return null;
    }
}
