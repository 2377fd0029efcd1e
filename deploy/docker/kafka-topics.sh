#!/bin/bash
# The init step of docker-compose.yml: creates every topic of kafka-topics.txt (the broker creates none by itself),
# kept forever (retention.ms=-1: docs/events.md). Safe to run again: existing topics are left as they are.
set -euo pipefail
while read -r topic partitions; do
    [[ -z "$topic" || "$topic" == \#* ]] && continue
    /opt/kafka/bin/kafka-topics.sh --bootstrap-server kafka:9092 --create --if-not-exists \
        --topic "$topic" --partitions "$partitions" --replication-factor 1 --config retention.ms=-1
done < /init/kafka-topics.txt
echo "topics:"
/opt/kafka/bin/kafka-topics.sh --bootstrap-server kafka:9092 --list
