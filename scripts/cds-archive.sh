#!/usr/bin/env bash
# Optional: a faster-starting layout of the packaged jar, with a class data sharing (CDS) archive.
#
#   ./mvnw -q package -DskipTests && scripts/cds-archive.sh [target/bedside.jar] [destination]
#
# Produces, next to the jar (default destination: target/app):
#   bedside.jar + lib/   the jar extracted by Spring Boot (java -Djarmode=tools ... extract); runs as
#                        java -jar target/app/bedside.jar, with exactly the same behaviour
#   bedside.jsa          the classes a start loads, parsed and verified once (training run below)
# and prints the command that uses both:
#   java -XX:SharedArchiveFile=target/app/bedside.jsa -jar target/app/bedside.jar
#
# The training run starts Bedside once, in demo mode on a throw-away H2 directory, and stops it as
# soon as its context is refreshed (-Dspring.context.exit=onRefresh): migrations and every bean are
# made, nothing is served, nothing outside the temporary directory is touched. The archive holds
# classes only (no data, no keys). It fits only the java that made it and this exact jar: after a
# rebuild or a Java update run this again (with a stale archive Java warns and starts without it).
#
# With a JDK 25 (JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java), AOT=1 makes a JDK 25 AOT cache
# (bedside.aot, JEP 483/514/515: classes loaded and linked, and method profiles) instead:
#   $JAVA -XX:AOTCache=target/app/bedside.aot -jar target/app/bedside.jar
set -euo pipefail

JAR="${1:-target/bedside.jar}"
DEST="${2:-$(dirname "$JAR")/app}"
JAVA="${JAVA:-java}"
[[ -f "$JAR" ]] || { echo "no jar at $JAR: build it first (./mvnw -q package -DskipTests)" >&2; exit 1; }

"$JAVA" -Djarmode=tools -jar "$JAR" extract --force --destination "$DEST"
APP="$DEST/$(basename "$JAR")"

TRAINING="$(mktemp -d /tmp/bedside-cds.XXXXXX)"
trap 'rm -rf "$TRAINING"' EXIT
if [[ -n "${AOT:-}" ]]; then
    ARCHIVE="$DEST/bedside.aot"; rm -f "$ARCHIVE"
    ARCHIVE_OPTION="-XX:AOTCacheOutput=$ARCHIVE"; USE_OPTION="-XX:AOTCache=$ARCHIVE"
else
    ARCHIVE="$DEST/bedside.jsa"; rm -f "$ARCHIVE"
    ARCHIVE_OPTION="-XX:ArchiveClassesAtExit=$ARCHIVE"; USE_OPTION="-XX:SharedArchiveFile=$ARCHIVE"
fi
# Everything the environment might point elsewhere is pinned to the throw-away directory: demo mode
# on H2, a generated demo keyset, no network port.
env -u BEDSIDE_DB_URL -u BEDSIDE_MASTER_KEYSET -u SPRING_DATASOURCE_URL BEDSIDE_DATA_DIR="$TRAINING/data" \
    BEDSIDE_DEMO=true SERVER_PORT=0 \
    "$JAVA" "$ARCHIVE_OPTION" -Dspring.context.exit=onRefresh -jar "$APP" >"$TRAINING/training.log" 2>&1 || {
        echo "the training run failed:" >&2; tail -40 "$TRAINING/training.log" >&2; exit 1; }
[[ -s "$ARCHIVE" ]] || { echo "no archive written; training log:" >&2; tail -40 "$TRAINING/training.log" >&2; exit 1; }

echo "Wrote $ARCHIVE ($(du -h "$ARCHIVE" | cut -f1)). Start Bedside with:"
echo "  $JAVA $USE_OPTION -jar $APP"
