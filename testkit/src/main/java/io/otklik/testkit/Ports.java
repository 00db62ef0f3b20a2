package io.otklik.testkit;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Free loopback ports for processes a test starts later (a broker, a service).
 *
 * <p>A port handed out by {@code new ServerSocket(0)} comes from the kernel's ephemeral range, the same range every
 * outgoing connection (Kafka clients, JDBC pools, HTTP clients) draws its local port from; between the check and the
 * bind another process's connection can take it ("Port … seems to be in use"). Ports here are drawn from below the
 * ephemeral range, where only listeners that ask for a port by number live.
 */
public final class Ports {
    private static final int LOWEST = 10_000;

    private Ports() {
    }

    /** One port that is free now and outside the ephemeral range. */
    public static int free() {
        return freeBlock(1) + 1;
    }

    /** A base port b such that b+1 … b+n are free now and outside the ephemeral range. */
    public static int freeBlock(int n) {
        int[] ephemeral = ephemeralRange();
        int lo;
        int hi;
        if (ephemeral[0] - LOWEST > 2_000) {
            lo = LOWEST;
            hi = ephemeral[0] - 1;
        } else {
            lo = ephemeral[1] + 1;
            hi = 65_535;
        }
        for (int attempt = 0; attempt < 200; attempt++) {
            int base = ThreadLocalRandom.current().nextInt(lo - 1, hi - n);
            boolean free = true;
            for (int p = base + 1; p <= base + n && free; p++) {
                free = isFree(p);
            }
            if (free) {
                return base;
            }
        }
        throw new IllegalStateException("no block of " + n + " free ports in " + lo + "…" + hi);
    }

    static boolean isFree(int port) {
        try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            s.setReuseAddress(true);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The kernel's ephemeral port range (Linux), or the common default when it cannot be read. */
    static int[] ephemeralRange() {
        try {
            String[] parts = Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).trim().split("\\s+");
            return new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1])};
        } catch (IOException | RuntimeException e) {
            return new int[] {32_768, 60_999};
        }
    }
}
