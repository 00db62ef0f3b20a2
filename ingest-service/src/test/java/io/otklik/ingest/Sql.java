package io.otklik.ingest;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;

/** Reads the service's own tables in tests (what was stored, not just what was answered). */
final class Sql {

    private Sql() {
    }

    static List<Row> rows(Pool pool, String sql, Object... args) {
        List<Row> rows = new ArrayList<>();
        pool.preparedQuery(sql).execute(Tuple.from(args)).await().indefinitely().forEach(rows::add);
        return rows;
    }

    static long count(Pool pool, String sql, Object... args) {
        return rows(pool, sql, args).get(0).getLong(0);
    }
}
