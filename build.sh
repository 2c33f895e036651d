#!/usr/bin/env bash
# ApprovalCenter build script. The two commands that matter:
#   ./build.sh run    install what is missing, start a durable local PostgreSQL, migrate, seed, serve on http://127.0.0.1:5080
#   ./build.sh test   the same install, a throw-away PostgreSQL, every test; the last line is "N passed, N failed"
# Others: ./build.sh bench [name]   ./build.sh pg-start | pg-stop   ./build.sh build   ./build.sh backup | restore FILE
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$ROOT"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_CLI_WORKLOAD_UPDATE_NOTIFY_DISABLE=1

# Durable data (PostgreSQL cluster, uploads, mail folder, development seal) lives outside the source tree.
DATA_DIR="${APPROVALCENTER_DATA_DIR:-/var/lib/approvalcenter}"
RUN_PGPORT="${APPROVALCENTER_PGPORT:-55432}"

log() { printf '\033[1m[build]\033[0m %s\n' "$*" >&2; }

# --- prerequisites -----------------------------------------------------------------------------
need_apt=()
pkg_missing() { ! dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }
install_prereqs() {
  local with_browser="${1:-no}"
  need_apt=()
  for p in postgresql fonts-wqy-microhei poppler-utils; do pkg_missing "$p" && need_apt+=("$p"); done
  [ "$with_browser" = yes ] && pkg_missing chromium && need_apt+=(chromium)
  if [ ${#need_apt[@]} -gt 0 ]; then
    log "installing: ${need_apt[*]}"
    local SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
  fi
  command -v dotnet >/dev/null || { log "the .NET 10 SDK is required (dotnet on PATH)"; exit 1; }
  install_frontend
}

# --- front-end libraries (npm registry) --------------------------------------------------------
# Apache ECharts for the report charts is served from wwwroot/lib; axe-core is read by the accessibility
# tests. Versions are pinned in frontend/package.json and package-lock.json; nothing of it is committed.
install_frontend() {
  if ! command -v npm >/dev/null; then
    log "installing: nodejs npm"
    local SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null
  fi
  local fe="$ROOT/frontend" lib="$ROOT/src/ApprovalCenter.Web/wwwroot/lib"
  if [ ! -f "$fe/node_modules/.package-lock.json" ] || [ "$fe/package-lock.json" -nt "$fe/node_modules/.package-lock.json" ]; then
    log "installing front-end libraries (npm ci)"
    (cd "$fe" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
  fi
  mkdir -p "$lib/echarts"
  cp -u "$fe/node_modules/echarts/dist/echarts.min.js" "$fe/node_modules/echarts/LICENSE" "$lib/echarts/"
}

# --- PostgreSQL --------------------------------------------------------------------------------
# PostgreSQL refuses to run as root, so initdb/pg_ctl run as the 'postgres' OS user. The cluster
# listens on 127.0.0.1 only and keeps its unix socket inside its own data directory.
pg_bin() { ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1; }
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi; }

# pg_start DIR PORT PASSWORD EXTRA_OPTS
pg_start() {
  local dir="$1" port="$2" pass="$3" extra="${4:-}" bin; bin="$(pg_bin)"
  mkdir -p "$dir"; chown postgres:postgres "$dir"; chmod 700 "$dir"
  if [ ! -f "$dir/PG_VERSION" ]; then
    local pw; pw="$(mktemp)"; echo "$pass" > "$pw"; chown postgres "$pw"
    as_pg "$bin/initdb" -D "$dir" -U postgres --pwfile="$pw" -A scram-sha-256 -E UTF8 --locale=C.UTF-8 >/dev/null
    rm -f "$pw"
  fi
  if as_pg "$bin/pg_ctl" -D "$dir" status >/dev/null 2>&1 && "$bin/pg_isready" -q -h 127.0.0.1 -p "$port" -t 5; then
    log "PostgreSQL already running on 127.0.0.1:$port"
    return 0
  fi
  rm -f "$dir/postmaster.pid"   # stale after a crash; a reused PID can fool 'pg_ctl status'
  local attempt
  for attempt in $(seq 1 10); do
    # After a crash the old backends may hold shared memory for a second or two, hence the retries.
    if as_pg "$bin/pg_ctl" -D "$dir" -l "$dir/server.log" -w -t 60 \
        -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=${APPROVALCENTER_PG_MAX_CONNECTIONS:-300} $extra" start >/dev/null; then
      log "PostgreSQL started on 127.0.0.1:$port ($dir)"; return 0
    fi
    sleep 1; rm -f "$dir/postmaster.pid"
  done
  tail -20 "$dir/server.log" >&2; return 1
}
pg_stop() { local dir="$1"; [ -f "$dir/PG_VERSION" ] && as_pg "$(pg_bin)/pg_ctl" -D "$dir" -m fast -w stop >/dev/null 2>&1 || true; }

run_pg_password() {
  mkdir -p "$DATA_DIR"; chmod 755 "$DATA_DIR"
  local f="$DATA_DIR/pg-password"
  [ -s "$f" ] || { head -c 18 /dev/urandom | base64 | tr -d '/+=' > "$f"; chmod 600 "$f"; }
  cat "$f"
}

# --- commands ----------------------------------------------------------------------------------
cmd_run() {
  install_prereqs no
  local pass; pass="$(run_pg_password)"
  pg_start "$DATA_DIR/pg" "$RUN_PGPORT" "$pass"
  log "building"
  dotnet build src/ApprovalCenter.Web/ApprovalCenter.Web.csproj -c Release -nologo -v q
  export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
  export ApprovalCenter__Database__ConnectionString="Host=127.0.0.1;Port=$RUN_PGPORT;Database=approvalcenter;Username=postgres;Password=$pass"
  export ApprovalCenter__DataDirectory="$DATA_DIR"
  log "serving on http://127.0.0.1:5080 (Ctrl-C stops)"
  cd src/ApprovalCenter.Web
  exec dotnet bin/Release/net10.0/ApprovalCenter.Web.dll --urls "${APPROVALCENTER_URLS:-http://127.0.0.1:5080}"
}

cmd_test() {
  install_prereqs yes
  local tmp port pass log_file rc=0
  tmp="$(mktemp -d /tmp/approvalcenter-test.XXXXXX)"; chmod 755 "$tmp"
  port="${APPROVALCENTER_TEST_PGPORT:-55439}"; pass="test-$RANDOM$RANDOM"
  trap 'pg_stop "'"$tmp"'/pg"; rm -rf "'"$tmp"'"' EXIT
  # Throw-away data: durability settings off for speed. Many test apps (each with its own database,
  # connection pool and Hangfire server) are alive at once, hence the connection headroom.
  APPROVALCENTER_PG_MAX_CONNECTIONS="${APPROVALCENTER_PG_MAX_CONNECTIONS:-800}" \
    pg_start "$tmp/pg" "$port" "$pass" "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
  export APPROVALCENTER_TEST_PG="Host=127.0.0.1;Port=$port;Database=postgres;Username=postgres;Password=$pass"
  export APPROVALCENTER_TEST_OUTPUT="$ROOT/tests/output"
  # Dozens of test apps (and app processes) are alive at once; file watchers on polling need no inotify
  # instances, of which the kernel allows a user only 128.
  export DOTNET_USE_POLLING_FILE_WATCHER=true
  mkdir -p "$APPROVALCENTER_TEST_OUTPUT"
  log_file="$tmp/test.log"
  log "restoring and building"
  if ! dotnet build ApprovalCenter.sln -c Debug -nologo -v q 2>&1 | tee "$tmp/build.log" | grep -E "error|Warn|warn" | grep -v -E "^\s*0 (Warn|Error)" | head -50; then :; fi
  if ! grep -q "Build succeeded" "$tmp/build.log"; then
    tail -30 "$tmp/build.log"; echo "0 passed, 1 failed"; exit 1
  fi
  log "running tests"
  set +e
  dotnet test ApprovalCenter.sln -c Debug --no-build -nologo "$@" 2>&1 | tee "$log_file"
  rc=${PIPESTATUS[0]}
  set -e
  # Sum the per-project VSTest summaries into the one closing line CI reads.
  local passed failed skipped
  passed=$(grep -oE "Passed: +[0-9]+" "$log_file" | awk '{s+=$2} END {print s+0}')
  failed=$(grep -oE "Failed: +[0-9]+" "$log_file" | awk '{s+=$2} END {print s+0}')
  skipped=$(grep -oE "Skipped: +[0-9]+" "$log_file" | awk '{s+=$2} END {print s+0}')
  if [ "$rc" != 0 ] && [ "$failed" = 0 ]; then failed=1; fi   # a crashed test host still fails the run
  echo "$passed passed, $failed failed, $skipped skipped"
  return "$rc"
}

cmd_bench() {
  install_prereqs no
  local tmp port pass; tmp="$(mktemp -d /tmp/approvalcenter-bench.XXXXXX)"; chmod 755 "$tmp"
  port="${APPROVALCENTER_BENCH_PGPORT:-55438}"; pass="bench-$RANDOM"
  trap 'pg_stop "'"$tmp"'/pg"; rm -rf "'"$tmp"'"' EXIT
  pg_start "$tmp/pg" "$port" "$pass" "-c fsync=off -c synchronous_commit=off"
  export APPROVALCENTER_BENCH_PG="Host=127.0.0.1;Port=$port;Database=postgres;Username=postgres;Password=$pass"
  # Release throughout: the bench's project reference builds src/ApprovalCenter.Web/bin/Release, which is
  # the build AppProcess (compiled in Release here) starts as separate nodes for the timers benchmark.
  dotnet run --project bench/ApprovalCenter.Bench -c Release -- "$@"
}

# --- backup and restore ------------------------------------------------------------------------
# A backup is one dated archive: the database (pg_dump, custom format), the data folder (uploads, mail,
# the development seal, anything else under it; not the PostgreSQL cluster) and a manifest. The target
# database and folder come from the same settings as `run`, or from APPROVALCENTER_PGPORT,
# APPROVALCENTER_PGPASSWORD, APPROVALCENTER_DB and APPROVALCENTER_DATA_DIR.
db_env() {
  export PGHOST=127.0.0.1 PGPORT="$RUN_PGPORT" PGUSER=postgres
  PGPASSWORD="${APPROVALCENTER_PGPASSWORD:-$(run_pg_password)}"; export PGPASSWORD
  DB="${APPROVALCENTER_DB:-approvalcenter}"
}

cmd_backup() {
  db_env
  local bin dir stamp tmp out; bin="$(pg_bin)"
  dir="${APPROVALCENTER_BACKUP_DIR:-$DATA_DIR/backups}"; mkdir -p "$dir"
  stamp="$(date -u +%Y%m%dT%H%M%SZ)"; tmp="$(mktemp -d)"
  log "dumping database $DB"
  "$bin/pg_dump" -Fc --no-owner -d "$DB" -f "$tmp/database.dump"
  log "archiving $DATA_DIR"
  mkdir -p "$DATA_DIR"
  tar -C "$DATA_DIR" --exclude=./pg --exclude=./backups --exclude=./pg-password -cf "$tmp/data.tar" .
  printf 'approvalcenter-backup 1\ndatabase %s\ncreated %s\ncommit %s\n' "$DB" "$stamp" "$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)" > "$tmp/MANIFEST"
  out="$dir/approvalcenter-$stamp.tar.gz"
  tar -C "$tmp" -czf "$out" MANIFEST database.dump data.tar
  rm -rf "$tmp"
  log "backup written"; echo "$out"
}

# restore FILE [--replace]: into a database that does not exist yet, or (with --replace, the app stopped)
# instead of the current one; the data folder's files are put back over the folder.
cmd_restore() {
  local file="${1:-}" replace="${2:-}"
  [ -f "$file" ] || { log "usage: ./build.sh restore FILE [--replace] (no such file: ${file:-none})"; exit 2; }
  db_env
  local bin tmp; bin="$(pg_bin)"; tmp="$(mktemp -d)"
  tar -C "$tmp" -xzf "$file"
  grep -q '^approvalcenter-backup 1' "$tmp/MANIFEST" 2>/dev/null || { log "$file is not an ApprovalCenter backup"; rm -rf "$tmp"; exit 1; }
  if "$bin/psql" -d postgres -tAc "select 1 from pg_database where datname = '$DB'" | grep -q 1; then
    [ "$replace" = "--replace" ] || { log "database $DB exists: stop the app and add --replace to overwrite it"; rm -rf "$tmp"; exit 1; }
    "$bin/dropdb" --force "$DB"
  fi
  log "restoring database $DB"
  "$bin/createdb" "$DB"
  "$bin/pg_restore" --no-owner -d "$DB" "$tmp/database.dump"
  mkdir -p "$DATA_DIR"
  tar -C "$DATA_DIR" -xf "$tmp/data.tar"
  rm -rf "$tmp"
  log "restored $file into database $DB and $DATA_DIR"
}

case "${1:-run}" in
  run) shift || true; cmd_run "$@" ;;
  test) shift; cmd_test "$@" ;;
  bench) shift; cmd_bench "$@" ;;
  build) install_prereqs no; dotnet build ApprovalCenter.sln -nologo ;;
  pg-start) install_prereqs no; pg_start "$DATA_DIR/pg" "$RUN_PGPORT" "$(run_pg_password)" ;;
  pg-stop) pg_stop "$DATA_DIR/pg" ;;
  backup) cmd_backup ;;
  restore) shift; cmd_restore "$@" ;;
  *) echo "usage: ./build.sh run|test|bench|build|pg-start|pg-stop|backup|restore FILE [--replace]" >&2; exit 2 ;;
esac
