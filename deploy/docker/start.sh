#!/bin/bash
# Starts the application with the production JVM settings (the JAVA_TOOL_OPTIONS line of deploy/jvm/production.env,
# copied into the image) unless the environment brings its own, as Kubernetes and docker compose do from the same file.
set -euo pipefail
if [[ -z "${JAVA_TOOL_OPTIONS+set}" ]]; then
    while IFS= read -r line; do
        if [[ "$line" == JAVA_TOOL_OPTIONS=* ]]; then
            export "$line"
        fi
    done < /opt/skillwise/jvm.env
fi
exec java -jar /opt/skillwise/application.jar "$@"
