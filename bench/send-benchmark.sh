#!/usr/bin/env bash
# The send benchmark that anyone can run (issue 22): starts Bedside (the real jar) on PostgreSQL
# in a database of its own, drives sends and lists over HTTP from outside the JVM with wrk, and
# runs the same send-shaped transaction in raw SQL with pgbench in the same run, for the ratio.
#
#   bench/send-benchmark.sh [--clients 8,32] [--seconds 30] [--warmup 10] [--repeat 1]
#                           [--list-clients 8] [--statements] [--lock FILE] [--keep] ...
#
# Reports per run: requests/s, p50/p99 (wrk's latency distribution; pgbench's per-transaction
# log), the JVM's and PostgreSQL's CPU time per request (utime+stime from /proc of the java
# process, and of the postmaster, its children and its reaped children, before and after the
# measured window), and for sends the ratio to the raw transaction at the same client count.
# Checks after every send run that every acknowledged (2xx) send was stored once and that every
# conversation's seq is gapless. Ends with one markdown table (medians of --repeat runs).
# PostgreSQL must be local (for /proc) and reachable as a superuser without a password.
# --help lists every option.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)

clients_list=8,32
seconds=30
warmup=10
repeat=1
list_clients=8
statements=false
lock=""
keep=false
jar="$root/target/bedside.jar"
port=18480
pg_host=127.0.0.1
pg_port=5432
pg_user=postgres
database=bedside_bench
out=""
java_opts=${BENCH_JAVA_OPTS:-}

usage() {
    cat <<EOF
Usage: $0 [options]
  --clients LIST       client counts of the send runs, comma separated (default $clients_list)
  --seconds N          measured window of each run (default $seconds)
  --warmup N           warm-up before each run (default $warmup)
  --repeat N           whole runs (fresh database, fresh JVM); the table shows medians (default $repeat)
  --list-clients N     clients of the GET /api/v1/conversations run; 0 skips it (default $list_clients)
  --statements         per-send statement list from pg_stat_statements (must be in shared_preload_libraries)
  --lock FILE          hold flock(FILE) during each repeat (machines shared with other builds)
  --keep               keep the database $database afterwards
  --jar PATH           the application jar (default target/bedside.jar, built when missing)
  --port N             Bedside's HTTP port (default $port)
  --pg-host H --pg-port N --pg-user U   PostgreSQL superuser connection (default $pg_host:$pg_port $pg_user)
  --database NAME      the database to create and drop (default $database; never an existing one of yours)
  --out DIR            where logs and results go (default a new directory under /tmp)
Environment: BENCH_JAVA_OPTS, options for the JVM (e.g. -Xmx1g).
EOF
}

while [ $# -gt 0 ]; do
    case "$1" in
        --clients) clients_list=$2; shift ;;
        --seconds) seconds=$2; shift ;;
        --warmup) warmup=$2; shift ;;
        --repeat) repeat=$2; shift ;;
        --list-clients) list_clients=$2; shift ;;
        --statements) statements=true ;;
        --lock) lock=$2; shift ;;
        --keep) keep=true ;;
        --jar) jar=$2; shift ;;
        --port) port=$2; shift ;;
        --pg-host) pg_host=$2; shift ;;
        --pg-port) pg_port=$2; shift ;;
        --pg-user) pg_user=$2; shift ;;
        --database) database=$2; shift ;;
        --out) out=$2; shift ;;
        -h|--help) usage; exit 0 ;;
        *) echo "unknown option $1" >&2; usage >&2; exit 2 ;;
    esac
    shift
done
clients_list=${clients_list//,/ }
case "$database" in test|postgres|template0|template1|bedside) echo "refusing to use database $database" >&2; exit 2 ;; esac

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# --- tools -------------------------------------------------------------------------------------
if ! command -v wrk >/dev/null; then
    log "installing wrk (Debian package)"
    if [ "$(id -u)" = 0 ]; then apt-get install -y wrk >/dev/null || { apt-get update -qq && apt-get install -y wrk >/dev/null; }
    else sudo apt-get install -y wrk >/dev/null || { sudo apt-get update -qq && sudo apt-get install -y wrk >/dev/null; }; fi
fi
for tool in wrk pgbench psql createdb dropdb curl jq java awk; do
    command -v "$tool" >/dev/null || die "$tool is missing (PostgreSQL client tools: apt-get install postgresql-client)"
done
if [ ! -f "$jar" ]; then
    log "building $jar"
    (cd "$root" && ./mvnw -o -q package -DskipTests) || die "build failed"
fi

out=${out:-$(mktemp -d /tmp/bedside-bench.XXXXXX)}
mkdir -p "$out"
results="$out/results.tsv"
: > "$results"
log "logs and results in $out"

export PGHOST=$pg_host PGPORT=$pg_port PGUSER=$pg_user
psql_db() { psql -X -q -v ON_ERROR_STOP=1 -At -d "$database" "$@"; }
clk=$(getconf CLK_TCK)
base="http://127.0.0.1:$port"

app_pid=""
stop_app() {
    if [ -n "$app_pid" ] && kill -0 "$app_pid" 2>/dev/null; then
        kill "$app_pid" 2>/dev/null || true
        for _ in $(seq 60); do kill -0 "$app_pid" 2>/dev/null || break; sleep 0.5; done
        kill -9 "$app_pid" 2>/dev/null || true
        wait "$app_pid" 2>/dev/null || true
    fi
    app_pid=""
}
cleanup() {
    stop_app
    if ! $keep; then dropdb --if-exists "$database" 2>/dev/null || true; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- CPU accounting ----------------------------------------------------------------------------
# The postmaster's own time plus its reaped children's (cutime/cstime: backends and autovacuum
# workers that ended) plus every live child's: all of PostgreSQL, including backends that come
# and go within the window. It counts every database of the cluster: keep other load away.
pg_pid=""
if dd=$(psql -X -At -d postgres -c 'show data_directory' 2>/dev/null) && [ -r "$dd/postmaster.pid" ]; then
    pg_pid=$(head -1 "$dd/postmaster.pid")
fi
[ -n "$pg_pid" ] || log "PostgreSQL's data directory is not readable here: PostgreSQL CPU is not reported"
pg_ticks() {
    [ -n "$pg_pid" ] || { echo ""; return; }
    local total
    total=$(cat /proc/[0-9]*/stat 2>/dev/null | awk -v pm="$pg_pid" '
        NF > 0 {
            pid = $1; s = $0; sub(/^.*\) /, "", s); split(s, f, " ")
            # f[1] state, f[2] ppid, f[12] utime, f[13] stime, f[14] cutime, f[15] cstime
            if (pid == pm) t += f[12] + f[13] + f[14] + f[15]
            else if (f[2] == pm) t += f[12] + f[13]
        }
        END { print t + 0 }')
    echo "$total"
}
jvm_ticks() { awk '{ s = $0; sub(/^.*\) /, "", s); split(s, f, " "); print f[12] + f[13] }' "/proc/$app_pid/stat"; }
# ms of CPU per request: ticks before, after, requests
per_request_ms() { awk -v a="$1" -v b="$2" -v n="$3" -v clk="$clk" 'BEGIN { if (a == "" || b == "" || n <= 0) print "n/a"; else printf "%.2f", (b - a) * 1000 / clk / n }'; }

count_rows() { psql_db -c "select (select count(*) from message) || ' ' || (select count(*) from live_event) || ' ' || (select count(*) from audit_event)"; }
# Waits until requests still running when wrk stopped have finished (the message count holds still).
settle() {
    local last now
    last=$(psql_db -c 'select count(*) from message')
    for _ in $(seq 40); do
        sleep 0.5
        now=$(psql_db -c 'select count(*) from message')
        [ "$now" = "$last" ] && return
        last=$now
    done
}

median() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print "n/a"; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# A wrk run; sets w_sent w_ok w_bad w_duration_us w_p50_us w_p99_us ... from the script's BENCH line.
run_wrk() { # clients seconds script logfile
    wrk -t "$1" -c "$1" -d "${2}s" --timeout 10s -s "$here/$3" "$base" -- "$out/clients.lua" > "$4" 2>&1 || die "wrk failed: $(tail -3 "$4")"
    local line
    line=$(grep '^BENCH ' "$4") || die "no BENCH line in $4"
    eval "$(echo "${line#BENCH }" | tr ' ' '\n' | sed 's/^/w_/')"
}

statements_ready=false
if $statements; then
    if psql -X -At -d postgres -c 'show shared_preload_libraries' | grep -q pg_stat_statements; then
        statements_ready=true
    else
        log "--statements: pg_stat_statements is not in shared_preload_libraries; enable it with"
        log "  psql -c \"alter system set shared_preload_libraries = 'pg_stat_statements'\" and restart PostgreSQL"
        log "  (Debian: pg_ctlcluster --skip-systemctl-redirect 15 main restart). Going on without it."
    fi
fi

# --- one repeat ----------------------------------------------------------------------------------
max_clients=$list_clients
for n in $clients_list; do [ "$n" -gt "$max_clients" ] && max_clients=$n; done

start_app() { # repeat
    dropdb --if-exists "$database"
    createdb "$database"
    if curl -s -o /dev/null "$base/actuator/health"; then die "something already answers on port $port"; fi
    rm -rf "$out/data"
    log "starting Bedside on PostgreSQL ($database), port $port"
    # fd 9 (the lock) is not passed on: the lock is ours, not the JVM's.
    BEDSIDE_DB_URL="jdbc:postgresql://$pg_host:$pg_port/$database" BEDSIDE_DB_USER="$pg_user" BEDSIDE_DB_PASSWORD="" \
        BEDSIDE_DEMO=true BEDSIDE_DATA_DIR="$out/data" SERVER_PORT="$port" \
        java $java_opts -jar "$jar" > "$out/app-$1.log" 2>&1 9>&- &
    app_pid=$!
    local started=$SECONDS
    until curl -fsS -o /dev/null "$base/actuator/health/readiness" 2>/dev/null; do
        kill -0 "$app_pid" 2>/dev/null || die "Bedside exited; see $out/app-$1.log"
        [ $((SECONDS - started)) -lt 300 ] || die "Bedside not ready after 300 s; see $out/app-$1.log"
        sleep 0.5
    done
    log "ready after $((SECONDS - started)) s"
}

sign_in() {
    curl -fsS -H 'Content-Type: application/json' \
        -d "{\"username\":\"$1\",\"password\":\"demo-password\"}" "$base/api/v1/auth/token" | jq -r .token
}

# Ten conversations per client, patients alternating (as SendLoadBenchmark does); clients.lua for wrk.
prepare() {
    local patients=(alice@patients.example bob@patients.example) tokens=() teams=() pids=() c i p
    for p in 0 1; do
        tokens[p]=$(sign_in "${patients[p]}") || die "sign-in of ${patients[p]} failed"
        teams[p]=$(curl -fsS -H "Authorization: Bearer ${tokens[p]}" "$base/api/v1/care-teams" \
            | jq -r '([.items[] | select(.name | startswith("Dr. Patel"))] + .items)[0].id')
    done
    log "starting $((max_clients * 10)) conversations"
    for ((c = 0; c < max_clients; c++)); do
        p=$((c % 2))
        (for ((i = 0; i < 10; i++)); do
            curl -fsS -H "Authorization: Bearer ${tokens[p]}" -H 'Content-Type: application/json' \
                -d "{\"careTeamId\":\"${teams[p]}\",\"subject\":\"Load $c-$i\",\"body\":\"Start\"}" \
                "$base/api/v1/conversations" | jq -r .id
        done) > "$out/conversations-$c" &
        pids+=($!)
    done
    wait "${pids[@]}"   # not a bare wait: Bedside is a child too
    {
        echo "return {"
        for ((c = 0; c < max_clients; c++)); do
            [ "$(grep -cE '^[0-9a-f-]{36}$' "$out/conversations-$c")" = 10 ] || die "starting conversations failed"
            printf '  { token = "%s", conversations = {%s} },\n' "${tokens[c % 2]}" \
                "$(sed 's/.*/ "&",/' "$out/conversations-$c" | tr -d '\n')"
        done
        echo "}"
    } > "$out/clients.lua"
    rm -f "$out"/conversations-*
}

print_statements() { # sends logfile
    local dbid
    dbid=$(psql_db -c "select oid from pg_database where datname = current_database()")
    psql -X -q -d "$database" -v ON_ERROR_STOP=1 -P pager=off <<SQL | tee "$2" >&2
\\pset format aligned
\\pset footer off
select round(calls::numeric / $1, 2) as per_send,
       round(mean_exec_time::numeric, 3) as mean_ms,
       round((total_exec_time / $1)::numeric, 3) as ms_per_send,
       left(regexp_replace(query, '\\s+', ' ', 'g'), 140) as statement
  from pg_stat_statements where dbid = $dbid and calls >= $1 / 20
 order by total_exec_time desc;
select round(sum(calls)::numeric / $1, 1) as statements_per_send,
       round((sum(total_exec_time) / $1)::numeric, 3) as exec_ms_per_send
  from pg_stat_statements where dbid = $dbid;
SQL
}

send_run() { # repeat clients
    local r=$1 n=$2 before after j0 j1 p0 p1 inserted events audits rate
    log "send run: $n clients, warm-up ${warmup} s"
    run_wrk "$n" "$warmup" send.lua "$out/send-$r-$n-warmup.log"
    settle
    read -r m0 e0 a0 <<< "$(count_rows)"
    if $statements_ready; then
        psql_db -c "select pg_stat_statements_reset(0, (select oid from pg_database where datname = current_database()), 0)" >/dev/null
    fi
    log "send run: $n clients, measuring ${seconds} s"
    j0=$(jvm_ticks); p0=$(pg_ticks)
    run_wrk "$n" "$seconds" send.lua "$out/send-$r-$n.log"
    j1=$(jvm_ticks); p1=$(pg_ticks)
    settle
    read -r m1 e1 a1 <<< "$(count_rows)"
    inserted=$((m1 - m0)); events=$((e1 - e0)); audits=$((a1 - a0))
    events_per_send=$(awk -v e="$events" -v n="$inserted" 'BEGIN { printf "%.0f", (n > 0 ? e / n : 1) }')
    rate=$(awk -v ok="$w_ok" -v d="$w_duration_us" 'BEGIN { printf "%.0f", ok / (d / 1e6) }')
    local check="ok"
    # Each acknowledged send is stored, and no request is stored twice: ok <= inserted <= sent.
    if [ "$inserted" -lt "$w_ok" ] || [ "$inserted" -gt "$w_sent" ]; then check="FAILED"; fi
    [ "$w_bad" = 0 ] && [ "$w_socket_errors" = 0 ] || check="$check, $w_bad non-2xx, $w_socket_errors socket errors"
    log "  $w_ok acknowledged ($rate/s), $inserted stored, $w_sent sent: $check; per send $(awk -v e="$events" -v a="$audits" -v n="$inserted" 'BEGIN { printf "%.2f event rows, %.2f audit rows", e / n, a / n }')"
    printf '%s\tsend\t%s\t%s\t%.1f\t%.1f\t%s\t%s\t%s\t%s/%s/%s\n' "$r" "$n" "$rate" "$((w_p50_us))e-3" \
        "$((w_p99_us))e-3" "$(per_request_ms "$j0" "$j1" "$w_ok")" "$(per_request_ms "$p0" "$p1" "$w_ok")" \
        "$check" "$w_ok" "$inserted" "$w_sent" >> "$results"
    if $statements_ready; then
        log "statements per send ($n clients, $inserted sends):"
        print_statements "$inserted" "$out/statements-$r-$n.txt"
    fi
    [ "$check" = ok ] || log "CHECK FAILED: acknowledged $w_ok, stored $inserted, sent $w_sent"
}

list_run() { # repeat clients
    local r=$1 n=$2 j0 j1 p0 p1 rate
    log "list run: $n clients, warm-up ${warmup} s"
    run_wrk "$n" "$warmup" list.lua "$out/list-$r-$n-warmup.log"
    log "list run: $n clients, measuring ${seconds} s"
    j0=$(jvm_ticks); p0=$(pg_ticks)
    run_wrk "$n" "$seconds" list.lua "$out/list-$r-$n.log"
    j1=$(jvm_ticks); p1=$(pg_ticks)
    rate=$(awk -v ok="$w_ok" -v d="$w_duration_us" 'BEGIN { printf "%.0f", ok / (d / 1e6) }')
    local check=ok
    [ "$w_bad" = 0 ] && [ "$w_socket_errors" = 0 ] || check="$w_bad non-2xx, $w_socket_errors socket errors"
    log "  $w_ok lists ($rate/s): $check"
    printf '%s\tlist\t%s\t%s\t%.1f\t%.1f\t%s\t%s\t%s\t\n' "$r" "$n" "$rate" "$((w_p50_us))e-3" \
        "$((w_p99_us))e-3" "$(per_request_ms "$j0" "$j1" "$w_ok")" "$(per_request_ms "$p0" "$p1" "$w_ok")" \
        "$check" >> "$results"
}

gapless_check() {
    local bad
    bad=$(psql_db -c "
        select count(*) from (
          select c.id from conversation c join message m on m.conversation_id = c.id
           group by c.id, c.last_seq
          having count(*) <> max(m.seq) or min(m.seq) <> 1 or max(m.seq) <> c.last_seq) x")
    if [ "$bad" = 0 ]; then log "seq gapless in every conversation"; else log "CHECK FAILED: $bad conversations with gaps"; fi
    echo "$bad"
}

# The raw transaction, shaped by what Bedside wrote in this run: ciphertext length, event rows per
# send and their size, the audit row's texts.
raw_runs() { # repeat
    local r=$1 n cipher_len event_type event_len action target_type user_agent users hex data
    cipher_len=$(psql_db -c "select round(avg(octet_length(body_ciphertext))) from message")
    IFS='|' read -r event_type event_len <<< "$(psql_db -c "
        select type, round(avg(length(data))) from live_event group by type order by count(*) desc limit 1")"
    IFS='|' read -r action target_type user_agent <<< "$(psql_db -c "
        select action, coalesce(target_type, ''), coalesce(user_agent, '') from audit_event
         group by 1, 2, 3 order by bool_or(action = 'message.sent') desc, count(*) desc limit 1")"
    hex=$(head -c "$cipher_len" /dev/urandom | od -An -v -tx1 | tr -d ' \n')
    data=$(printf '{"conversation":"%s","seq":1}' 00000000-0000-0000-0000-000000000000)
    while [ ${#data} -lt "$event_len" ]; do data="$data "; done
    users=$(for ((i = 0; i < events_per_send; i++)); do cat /proc/sys/kernel/random/uuid; done | paste -sd,)
    sed -e "s/@CIPHER_HEX@/$hex/" -e "s/@AUDIT_ACTION@/$action/" -e "s/@AUDIT_TARGET_TYPE@/$target_type/" \
        -e "s|@AUDIT_USER_AGENT@|$user_agent|" -e "s/@EVENT_TYPE@/$event_type/" -e "s/@EVENT_DATA@/$data/" \
        -e "s/@EVENT_USERS@/$users/" "$here/raw-send.sql" > "$out/raw-send.sql"
    log "raw transaction: ${cipher_len}-byte ciphertext, $events_per_send event rows of ${event_len} chars, audit '$action'"
    psql_db -v conversations=$((max_clients * 10)) -f "$here/raw-schema.sql" >/dev/null
    for n in $clients_list; do
        local threads=$((n < 2 ? n : 2)) p0 p1 tps count p50 p99
        log "raw run (pgbench): $n clients, warm-up ${warmup} s"
        pgbench -n -M prepared -c "$n" -j "$threads" -T "$warmup" -f "$out/raw-send.sql" "$database" > "$out/raw-$r-$n-warmup.log" 2>&1 \
            || die "pgbench failed: $(tail -3 "$out/raw-$r-$n-warmup.log")"
        rm -f "$out"/pgbench_log.*
        log "raw run (pgbench): $n clients, measuring ${seconds} s"
        p0=$(pg_ticks)
        (cd "$out" && pgbench -n -M prepared -c "$n" -j "$threads" -T "$seconds" -l -f "$out/raw-send.sql" "$database") > "$out/raw-$r-$n.log" 2>&1 \
            || die "pgbench failed: $(tail -3 "$out/raw-$r-$n.log")"
        p1=$(pg_ticks)
        tps=$(awk '/^tps = / { printf "%.0f", $3 }' "$out/raw-$r-$n.log")
        count=$(cat "$out"/pgbench_log.* | wc -l)
        read -r p50 p99 <<< "$(cat "$out"/pgbench_log.* | awk '{ print $3 }' | sort -n | awk '{ v[NR] = $1 }
            END { i50 = int(NR * 0.5 + 0.999); i99 = int(NR * 0.99 + 0.999); printf "%.1f %.1f", v[i50] / 1000, v[i99] / 1000 }')"
        rm -f "$out"/pgbench_log.*
        log "  $tps tps ($count transactions)"
        printf '%s\traw\t%s\t%s\t%s\t%s\t\t%s\tok\t\n' "$r" "$n" "$tps" "$p50" "$p99" "$(per_request_ms "$p0" "$p1" "$count")" >> "$results"
    done
    local bad
    bad=$(psql_db -c "select count(*) from raw.conversation c
                       where c.last_seq - 1 <> (select count(*) from raw.message m where m.conversation_id = c.id)")
    [ "$bad" = 0 ] || log "CHECK FAILED: raw tables lost a message"
}

failures=0
events_per_send=1   # set by each send run: event rows Bedside wrote per send
for ((r = 1; r <= repeat; r++)); do
    if [ -n "$lock" ]; then
        exec 9> "$lock"
        log "repeat $r/$repeat: waiting for $lock"
        flock 9
    fi
    log "repeat $r/$repeat"
    start_app "$r"
    if $statements_ready; then psql_db -c 'create extension if not exists pg_stat_statements' >/dev/null; fi
    prepare
    for n in $clients_list; do send_run "$r" "$n"; done
    [ "$list_clients" -gt 0 ] && list_run "$r" "$list_clients"
    [ "$(gapless_check)" = 0 ] || failures=$((failures + 1))
    stop_app
    raw_runs "$r"
    if [ -n "$lock" ]; then flock -u 9; exec 9>&-; fi
done
grep -q FAILED "$results" && failures=$((failures + 1))

# --- the table -------------------------------------------------------------------------------------
label() {
    case "$1" in
        send) echo 'Bedside `POST /api/v1/conversations/{id}/messages` (wrk)' ;;
        list) echo 'Bedside `GET /api/v1/conversations` (wrk)' ;;
        raw) echo 'raw send-shaped transaction (pgbench)' ;;
    esac
}
col() { awk -F'\t' -v k="$1" -v n="$2" -v c="$3" '$2 == k && $3 == n { print $c }' "$results" | grep -v '^n/a$' | grep -v '^$' | median; }
echo
if [ "$repeat" -gt 1 ]; then what="medians of $repeat runs"; else what="one run"; fi
echo "Bedside send benchmark, $(date -u +%F) on $(nproc) cores, ${seconds} s after ${warmup} s warm-up, $what ($(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo '?'))"
echo
echo '| run | clients | req/s | p50 ms | p99 ms | JVM CPU ms/req | PG CPU ms/req | ratio to raw | checks |'
echo '|---|---|---|---|---|---|---|---|---|'
for kind in send list raw; do
    for n in $(awk -F'\t' -v k="$kind" '$2 == k { print $3 }' "$results" | sort -nu); do
        ratio=""
        if [ "$kind" = send ]; then
            # the ratio of each repeat, then their median
            ratio=$(for ((r = 1; r <= repeat; r++)); do
                awk -F'\t' -v r="$r" -v n="$n" '$1 == r && $3 == n && $2 == "send" { s = $4 } $1 == r && $3 == n && $2 == "raw" { w = $4 }
                    END { if (s != "" && w > 0) printf "%.3f\n", s / w }' "$results"; done | median)
        elif [ "$kind" = raw ]; then ratio=1; fi
        checks=$(awk -F'\t' -v k="$kind" -v n="$n" '$2 == k && $3 == n { print $9 }' "$results" | sort -u | paste -sd';')
        printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$(label "$kind")" "$n" "$(col "$kind" "$n" 4)" \
            "$(col "$kind" "$n" 5)" "$(col "$kind" "$n" 6)" "$(col "$kind" "$n" 7)" "$(col "$kind" "$n" 8)" \
            "$ratio" "$checks"
    done
done
echo
echo "Per repeat: $results (repeat, run, clients, req/s, p50, p99, JVM ms, PG ms, checks, ok/stored/sent)."
$statements_ready && echo "Statements per send: $out/statements-*.txt"
if [ "$failures" -gt 0 ]; then echo "SOME CHECKS FAILED"; exit 1; fi
