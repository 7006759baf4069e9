#!/usr/bin/env bash
# Runs every test against SQLite and a throwaway PostgreSQL cluster.
# On a fresh Debian machine with the .NET SDK it first installs what is missing (PostgreSQL, Chromium, Node.js
# and npm for the tests' SMTP server in tests/smtp-sink).
# Ends with one line: "N passed, N failed, N skipped".
set -euo pipefail
cd "$(dirname "$0")"
root=$(pwd)

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

install_missing() {
  local packages=()
  [ -n "$(pg_bin)" ] && [ -x "$(pg_bin)/initdb" ] || packages+=(postgresql)
  command -v chromium >/dev/null 2>&1 || packages+=(chromium)
  command -v node >/dev/null 2>&1 || packages+=(nodejs)
  command -v npm >/dev/null 2>&1 || packages+=(npm)
  if [ ${#packages[@]} -gt 0 ]; then
    echo "Installing ${packages[*]} from apt…"
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
  fi
  # The email tests' SMTP server (smtp-server from npm, pinned by the committed package-lock.json).
  if [ ! -d "$root/tests/smtp-sink/node_modules/smtp-server" ]; then
    (cd "$root/tests/smtp-sink" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
  fi
}

free_port() {
  local port
  for port in $(seq 55432 55532); do
    if ! (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null; then echo "$port"; return; fi
  done
  echo "no free port" >&2; exit 1
}

PGDATA=""
PGBIN=""
cleanup() {
  if [ -n "$PGDATA" ] && [ -d "$PGDATA" ]; then
    run_pg "$PGBIN/pg_ctl" -D "$PGDATA" -m immediate -w stop >/dev/null 2>&1 || true
    rm -rf "$PGDATA"
  fi
  rm -rf "${TMPDIR:-/tmp}/rapport-tests"
}
trap cleanup EXIT

# initdb refuses to run as root, so the cluster runs as the postgres user when we are root.
run_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

start_postgres() {
  PGBIN=$(pg_bin)
  PGDATA=$(mktemp -d /tmp/rapport-pg.XXXXXX)
  [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$PGDATA"
  local port
  port=$(free_port)
  run_pg "$PGBIN/initdb" -D "$PGDATA" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  run_pg "$PGBIN/pg_ctl" -D "$PGDATA" -l "$PGDATA/server.log" \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $PGDATA -c fsync=off -c max_connections=300" -w -t 60 start >/dev/null
  export RAPPORT_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres;Pooling=true;Maximum Pool Size=20"
  echo "PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$port"
}

install_missing
start_postgres

results="$root/tests/TestResults"
# Browser tests save screenshots of the main pages here, as artifacts of the run.
export RAPPORT_TEST_ARTIFACTS="$results/artifacts"
rm -rf "$results"
set +e
dotnet test "$root/Rapport.slnx" --nologo -v q --logger "trx" --results-directory "$results" 2>&1 | grep -v -E '^\s*$'
status=${PIPESTATUS[0]}
set -e

# The benchmark harness, small: proves every workload runs without errors (no timing assertions).
mkdir -p "$results"
echo "Benchmark harness (--quick)…"
if dotnet run -c Release --project "$root/bench/Rapport.Bench" -- --quick > "$results/bench-quick.log" 2>&1; then
  bench_passed=1; bench_failed=0
else
  bench_passed=0; bench_failed=1; echo "The quick benchmark failed:"; tail -n 40 "$results/bench-quick.log"
fi

passed=$bench_passed; failed=$bench_failed; skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  get() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*' || echo 0; }
  passed=$((passed + $(get passed)))
  failed=$((failed + $(get failed) + $(get error) + $(get timeout) + $(get aborted)))
  skipped=$((skipped + $(get notExecuted)))
done
# CI keeps only this output, so each failure's message and the top of its stack are printed here.
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  awk '
    /<UnitTestResult / && /outcome="Failed"/ { shown++; match($0, /testName="[^"]*"/); if (shown <= 20) print "FAILED " substr($0, RSTART + 10, RLENGTH - 11); inside = 1; lines = 0; next }
    inside && /<\/UnitTestResult>/ { inside = 0 }
    inside && shown <= 20 && lines < 15 { gsub(/<\/?(Output|ErrorInfo|Message|StackTrace|StdOut)>/, ""); gsub(/&lt;/, "<"); gsub(/&gt;/, ">"); gsub(/&quot;/, "\""); gsub(/&amp;/, "\\&"); if ($0 ~ /[^ ]/) { print "  " $0; lines++ } }
    END { if (shown > 20) print "… and " shown - 20 " more failures in " FILENAME }
  ' "$trx"
done
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; echo "The test run itself failed (build error or crash)."; fi
echo "$passed passed, $failed failed, $skipped skipped"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
