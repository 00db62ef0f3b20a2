package io.otklik.ingest.api;

import java.util.regex.Pattern;

/** Our ids in URLs are canonical UUIDs; {@code UUID.fromString} alone also takes "1-1-1-1-1". */
public final class Ids {

    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private Ids() {
    }

    public static boolean uuid(String value) {
        return value != null && UUID.matcher(value).matches();
    }
}
