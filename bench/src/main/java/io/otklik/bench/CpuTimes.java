package io.otklik.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU time of named processes and of the whole machine, read from /proc (Linux; clock ticks of 10 ms). Two
 * snapshots give where the CPU went between them.
 */
public final class CpuTimes {

    private static final double TICK_SECONDS = 0.01;

    /** CPU seconds per label, and the machine's busy and total seconds (summed over cores). */
    public record Snapshot(Map<String, Double> seconds, double machineBusy, double machineTotal) {

        /** {@code this - before}, per label. */
        public Snapshot minus(Snapshot before) {
            Map<String, Double> d = new LinkedHashMap<>();
            seconds.forEach((k, v) -> d.put(k, v - before.seconds.getOrDefault(k, 0.0)));
            return new Snapshot(d, machineBusy - before.machineBusy, machineTotal - before.machineTotal);
        }
    }

    private CpuTimes() {
    }

    /**
     * @param pids label → process ids (a process's CPU includes its finished children, not running ones)
     * @param byCommand label → command name: every process of that name (e.g. "postgres": all its backends)
     */
    public static Snapshot take(Map<String, long[]> pids, Map<String, String> byCommand) {
        Map<String, Double> seconds = new LinkedHashMap<>();
        pids.forEach((label, ps) -> {
            double s = 0;
            for (long pid : ps) {
                s += processSeconds(pid);
            }
            seconds.put(label, s);
        });
        byCommand.forEach((label, command) -> seconds.put(label, commandSeconds(command)));
        double[] machine = machineSeconds();
        return new Snapshot(seconds, machine[0], machine[1]);
    }

    /** utime + stime + cutime + cstime of a process, in seconds; 0 when it is gone. */
    static double processSeconds(long pid) {
        try {
            return statSeconds(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** Parses /proc/PID/stat: fields 14–17 after the parenthesised command (which may hold spaces). */
    static double statSeconds(String stat) {
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        // f[0] is field 3 (state); utime is field 14 → f[11]
        long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
        return ticks * TICK_SECONDS;
    }

    private static double commandSeconds(String command) {
        double s = 0;
        try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path p : procs) {
                try {
                    if (command.equals(Files.readString(p.resolve("comm")).trim())) {
                        String stat = Files.readString(p.resolve("stat"));
                        String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
                        s += (Long.parseLong(f[11]) + Long.parseLong(f[12])) * TICK_SECONDS;
                    }
                } catch (IOException | RuntimeException e) {
                    // the process ended meanwhile
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return s;
    }

    /** [busy, total] seconds over all cores, from the first line of /proc/stat. */
    private static double[] machineSeconds() {
        try {
            String cpu = Files.readAllLines(Path.of("/proc/stat")).get(0);
            String[] f = cpu.trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < Math.min(f.length, 9); i++) {
                total += Long.parseLong(f[i]);
            }
            long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
            return new double[] {(total - idle) * TICK_SECONDS, total * TICK_SECONDS};
        } catch (IOException | RuntimeException e) {
            return new double[] {0, 0};
        }
    }
}
