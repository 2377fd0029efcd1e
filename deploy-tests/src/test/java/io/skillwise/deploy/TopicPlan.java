package io.skillwise.deploy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How many partitions each topic has, as docs/operations.md states it and as the Compose init step creates them. */
public final class TopicPlan {

    public static final int DEAD_LETTER_PARTITIONS = 3;

    private TopicPlan() {
    }

    /** docs/operations.md, "Partitions and consumers": domain topic to partitions. */
    public static Map<String, Integer> documented() {
        Map<String, Integer> partitions = new LinkedHashMap<>();
        for (List<String> row : Docs.table("docs/operations.md", "Partitions and consumers")) {
            partitions.put(row.get(0), Integer.parseInt(row.get(1)));
        }
        return partitions;
    }

    /** deploy/docker/kafka-topics.txt: "topic partitions" lines, # comments. */
    public static Map<String, Integer> compose() {
        Map<String, Integer> partitions = new LinkedHashMap<>();
        for (String line : Repository.read("deploy/docker/kafka-topics.txt").lines().toList()) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] fields = trimmed.split("\\s+");
            if (fields.length != 2) {
                throw new IllegalArgumentException("kafka-topics.txt: not 'topic partitions': " + line);
            }
            partitions.put(fields[0], Integer.parseInt(fields[1]));
        }
        return partitions;
    }
}
