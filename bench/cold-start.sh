#!/usr/bin/env bash
# Cold start of the packaged jar to the first healthy answer (GET /actuator/health: 200 and UP).
#
#   bench/cold-start.sh [--runs N] [--cases "a b c d"] [--jvm "<JVM options>"] [--jar target/bedside.jar]
#
# Cases (default a b c; each timed from the launch of `java` to the first 200 UP; the median of N runs is printed):
#   a  embedded default (H2 in a fresh data directory): migrations, demo keyset and demo seeding
#   b  embedded default, second start on the same data directory (the usual restart)
#   c  PostgreSQL, fresh scratch database: migrations, demo off (the production path's first start)
#   d  PostgreSQL, second start on the same database
# PostgreSQL cases need a server at $PGHOST:$PGPORT (127.0.0.1:5432) where $PGUSER (postgres) may
# create and drop the scratch database $COLDSTART_DB (bedside_coldstart); it is dropped at the end.
#
# Each case (its preparation and its runs) holds the shared lock (flock $COLDSTART_LOCK, default
# /tmp/mvn.lock), so that nothing else that respects it competes. COLDSTART_LOCK= (empty): no lock.
#
# With --jvm, the options are given to every start, e.g. a CDS archive:
#   bench/cold-start.sh --jvm "-XX:SharedArchiveFile=target/bedside.jsa"
# JAVA (default: java on the PATH) chooses the runtime.
set -euo pipefail

cd "$(dirname "$0")/.."

RUNS=3
CASES="a b c"
JVM_OPTS=""
JAR=""
JAVA="${JAVA:-java}"
LOCK="${COLDSTART_LOCK-/tmp/mvn.lock}"
PORT="${COLDSTART_PORT:-18622}"
PGHOST="${PGHOST:-127.0.0.1}"
PGPORT="${PGPORT:-5432}"
PGUSER="${PGUSER:-postgres}"
DB="${COLDSTART_DB:-bedside_coldstart}"
TIMEOUT_S="${COLDSTART_TIMEOUT:-120}"

while [[ $# -gt 0 ]]; do
    case "$1" in
        --runs) RUNS="$2"; shift 2 ;;
        --cases) CASES="$2"; shift 2 ;;
        --jvm) JVM_OPTS="$2"; shift 2 ;;
        --jar) JAR="$2"; shift 2 ;;
        *) echo "unknown argument: $1" >&2; exit 2 ;;
    esac
done
if [[ -z "$JAR" ]]; then
    JAR="$(ls target/bedside.jar 2>/dev/null || ls target/*.jar | grep -v -- '-plain' | head -1)"
fi
[[ -f "$JAR" ]] || { echo "no jar: build it first (./mvnw -q package -DskipTests)" >&2; exit 1; }

WORK="$(mktemp -d /tmp/bedside-coldstart.XXXXXX)"
PID=""
cleanup() {
    if [[ -n "$PID" ]] && kill -0 "$PID" 2>/dev/null; then kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; fi
    if [[ " $CASES " == *" c "* || " $CASES " == *" d "* ]]; then
        psql -q -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d postgres -c "drop database if exists $DB" >/dev/null 2>&1 || true
    fi
    rm -rf "$WORK"
}
trap cleanup EXIT

now_ms() { date +%s%3N; }

# start <log> <env...>: launches the jar with the given environment and prints the milliseconds to
# the first 200 UP (or fails). Runs inside the lock (see timed).
start_and_time() {
    local log="$1"; shift
    local t0 t1 cpu
    t0=$(now_ms)
    # shellcheck disable=SC2086
    env "$@" SERVER_PORT="$PORT" "$JAVA" $JVM_OPTS -jar "$JAR" >"$log" 2>&1 9>&- &
    PID=$!
    while true; do
        # Healthy: 200 and the overall status UP (the last member of the body; the components'
        # statuses come before it, and are UP long before the node is ready).
        if [[ "$(curl -s -m 1 -w ' %{http_code}' "http://127.0.0.1:$PORT/actuator/health" 2>/dev/null)" == *'"status":"UP"} 200' ]]; then
            t1=$(now_ms)
            # CPU seconds the JVM spent up to here (user + system, in clock ticks): on a shared
            # machine a steadier figure than the wall-clock time.
            cpu=$(awk -v hz="$(getconf CLK_TCK)" '{printf "%.1f", ($14 + $15) / hz}' "/proc/$PID/stat")
            break
        fi
        if ! kill -0 "$PID" 2>/dev/null; then echo "the application died; see $log" >&2; tail -30 "$log" >&2; return 1; fi
        if (( $(now_ms) - t0 > TIMEOUT_S * 1000 )); then echo "no healthy answer in ${TIMEOUT_S}s; see $log" >&2; return 1; fi
        sleep 0.02
    done
    kill "$PID"; wait "$PID" 2>/dev/null || true; PID=""
    echo "$(( t1 - t0 )) $cpu"
}

timed() { start_and_time "$@"; }

middle() { printf '%s\n' "$@" | sort -n | sed -n "$(( ($# + 1) / 2 ))p"; }
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}'; }

# "Started BedsideApplication in X seconds (process running for Y)": Spring's own view, for the table.
spring_said() { grep -o 'Started BedsideApplication in [0-9.]* seconds' "$1" | grep -o '[0-9.]*' | head -1 || true; }

PG_ENV=()
pg_fresh() {
    psql -q -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d postgres -c "drop database if exists $DB" >/dev/null
    psql -q -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d postgres -c "create database $DB" >/dev/null
}
pg_env() {
    [[ -f "$WORK/master-keyset.json" ]] || "$JAVA" -jar "$JAR" --bedside.keys.generate="$WORK/master-keyset.json" >/dev/null
    PG_ENV=(BEDSIDE_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" BEDSIDE_DB_USER="$PGUSER" BEDSIDE_DB_PASSWORD=
        BEDSIDE_MASTER_KEYSET="$WORK/master-keyset.json" BEDSIDE_DATA_DIR="$WORK/pgdata")
}

declare -A LABEL=(
    [a]="a  H2, fresh data directory (migrations + demo seeding)"
    [b]="b  H2, restart on the same data"
    [c]="c  PostgreSQL, fresh database (migrations)"
    [d]="d  PostgreSQL, restart on the same database"
)
declare -A RESULT SPRING ALL CPU

# run_case <case>: its preparation and its runs, all under one hold of the shared lock (a case takes
# about a minute; a hold per start made the runs wait behind everybody else's once each).
run_case() {
    local c="$1" times=() cpus=() springs=() log ms cpu i
    case "$c" in
        b) rm -rf "$WORK/b"; mkdir -p "$WORK/b"
           timed "$WORK/b-prepare.log" BEDSIDE_DATA_DIR="$WORK/b/data" >/dev/null ;;
        d) pg_env; pg_fresh; timed "$WORK/d-prepare.log" "${PG_ENV[@]}" >/dev/null ;;
        c) pg_env ;;
    esac
    for ((i = 1; i <= RUNS; i++)); do
        log="$WORK/$c-$i.log"
        case "$c" in
            a) rm -rf "$WORK/a"; mkdir -p "$WORK/a"; ms=$(timed "$log" BEDSIDE_DATA_DIR="$WORK/a/data") ;;
            b) ms=$(timed "$log" BEDSIDE_DATA_DIR="$WORK/b/data") ;;
            c) pg_fresh; ms=$(timed "$log" "${PG_ENV[@]}") ;;
            d) ms=$(timed "$log" "${PG_ENV[@]}") ;;
            *) echo "unknown case $c" >&2; exit 2 ;;
        esac
        [[ -n "$ms" ]] || exit 1
        read -r ms cpu <<<"$ms"
        cpus+=("$cpu")
        times+=("$ms"); springs+=("$(spring_said "$log")")
        if [[ -n "${COLDSTART_KEEP_LOGS:-}" ]]; then cp "$log" "$COLDSTART_KEEP_LOGS/$c-$i.log"; fi
    done
    echo "$(median "${times[@]}")|${times[*]}|$(middle "${cpus[@]}")|$(middle "${springs[@]}")"
}

for c in $CASES; do
    if [[ -n "$LOCK" ]]; then
        line=$( ( flock 9; run_case "$c" ) 9>>"$LOCK" )
    else
        line=$(run_case "$c")
    fi
    IFS='|' read -r RESULT[$c] ALL[$c] CPU[$c] SPRING[$c] <<<"$line"
    echo "case $c: ${RESULT[$c]} ms (${ALL[$c]})" >&2
done

echo
echo "Cold start to first 200 UP from /actuator/health ($("$JAVA" -version 2>&1 | head -1); jvm options: ${JVM_OPTS:-none})"
echo
echo "| case | median ms | runs ms | JVM CPU s (median) | Spring's 'Started in' s (median) |"
echo "|---|---|---|---|---|"
for c in $CASES; do
    echo "| ${LABEL[$c]} | ${RESULT[$c]} | ${ALL[$c]} | ${CPU[$c]} | ${SPRING[$c]} |"
done
