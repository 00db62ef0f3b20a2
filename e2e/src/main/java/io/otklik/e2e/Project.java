package io.otklik.e2e;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the repository and its built artifacts are. */
public final class Project {

    private Project() {
    }

    /** The repository root: the nearest folder up from the working directory that holds ./otklik and infra/. */
    public static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isRegularFile(dir.resolve("otklik")) && Files.isDirectory(dir.resolve("infra"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("cannot find the Otklik repository root (the folder with ./otklik) above "
                + Path.of("").toAbsolutePath());
    }

    /** The runnable jar of a service module, which must have been built. */
    public static Path serviceJar(Path root, String module) {
        Path jar = root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build first (./otklik build, or mvn package)");
        }
        return jar;
    }

    /** The java launcher of the running JVM, so children use the same JDK. */
    public static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
