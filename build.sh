#!/usr/bin/env bash
# HiringPlatform developer/CI entry point.
#
#   ./build.sh run          build (Debug) and run the web app on http://localhost:5000
#                           against a local PostgreSQL (Docker if an engine answers,
#                           otherwise a private cluster owned by the `postgres` user)
#   ./build.sh test         build (Release) and run every test project against a private,
#                           throwaway-speed cluster; prints "N passed, N failed, N skipped"
#                           (without the long runs marked [Trait("Category","Long")])
#   ./build.sh test-long    the long runs only (the 10,000-request fuzz; FUZZ_SEED, FUZZ_REQUESTS)
#   ./build.sh psql [test]  psql on the run (or test) cluster
#   ./build.sh pg-stop      stop the private clusters (and the test cluster's replica)
#   ./build.sh bench-data [small|large]   benchmark data set in its own database (bench/)
#   ./build.sh bench        Release build + the benchmark, results in bench/results/ (BENCH_SET=small)
#   ./build.sh bench-smoke  the benchmark on the small set for a few seconds a scenario; fails on errors
#   ./build.sh mutate       Stryker.NET mutation testing of Application/Domain against the unit tests; fails under 80 %
#                           (report in artifacts/mutation/; extra arguments go to dotnet-stryker, e.g. --since:main)
#
# Environment overrides: ConnectionStrings__Default (run) and HIRING_TEST_POSTGRES (test)
# skip the private clusters entirely; HIRING_TEST_POSTGRES_REPLICA names a replica of the latter (test).
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
cd "$REPO"

# PostgreSQL 15 or later: 15 where it is installed (Debian 12, and the version existing clusters were made with),
# otherwise the newest installed (Debian 13: 17, Ubuntu 24.04: 16); HIRING_PG_VERSION chooses one.
pick_pg_version() {
    local v
    if [[ -n "${HIRING_PG_VERSION:-}" ]]; then printf '%s\n' "$HIRING_PG_VERSION"; return 0; fi
    if [[ -x /usr/lib/postgresql/15/bin/initdb ]]; then printf '15\n'; return 0; fi
    for v in $(ls /usr/lib/postgresql 2>/dev/null | grep -E '^[0-9]+$' | sort -rn); do
        if [[ "$v" -ge 15 && -x "/usr/lib/postgresql/$v/bin/initdb" ]]; then printf '%s\n' "$v"; return 0; fi
    done
    printf '15\n'
}
PG_VERSION_MAJOR="$(pick_pg_version)"
PGBIN="/usr/lib/postgresql/${PG_VERSION_MAJOR}/bin"
PG_FIRST_PORT=55432
PG_RUN_CLUSTER=postgres
PG_TEST_CLUSTER=postgres-test
PG_TEST_REPLICA=postgres-test-replica
PG_DB=hiring
WEB_PROJECT=src/HiringPlatform.Web
WEB_URLS=http://localhost:5000
CHROMIUM=/usr/bin/chromium
TEST_LOG="$REPO/.data/test-output.log"

# ---------------------------------------------------------------------------- helpers

log() { printf '[build.sh] %s\n' "$*" >&2; }
die() { printf '[build.sh] error: %s\n' "$*" >&2; exit 1; }

is_root() { [[ "$(id -u)" -eq 0 ]]; }

# Run a command as root (directly, or through non-interactive sudo).
as_root() {
    if is_root; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo -n "$@"
    else
        die "need root for: $*"
    fi
}

# Run a command as the OS user that owns the clusters. initdb refuses root, so as root
# we switch to `postgres`; as a normal user the clusters simply belong to that user.
# cd / first: postgres may not be allowed into the caller's working directory.
# 9>&- : never let a server inherit our lock file descriptor.
as_pg() {
    if is_root; then
        (cd / && runuser -u postgres -- "$@") 9>&-
    else
        (cd / && "$@") 9>&-
    fi
}

apt_install() {
    local attempt
    for attempt in 1 2; do
        if as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q \
            && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@"; then
            return 0
        fi
        log "apt-get install $* failed (attempt $attempt)"
        sleep 3
    done
    return 1
}

find_solution() {
    local s
    for s in HiringPlatform.sln HiringPlatform.slnx; do
        if [[ -f "$REPO/$s" ]]; then
            printf '%s\n' "$s"
            return 0
        fi
    done
    die "no HiringPlatform.sln(x) in $REPO"
}

# ---------------------------------------------------------------------------- PostgreSQL

ensure_pg_binaries() {
    if [[ ! -x "$PGBIN/initdb" ]]; then
        log "PostgreSQL ${PG_VERSION_MAJOR} not found in $PGBIN; installing the distribution's PostgreSQL with apt-get"
        apt_install "postgresql-${PG_VERSION_MAJOR}" "postgresql-contrib-${PG_VERSION_MAJOR}" 2>/dev/null \
            || apt_install postgresql postgresql-contrib \
            || die "could not install PostgreSQL (15 or later is needed)"
        PG_VERSION_MAJOR="$(pick_pg_version)"
        PGBIN="/usr/lib/postgresql/${PG_VERSION_MAJOR}/bin"
        [[ -x "$PGBIN/initdb" && "$PG_VERSION_MAJOR" -ge 15 ]] || die "PostgreSQL 15 or later is needed; found ${PG_VERSION_MAJOR}"
    fi
    # Tests that run a cluster of their own (fault tests, replicas) use the same binaries.
    export HIRING_PG_BIN="$PGBIN"
    if is_root && ! id -u postgres >/dev/null 2>&1; then
        useradd --system --user-group --home-dir /var/lib/postgresql --shell /bin/bash postgres
    fi
}

# Folder that holds the private clusters: <repo>/.data, unless the postgres user cannot
# enter it (e.g. a checkout under /root), then a folder derived from the repo path.
pg_base() {
    mkdir -p "$REPO/.data"
    if ! is_root || runuser -u postgres -- test -x "$REPO/.data" 2>/dev/null; then
        printf '%s\n' "$REPO/.data"
        return 0
    fi
    local hash base
    hash="$(printf '%s' "$REPO" | sha1sum | cut -c1-12)"
    base="/var/tmp/hiringplatform-$hash"
    mkdir -p "$base"
    chmod 755 "$base"
    [[ -O "$base" && ! -L "$base" ]] || die "$base exists but is not ours"
    printf '%s\n' "$base"
}

# Is something listening on 127.0.0.1:$1 (or on the wildcard address)?
port_in_use() {
    local port="$1"
    if command -v ss >/dev/null 2>&1 && [[ -n "$(ss -Hltn "sport = :$port" 2>/dev/null)" ]]; then
        return 0
    fi
    # Fallback (and double check): try to connect.
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
        return 0
    fi
    return 1
}

# First free port from PG_FIRST_PORT upward, skipping ports remembered by our other clusters
# (so a stopped run cluster keeps its port when the test cluster starts) and any in $1.
pick_free_port() {
    local base="$1" self="$2" avoid="${3:-}" port f
    local -A reserved=()
    for f in "$base"/*/port; do
        [[ -f "$f" && "$f" != "$base/$self/port" ]] || continue
        port="$(tr -dc 0-9 <"$f")"
        [[ -n "$port" ]] && reserved[$port]=1
    done
    for ((port = PG_FIRST_PORT; port < PG_FIRST_PORT + 500; port++)); do
        [[ -z "${reserved[$port]:-}" && " $avoid " != *" $port "* ]] || continue
        port_in_use "$port" || { printf '%s\n' "$port"; return 0; }
    done
    die "no free TCP port in $PG_FIRST_PORT..$((PG_FIRST_PORT + 499))"
}

# Is the postmaster named in $1/postmaster.pid alive, and is it the server of this data dir?
# (A stale pid file may name a live, unrelated process: check its name and working directory,
# which for a postmaster is the data directory; where /proc hides the cwd, ask the server.)
pg_postmaster_alive() {
    local data="$1" pid cwd port
    [[ -f "$data/postmaster.pid" ]] || return 1
    pid="$(head -n1 "$data/postmaster.pid" 2>/dev/null | tr -dc 0-9)"
    [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null || return 1
    [[ "$(cat "/proc/$pid/comm" 2>/dev/null)" == postgres ]] || return 1
    cwd="$(readlink "/proc/$pid/cwd" 2>/dev/null || true)"
    if [[ -n "$cwd" ]]; then
        [[ "$cwd" == "$(readlink -f "$data")" ]]
        return
    fi
    port="$(sed -n 4p "$data/postmaster.pid" | tr -dc 0-9)"
    [[ -n "$port" ]] && [[ "$(pg_data_directory "$port")" == "$(readlink -f "$data")" ]]
}

pg_data_directory() {
    "$PGBIN/psql" -h 127.0.0.1 -p "$1" -U postgres -d postgres -XtAq \
        -c 'SHOW data_directory' 2>/dev/null || true
}

pg_ready() { "$PGBIN/pg_isready" -q -h 127.0.0.1 -p "$1" -U postgres -t 3 >/dev/null 2>&1; }

# ensure_pg <name> [fast]
# Makes sure the private cluster <base>/<name> exists and runs on 127.0.0.1; sets PG_PORT.
# "fast" trades durability for speed (test cluster only).
ensure_pg() {
    local name="$1" fast="${2:-}"
    ensure_pg_binaries

    local base root data portfile
    base="$(pg_base)"
    root="$base/$name"
    data="$root/data"
    portfile="$root/port"

    if is_root; then
        install -d -o postgres -g postgres -m 700 "$root"
        if [[ -d "$data" && "$(stat -c %U "$data")" != postgres ]]; then
            chown -R postgres:postgres "$root"
        fi
    else
        install -d -m 700 "$root"
    fi

    # One build.sh at a time per cluster (fd 9 is closed for every child via as_pg).
    exec 9>"$root/lock"
    flock -w 120 9 || die "timed out waiting for the lock on $root"

    if [[ ! -f "$data/PG_VERSION" ]]; then
        log "initialising cluster '$name' in $data"
        as_pg rm -rf "$data"
        if ! as_pg "$PGBIN/initdb" -D "$data" -U postgres --auth=trust --encoding=UTF8 \
            --locale=C.UTF-8 >"$root/initdb.log" 2>&1; then
            cat "$root/initdb.log" >&2
            die "initdb failed for cluster '$name'"
        fi
    fi

    local remembered=""
    [[ -f "$portfile" ]] && remembered="$(tr -dc 0-9 <"$portfile")"

    # Reuse a running server of OUR data folder that answers on its port.
    if pg_postmaster_alive "$data"; then
        local live_port
        live_port="$(sed -n 4p "$data/postmaster.pid" | tr -dc 0-9)"
        live_port="${live_port:-$remembered}"
        for _ in 1 2 3 4 5; do
            if [[ -n "$live_port" ]] && pg_ready "$live_port" \
                && [[ "$(pg_data_directory "$live_port")" == "$(readlink -f "$data")" ]]; then
                [[ "$live_port" == "$remembered" ]] || echo "$live_port" >"$portfile"
                PG_PORT="$live_port"
                log "reusing cluster '$name' on 127.0.0.1:$PG_PORT"
                exec 9>&-
                return 0
            fi
            sleep 1
        done
        log "cluster '$name' is running but does not answer; restarting it"
        as_pg "$PGBIN/pg_ctl" -D "$data" -m fast -w -t 30 stop >/dev/null 2>&1 || true
    fi
    # Not our live postmaster: a leftover pid file would only confuse the start.
    pg_postmaster_alive "$data" || rm -f "$data/postmaster.pid"

    local opts=(-c listen_addresses=127.0.0.1 -c "unix_socket_directories=''")
    if [[ "$fast" == fast ]]; then
        opts+=(-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300)
    else
        opts+=(-c max_connections=200)
    fi

    local port attempt tried=""
    for attempt in 1 2 3; do
        if [[ -n "$remembered" && "$attempt" -eq 1 ]] && ! port_in_use "$remembered"; then
            port="$remembered"
        else
            port="$(pick_free_port "$base" "$name" "$tried $remembered")"
        fi
        tried="$tried $port"
        log "starting cluster '$name' on 127.0.0.1:$port"
        if as_pg "$PGBIN/pg_ctl" -D "$data" -l "$root/pg.log" -w -t 30 \
            -o "-p $port ${opts[*]}" start >/dev/null; then
            echo "$port" >"$portfile"
            PG_PORT="$port"
            for _ in $(seq 1 20); do pg_ready "$port" && break; sleep 0.5; done
            pg_ready "$port" || die "cluster '$name' started but does not answer on $port (see $root/pg.log)"
            exec 9>&-
            return 0
        fi
        log "start on port $port failed; last lines of $root/pg.log:"
        tail -n 5 "$root/pg.log" >&2 2>/dev/null || true
        remembered=""
    done
    die "could not start cluster '$name' (see $root/pg.log)"
}

stop_pg() {
    local name="$1" base data
    [[ -x "$PGBIN/pg_ctl" ]] || return 0
    base="$(pg_base)"
    data="$base/$name/data"
    if pg_postmaster_alive "$data"; then
        log "stopping cluster '$name'"
        as_pg "$PGBIN/pg_ctl" -D "$data" -m fast -w -t 60 stop >/dev/null
    else
        log "cluster '$name' is not running"
    fi
}

# ensure_pg_replica <name> <primary port> [fast]
# A streaming replica of the cluster on <primary port>: pg_basebackup -R (same binaries), hot standby on its own port;
# sets PG_PORT. Reused while it runs and follows that primary; otherwise made again from a fresh base backup (a test
# replica holds nothing of its own). The primary needs nothing special: initdb's defaults already allow replication
# connections from 127.0.0.1 (pg_hba "host replication all 127.0.0.1/32 trust"), wal_level=replica, max_wal_senders=10.
ensure_pg_replica() {
    local name="$1" primary_port="$2" fast="${3:-}"
    ensure_pg_binaries

    local base root data portfile
    base="$(pg_base)"
    root="$base/$name"
    data="$root/data"
    portfile="$root/port"
    if is_root; then
        install -d -o postgres -g postgres -m 700 "$root"
    else
        install -d -m 700 "$root"
    fi
    exec 9>"$root/lock"
    flock -w 120 9 || die "timed out waiting for the lock on $root"

    local remembered=""
    [[ -f "$portfile" ]] && remembered="$(tr -dc 0-9 <"$portfile")"
    if pg_postmaster_alive "$data"; then
        local live_port
        live_port="$(sed -n 4p "$data/postmaster.pid" | tr -dc 0-9)"
        if [[ -n "$live_port" ]] && pg_ready "$live_port" && pg_replica_follows "$live_port" "$primary_port"; then
            PG_PORT="$live_port"
            log "reusing replica '$name' on 127.0.0.1:$PG_PORT"
            exec 9>&-
            return 0
        fi
        log "replica '$name' does not follow 127.0.0.1:$primary_port; making it again"
        as_pg "$PGBIN/pg_ctl" -D "$data" -m immediate -w -t 30 stop >/dev/null 2>&1 || true
    fi
    pg_postmaster_alive "$data" || rm -f "$data/postmaster.pid"

    log "base backup of 127.0.0.1:$primary_port into replica '$name'"
    as_pg rm -rf "$data"
    if ! as_pg "$PGBIN/pg_basebackup" -h 127.0.0.1 -p "$primary_port" -U postgres -D "$data" -R -X stream -c fast \
        >"$root/basebackup.log" 2>&1; then
        cat "$root/basebackup.log" >&2
        die "pg_basebackup failed for replica '$name'"
    fi

    # A hot standby needs max_connections (and a few others) at least as high as the primary's: ask it.
    local max_connections
    max_connections="$("$PGBIN/psql" -h 127.0.0.1 -p "$primary_port" -U postgres -d postgres -XtAq -c 'SHOW max_connections')"
    local opts=(-c listen_addresses=127.0.0.1 -c "unix_socket_directories=''" -c hot_standby=on -c "max_connections=$max_connections")
    [[ "$fast" == fast ]] && opts+=(-c fsync=off -c full_page_writes=off)

    local port attempt tried=""
    for attempt in 1 2 3; do
        if [[ -n "$remembered" && "$attempt" -eq 1 ]] && ! port_in_use "$remembered"; then
            port="$remembered"
        else
            port="$(pick_free_port "$base" "$name" "$tried $remembered $primary_port")"
        fi
        tried="$tried $port"
        log "starting replica '$name' on 127.0.0.1:$port"
        if as_pg "$PGBIN/pg_ctl" -D "$data" -l "$root/pg.log" -w -t 60 -o "-p $port ${opts[*]}" start >/dev/null; then
            echo "$port" >"$portfile"
            PG_PORT="$port"
            for _ in $(seq 1 40); do pg_replica_follows "$port" "$primary_port" && break; sleep 0.5; done
            pg_replica_follows "$port" "$primary_port" || die "replica '$name' started but does not stream from $primary_port (see $root/pg.log)"
            exec 9>&-
            return 0
        fi
        log "start on port $port failed; last lines of $root/pg.log:"
        tail -n 5 "$root/pg.log" >&2 2>/dev/null || true
        remembered=""
    done
    die "could not start replica '$name' (see $root/pg.log)"
}

# Is the server on $1 a standby streaming from the primary on port $2?
pg_replica_follows() {
    local state
    state="$("$PGBIN/psql" -h 127.0.0.1 -p "$1" -U postgres -d postgres -XtAq -c \
        "SELECT pg_is_in_recovery()::text || ' ' || coalesce((SELECT sender_port::text FROM pg_stat_wal_receiver WHERE status = 'streaming'), '')" \
        2>/dev/null || true)"
    [[ "$state" == "true $2" ]]
}

# create_db <port> <name>: create the database if it does not exist.
create_db() {
    local port="$1" db="$2" exists
    exists="$("$PGBIN/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -XtAq \
        -c "SELECT 1 FROM pg_database WHERE datname = '$db'")"
    if [[ "$exists" != 1 ]]; then
        log "creating database $db"
        "$PGBIN/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -Xq \
            -c "CREATE DATABASE \"$db\"" >/dev/null
    fi
}

docker_engine_available() {
    command -v docker >/dev/null 2>&1 \
        && timeout 5 docker info >/dev/null 2>&1 \
        && timeout 5 docker compose version >/dev/null 2>&1
}

# Sets ConnectionStrings__Default for `run` unless the caller already did.
ensure_run_database() {
    if [[ -n "${ConnectionStrings__Default:-}" ]]; then
        log "using ConnectionStrings__Default from the environment"
        return 0
    fi
    if docker_engine_available; then
        log "Docker engine found: docker compose up -d db"
        docker compose up -d db
        for _ in $(seq 1 60); do
            docker compose exec -T db pg_isready -q -U postgres -d "$PG_DB" >/dev/null 2>&1 && break
            sleep 1
        done
        # Throwaway local password, the same as in docker-compose.yml.
        export ConnectionStrings__Default="Host=127.0.0.1;Port=5432;Database=$PG_DB;Username=postgres;Password=postgres"
        log "database: 127.0.0.1:5432/$PG_DB (docker compose)"
        return 0
    fi
    ensure_pg "$PG_RUN_CLUSTER"
    create_db "$PG_PORT" "$PG_DB"
    export ConnectionStrings__Default="Host=127.0.0.1;Port=$PG_PORT;Database=$PG_DB;Username=postgres"
    log "database: 127.0.0.1:$PG_PORT/$PG_DB (private cluster)"
}

# Sets HIRING_TEST_POSTGRES (server level: fixtures create their own databases).
ensure_test_server() {
    if [[ -n "${HIRING_TEST_POSTGRES:-}" ]]; then
        log "using HIRING_TEST_POSTGRES from the environment"
        return 0
    fi
    ensure_pg "$PG_TEST_CLUSTER" fast
    export HIRING_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=postgres"
    log "test server: 127.0.0.1:$PG_PORT (private cluster '$PG_TEST_CLUSTER')"
    # The read-replica tests (ADR-0020) read from a streaming replica of the test cluster.
    if [[ -z "${HIRING_TEST_POSTGRES_REPLICA:-}" ]]; then
        local primary_port="$PG_PORT"
        ensure_pg_replica "$PG_TEST_REPLICA" "$primary_port" fast
        export HIRING_TEST_POSTGRES_REPLICA="Host=127.0.0.1;Port=$PG_PORT;Username=postgres"
        log "test replica: 127.0.0.1:$PG_PORT (streaming from 127.0.0.1:$primary_port)"
        PG_PORT="$primary_port"
    fi
}

ensure_chromium() {
    if [[ -x "$CHROMIUM" ]]; then
        return 0
    fi
    log "$CHROMIUM missing; installing Debian's chromium"
    apt_install chromium || log "warning: could not install chromium; browser tests will fail"
}

# The proxy test runs the app behind a real nginx (Debian's package; only the binary is used, no service is started).
ensure_nginx() {
    if command -v nginx >/dev/null 2>&1 || [[ -x /usr/sbin/nginx ]]; then
        return 0
    fi
    log "nginx missing; installing Debian's nginx"
    apt_install nginx || log "warning: could not install nginx; the proxy test will fail"
}

# ---------------------------------------------------------------------------- test summary

# summarize_tests <log file> <dotnet test exit code>
# Adds up the per-assembly "Passed!/Failed!  - Failed: N, Passed: N, Skipped: N, Total: N"
# lines, prints "N passed, N failed, N skipped" as the last line, and returns non-zero when
# dotnet test failed, a test failed, or no summary line was found.
summarize_tests() {
    local file="$1" rc="${2:-0}" sums
    sums="$(sed 's/\x1b\[[0-9;]*[A-Za-z]//g' "$file" | awk '
        match($0, /(Passed|Failed)! +- +Failed: *[0-9]+, *Passed: *[0-9]+, *Skipped: *[0-9]+/) {
            s = substr($0, RSTART, RLENGTH)
            gsub(/[^0-9,]/, "", s)          # -> "F,P,S"
            split(s, n, ",")
            f += n[1]; p += n[2]; k += n[3]; lines++
        }
        END { printf "%d %d %d %d\n", lines, p, f, k }')"
    local lines passed failed skipped status=0
    read -r lines passed failed skipped <<<"$sums"

    if [[ "$lines" -eq 0 ]]; then
        log "no test summary line (\"Passed!/Failed!  - Failed: ...\") found in $file (dotnet test exited with $rc: did the build fail, or were no tests discovered?)"
        return 1
    fi
    if [[ "$rc" -ne 0 ]]; then
        log "dotnet test exited with code $rc"
        status=1
    fi
    if [[ "$failed" -gt 0 ]]; then
        log "$failed test(s) failed"
        status=1
    fi
    log "$lines test assembly summaries found"
    printf '%d passed, %d failed, %d skipped\n' "$passed" "$failed" "$skipped"
    return "$status"
}

# ---------------------------------------------------------------------------- subcommands

cmd_run() {
    local sln
    sln="$(find_solution)"
    log "dotnet build $sln (Debug)"
    dotnet build "$sln" -c Debug
    ensure_run_database
    export ASPNETCORE_ENVIRONMENT=Development
    log "starting the app on $WEB_URLS"
    exec dotnet run --no-build --project "$WEB_PROJECT" --urls "$WEB_URLS" "$@"
}

cmd_test() {
    local sln
    sln="$(find_solution)"
    export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 Serilog__MinimumLevel__Default=Warning
    export MSBUILDDISABLENODEREUSE=1
    ensure_test_server
    ensure_chromium
    ensure_nginx

    mkdir -p "$(dirname "$TEST_LOG")"
    log "dotnet test $sln -c Release (output also in ${TEST_LOG#"$REPO"/})"
    local rc
    set +e
    # Tests marked [Trait("Category", "Long")] run only under test-long.
    local filter="${TEST_FILTER-Category!=Long}"
    dotnet test "$sln" -c Release ${filter:+--filter "$filter"} "$@" 2>&1 | tee "$TEST_LOG"
    rc="${PIPESTATUS[0]}"
    set -e
    run_bench_smoke_in_tests
    summarize_tests "$TEST_LOG" "$rc"
}

# The slow tests only (hostile files that take the extractor to its limits): CI runs this after `test`.
cmd_test_long() {
    TEST_FILTER="Category=Long" BENCH_SMOKE=0 cmd_test "$@"
}

cmd_psql() {
    case "${1:-}" in
        test)
            ensure_pg "$PG_TEST_CLUSTER" fast
            exec "$PGBIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres
            ;;
        "")
            ensure_pg "$PG_RUN_CLUSTER"
            create_db "$PG_PORT" "$PG_DB"
            exec "$PGBIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -d "$PG_DB"
            ;;
        *) die "usage: $0 psql [test]" ;;
    esac
}

cmd_pg_stop() {
    stop_pg "$PG_RUN_CLUSTER"
    stop_pg "$PG_TEST_REPLICA"
    stop_pg "$PG_TEST_CLUSTER"
}

# ---------------------------------------------------------------------------- benchmark (bench/)

BENCH_PROJECT=bench/HiringPlatform.Bench
BENCH_FLOOR_PROJECT=bench/HiringPlatform.Bench.Floor
BENCH_DLL="$BENCH_PROJECT/bin/Release/net10.0/HiringPlatform.Bench.dll"
BENCH_FLOOR_DLL="$BENCH_FLOOR_PROJECT/bin/Release/net10.0/HiringPlatform.Bench.Floor.dll"
WEB_RELEASE_DLL="$WEB_PROJECT/bin/Release/net10.0/HiringPlatform.Web.dll"
BENCH_APP_PID=""
BENCH_FLOOR_PID=""

bench_build() {
    log "dotnet build (Release): web app, benchmark tools, floor"
    dotnet build "$WEB_PROJECT" -c Release -nologo -v quiet -clp:NoSummary
    dotnet build "$BENCH_PROJECT" -c Release -nologo -v quiet -clp:NoSummary
    dotnet build "$BENCH_FLOOR_PROJECT" -c Release -nologo -v quiet -clp:NoSummary
}

# wrk drives the load. (The RUM experiment in bench/sql/rum-experiment.sql needs postgresql-NN-rum, installed by hand:
# nothing that the tests or the benchmark run uses it, and GitHub's Ubuntu runners do not have it.)
bench_tools() {
    command -v wrk >/dev/null 2>&1 || apt_install wrk || die "could not install wrk"
}

# bench_data <set> <server connection string> [database]: create/migrate/load the set, or reuse a complete one.
bench_data() {
    local set="$1" server="$2" db="${3:-}"
    local args=(data --set "$set" --server "$server" --web-dll "$REPO/$WEB_RELEASE_DLL")
    [[ -n "$db" ]] && args+=(--database "$db")
    dotnet "$BENCH_DLL" "${args[@]}"
}

bench_free_port() {
    local port
    for ((port = $1; port < $1 + 200; port++)); do
        port_in_use "$port" || { printf '%s\n' "$port"; return 0; }
    done
    die "no free port from $1"
}

bench_wait_http() {
    local url="$1" pid="$2" name="$3"
    for _ in $(seq 1 120); do
        kill -0 "$pid" 2>/dev/null || die "$name exited during start-up (see its log)"
        curl -fsS -o /dev/null "$url" 2>/dev/null && return 0
        sleep 0.5
    done
    die "$name did not answer on $url"
}

# Stops only the two servers this script started (by pid).
bench_stop_servers() {
    local pid
    for pid in "$BENCH_APP_PID" "$BENCH_FLOOR_PID"; do
        [[ -n "$pid" ]] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
    done
    BENCH_APP_PID=""
    BENCH_FLOOR_PID=""
    return 0
}

# bench_start_servers <db connection string> <log dir>: the app (Production, logs at Warning, the apply rate
# limit raised) and the floor, on free loopback ports. Sets BENCH_APP_URL and BENCH_FLOOR_URL.
bench_start_servers() {
    local cs="$1" logs="$2" port
    port="$(bench_free_port 5180)"
    BENCH_APP_URL="http://127.0.0.1:$port"
    # Production cookies are Secure: the app sits behind an imitated TLS-terminating proxy (forwarded headers
    # enabled, wrk sends X-Forwarded-Proto: https), all traffic stays on 127.0.0.1.
    (cd "$REPO/$WEB_PROJECT" && exec env ASPNETCORE_ENVIRONMENT=Production App__PublicUrl="$BENCH_APP_URL" \
        ASPNETCORE_URLS="$BENCH_APP_URL" ConnectionStrings__Default="$cs" Serilog__MinimumLevel__Default=Warning \
        Careers__ApplyRateLimitPerHour=1000000 Interviews__FeedbackReminders__Enabled=false \
        dotnet "$REPO/$WEB_RELEASE_DLL") >"$logs/app.log" 2>&1 &
    BENCH_APP_PID=$!
    port="$(bench_free_port $((port + 1)))"
    BENCH_FLOOR_URL="http://127.0.0.1:$port"
    (cd "$REPO/$BENCH_FLOOR_PROJECT" && exec env ASPNETCORE_URLS="$BENCH_FLOOR_URL" ConnectionStrings__Default="$cs" \
        dotnet "$REPO/$BENCH_FLOOR_DLL") >"$logs/floor.log" 2>&1 &
    BENCH_FLOOR_PID=$!
    log "raised the apply rate limit for this run: Careers__ApplyRateLimitPerHour=1000000"
    log "overdue-feedback reminder job off for this run (it would email the data set's interviewers): Interviews__FeedbackReminders__Enabled=false"
    bench_wait_http "$BENCH_APP_URL/health/live" "$BENCH_APP_PID" "the app"
    bench_wait_http "$BENCH_FLOOR_URL/health" "$BENCH_FLOOR_PID" "the floor"
    log "app on $BENCH_APP_URL (pid $BENCH_APP_PID), floor on $BENCH_FLOOR_URL (pid $BENCH_FLOOR_PID)"
}

# bench_run_set <set> <server connection string> <run dir> [database] [-- runner args...]
bench_run_set() {
    local set="$1" server="$2" dir="$3" db="${4:-hiring_bench_$1}"
    shift 4
    bench_data "$set" "$server" "$db"
    local cs="$server;Database=$db"
    bench_start_servers "$cs" "$dir"
    local rc=0
    dotnet "$BENCH_DLL" run --app "$BENCH_APP_URL" --floor "$BENCH_FLOOR_URL" --app-pid "$BENCH_APP_PID" --db "$cs" \
        --out "$dir/$set.json" \
        --note "The app ran in Production with logs at Warning; the apply rate limit was raised for the run (Careers__ApplyRateLimitPerHour=1000000) and the overdue-feedback reminder job was off (Interviews__FeedbackReminders__Enabled=false)." \
        ${BENCH_ONLY:+--only "$BENCH_ONLY"} "$@" || rc=$?
    bench_stop_servers
    return "$rc"
}

cmd_bench_data() {
    local set="${1:-small}"
    [[ "$set" == small || "$set" == large ]] || die "usage: $0 bench-data [small|large]"
    bench_build
    bench_tools
    ensure_pg "$PG_RUN_CLUSTER"
    bench_data "$set" "Host=127.0.0.1;Port=$PG_PORT;Username=postgres"
}

# Full benchmark: reads on the small set (for the growth ratio), then everything on the large one
# (BENCH_SET=small: everything on the small set only). BENCH_DURATION / BENCH_WARMUP override seconds per scenario.
cmd_bench() {
    local set="${BENCH_SET:-large}" stamp dir server
    [[ "$set" == small || "$set" == large ]] || die "BENCH_SET must be small or large"
    bench_build
    bench_tools
    ensure_pg "$PG_RUN_CLUSTER"
    server="Host=127.0.0.1;Port=$PG_PORT;Username=postgres"
    stamp="$(date -u +%Y%m%d-%H%M%S)"
    dir="$REPO/.data/bench-runs/$stamp"
    mkdir -p "$dir"
    trap bench_stop_servers EXIT
    local timing=()
    [[ -n "${BENCH_DURATION:-}" ]] && timing+=(--duration "$BENCH_DURATION")
    [[ -n "${BENCH_WARMUP:-}" ]] && timing+=(--warmup "$BENCH_WARMUP")
    if [[ "$set" == large ]]; then
        bench_run_set small "$server" "$dir" hiring_bench_small --reads-only "${timing[@]}"
    fi
    bench_run_set "$set" "$server" "$dir" "hiring_bench_$set" "${timing[@]}"
    dotnet "$BENCH_DLL" report --dir "$dir" --out "$REPO/bench/results" --stamp "$stamp" \
        --commit "$(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo unknown)"
}

# Smoke run for CI: small set, a few seconds a scenario, fails on any error. Uses HIRING_TEST_POSTGRES when set
# (as under ./build.sh test), else the run cluster; its database name carries this checkout's hash.
cmd_bench_smoke() {
    local server stamp dir db
    [[ "${BENCH_NO_BUILD:-}" == 1 ]] || bench_build
    bench_tools
    if [[ -n "${HIRING_TEST_POSTGRES:-}" ]]; then
        server="$HIRING_TEST_POSTGRES"
    else
        ensure_pg "$PG_RUN_CLUSTER"
        server="Host=127.0.0.1;Port=$PG_PORT;Username=postgres"
    fi
    db="hiring_bench_smoke_$(printf '%s' "$REPO" | sha1sum | cut -c1-8)"
    stamp="$(date -u +%Y%m%d-%H%M%S)"
    dir="$REPO/.data/bench-runs/smoke-$stamp"
    mkdir -p "$dir"
    trap bench_stop_servers EXIT
    bench_run_set small "$server" "$dir" "$db" --duration "${BENCH_DURATION:-2}" --warmup "${BENCH_WARMUP:-1}" --assert-no-errors
}

# The smoke run as part of ./build.sh test, counted as one test in the summary line (BENCH_SMOKE=0 skips it).
run_bench_smoke_in_tests() {
    [[ "${BENCH_SMOKE:-1}" == 1 ]] || return 0
    local started=$SECONDS rc=0
    log "bench smoke (small set, 2 s a scenario)"
    : >"$TEST_LOG.bench"
    # dotnet test builds the test projects and what they reference; the floor is referenced by none of them.
    dotnet build "$BENCH_FLOOR_PROJECT" -c Release -nologo -v quiet -clp:NoSummary >>"$TEST_LOG.bench" 2>&1 || rc=$?
    [[ "$rc" -ne 0 ]] || (BENCH_NO_BUILD=1 cmd_bench_smoke) >>"$TEST_LOG.bench" 2>&1 || rc=$?
    tail -n 25 "$TEST_LOG.bench"
    if [[ "$rc" -eq 0 ]]; then
        echo "Passed!  - Failed: 0, Passed: 1, Skipped: 0, Total: 1 - bench smoke ($((SECONDS - started)) s)" | tee -a "$TEST_LOG"
    else
        echo "Failed!  - Failed: 1, Passed: 0, Skipped: 0, Total: 1 - bench smoke ($((SECONDS - started)) s, see ${TEST_LOG#"$REPO"/}.bench)" | tee -a "$TEST_LOG"
    fi
}

# The front-end libraries in wwwroot/lib are copies of the npm packages locked in src/HiringPlatform.Web/package-lock.json;
# this re-installs them from the lock file and copies them again. CI fails when that changes a committed file.
cmd_vendor() {
    command -v npm >/dev/null 2>&1 || die "npm is needed (Node.js 20 or later)"
    (cd "$REPO/$WEB_PROJECT" && npm ci --ignore-scripts --no-audit --no-fund && npm run --silent vendor)
    if [[ "${1:-}" == --check ]]; then
        git -C "$REPO" diff --exit-code --stat -- "$WEB_PROJECT/wwwroot/lib" \
            || die "wwwroot/lib differs from what package-lock.json installs: commit the result of ./build.sh vendor"
        log "wwwroot/lib matches package-lock.json"
    fi
}

# The code layout .editorconfig describes (whitespace, style and analyzer rules at warning level). CI runs the check.
cmd_format() {
    if [[ "${1:-}" == --check ]]; then
        dotnet format HiringPlatform.sln --verify-no-changes -v q \
            || die "the code differs from .editorconfig's layout: run ./build.sh format and commit the result"
        log "the code matches .editorconfig"
    else
        dotnet format HiringPlatform.sln -v q
    fi
}

# ---------------------------------------------------------------------------- mutation testing

MUTATION_TEST_PROJECT=tests/HiringPlatform.UnitTests
MUTATION_OUTPUT="$REPO/artifacts/mutation"

# Stryker.NET (the local tool in dotnet-tools.json) mutates src/HiringPlatform.Application/Domain and runs the unit tests
# against each mutant; the settings (files, thresholds, reporters) are in tests/HiringPlatform.UnitTests/stryker-config.json.
# Its break threshold (80 %) makes it exit non-zero below that score. CPU heavy: CI runs it on a schedule, not on every push.
# MUTATE_CONCURRENCY sets the parallel test sessions (default 1: the machines it runs on are shared).
cmd_mutate() {
    export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 MSBUILDDISABLENODEREUSE=1
    dotnet tool restore >/dev/null
    mkdir -p "$MUTATION_OUTPUT"
    log "dotnet-stryker on src/HiringPlatform.Application/Domain (report in ${MUTATION_OUTPUT#"$REPO"/}/reports)"
    (cd "$REPO/$MUTATION_TEST_PROJECT" \
        && dotnet dotnet-stryker --output "$MUTATION_OUTPUT" --concurrency "${MUTATE_CONCURRENCY:-1}" "$@")
}

usage() {
    cat >&2 <<EOF
usage: $0 <command>

  run          build (Debug) and run the web app on $WEB_URLS with a local PostgreSQL
  test         build (Release) and run all tests but the long ones; prints "N passed, N failed, N skipped"
  test-long    the long tests only ([Trait("Category","Long")]: the 10,000-request fuzz, the database restart, hostile
               files at their limits); FUZZ_SEED / FUZZ_REQUESTS choose the fuzz run
  psql [test]  open psql on the run (or test) cluster
  pg-stop      stop the private PostgreSQL clusters (and the test cluster's replica)
  bench-data [small|large]  create (or reuse) the benchmark data set in its own database
  bench        build Release and run the benchmark (BENCH_SET=small for the small set only,
               BENCH_ONLY=board,compare for some scenarios, BENCH_DURATION / BENCH_WARMUP in seconds)
  bench-smoke  a few seconds a scenario on the small set; fails on any error
  mutate [stryker args]  mutation testing of Application/Domain against the unit tests (Stryker.NET); fails under
               80 %; html/json report in artifacts/mutation/reports; MUTATE_CONCURRENCY (default 1), e.g.
               --mutate "**/Domain/Interviews/Interview.cs" or --since:main to look at one file or a branch's changes
  vendor [--check]  copy Bootstrap, Bootstrap Icons and Chart.js from the npm lock file into wwwroot/lib
  format [--check]  lay the code out as .editorconfig says (dotnet format); --check only verifies
EOF
}

main() {
    local cmd="${1:-}"
    [[ $# -gt 0 ]] && shift
    case "$cmd" in
        run) cmd_run "$@" ;;
        test) cmd_test "$@" ;;
        test-long) cmd_test_long "$@" ;;
        psql) cmd_psql "$@" ;;
        pg-stop) cmd_pg_stop ;;
        bench-data) cmd_bench_data "$@" ;;
        bench) cmd_bench ;;
        bench-smoke) cmd_bench_smoke ;;
        mutate) cmd_mutate "$@" ;;
        vendor) cmd_vendor "$@" ;;
        format) cmd_format "$@" ;;
        # Internal helpers (used for checking build.sh itself).
        _ensure-pg) ensure_pg "$@"; echo "$PG_PORT" ;;
        _ensure-pg-replica) ensure_pg_replica "$@"; echo "$PG_PORT" ;;
        _summarize) summarize_tests "$@" ;;
        -h | --help | help) usage ;;
        *) usage; exit 2 ;;
    esac
}

main "$@"
