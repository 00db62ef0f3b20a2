package io.otklik.e2e;

import java.util.List;

/** Stops what a program (the demo, the bench) started, newest first, and says so. */
public final class Shutdown {

    private Shutdown() {
    }

    /** Closes each of {@code started} from the last to the first, reporting failures, and empties the list. */
    public static void closeAll(List<AutoCloseable> started, String program) {
        if (started.isEmpty()) {
            return;
        }
        System.out.println(program + ": stopping everything it started");
        System.out.flush();
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                System.err.println(program + ": stopping " + started.get(i) + " failed: " + e);
            }
        }
        started.clear();
    }
}
