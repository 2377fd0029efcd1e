package io.skillwise.systemtests;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.skillwise.devstack.DevStack;
import io.skillwise.devstack.PlatformService;
import org.bson.Document;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * How many rows every table of every service's PostgreSQL database holds, and how many documents every collection of
 * every service's Mongo database: the whole stored state of the platform in numbers, read straight from the stores
 * (not through the services, which could hide a half-written row). Tables are found in the catalog, so a new table is
 * counted without anyone listing it.
 */
final class StoredRows {

    private static final Duration SETTLING = Duration.ofMinutes(2);

    private StoredRows() {
    }

    /** {@code "<service>.<table>"} to its count, sorted, for every store of the platform. */
    static Map<String, Long> count(DevStack platform) {
        Map<String, Long> counts = new TreeMap<>();
        for (PlatformService service : PlatformService.values()) {
            switch (service.store()) {
                case POSTGRES -> countTables(platform, service.shortName(), counts);
                case MONGO -> countCollections(platform, service.shortName(), counts);
            }
        }
        return counts;
    }

    /**
     * The counts once two readings a few seconds apart agree: what earlier requests and their events caused has
     * happened, so a later difference is the doing of what came between.
     */
    static Map<String, Long> settled(DevStack platform) {
        AtomicReference<Map<String, Long>> last = new AtomicReference<>(count(platform));
        await().atMost(SETTLING).pollDelay(Duration.ofSeconds(3)).pollInterval(Duration.ofSeconds(3))
                .untilAsserted(() -> {
                    Map<String, Long> now = count(platform);
                    assertThat(changes(last.getAndSet(now), now)).as("stored rows still changing").isEmpty();
                });
        return last.get();
    }

    /** The entries of {@code after} that differ from {@code before}, as {@code "name: before -> after"}. */
    static List<String> changes(Map<String, Long> before, Map<String, Long> after) {
        List<String> changes = new ArrayList<>();
        Map<String, Long> all = new TreeMap<>(before);
        after.forEach(all::putIfAbsent);
        for (String name : all.keySet()) {
            long was = before.getOrDefault(name, 0L);
            long is = after.getOrDefault(name, 0L);
            if (was != is) {
                changes.add(name + ": " + was + " -> " + is);
            }
        }
        return changes;
    }

    private static void countTables(DevStack platform, String database, Map<String, Long> counts) {
        try (Connection connection = platform.postgres().connect(database);
             Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet names = statement.executeQuery("select table_schema, table_name from "
                    + "information_schema.tables where table_type = 'BASE TABLE' "
                    + "and table_schema not in ('pg_catalog', 'information_schema')")) {
                while (names.next()) {
                    tables.add(quoted(names.getString(1)) + "." + quoted(names.getString(2)));
                }
            }
            for (String table : tables) {
                try (ResultSet count = statement.executeQuery("select count(*) from " + table)) {
                    count.next();
                    counts.put(database + "." + table.replace("\"", ""), count.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not count the rows of database " + database, e);
        }
    }

    /** An identifier read from the catalog, quoted for PostgreSQL. */
    private static String quoted(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    private static void countCollections(DevStack platform, String database, Map<String, Long> counts) {
        try (MongoClient client = MongoClients.create(platform.mongo().uri(database))) {
            MongoDatabase store = client.getDatabase(database);
            for (String collection : store.listCollectionNames()) {
                counts.put(database + "." + collection, store.getCollection(collection, Document.class)
                        .countDocuments());
            }
        }
    }
}
