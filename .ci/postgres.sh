# Sourced by .ci/run (and usable by hand: `source .ci/postgres.sh; start_postgres; ...; stop_postgres`).
# A throwaway PostgreSQL cluster for the tests: initialised in a fresh temporary directory, listening on
# 127.0.0.1 only (a free port; trust authentication, nothing else can reach it), exported to the tests as
# COACHBOT_TEST_POSTGRES. The server refuses to run as root, so it runs as the `postgres` OS user.

pg_data_root=""
pg_bin=""

find_pg_bin() {
  local initdb
  # PostgreSQL 15 is what the project tests on: take it where installed, else the initdb on PATH, else the newest.
  if [ -x /usr/lib/postgresql/15/bin/initdb ]; then
    echo /usr/lib/postgresql/15/bin
    return 0
  fi
  initdb=$(command -v initdb 2>/dev/null || true)
  if [ -z "$initdb" ]; then
    initdb=$(ls -1 /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n 1)
  fi
  [ -n "$initdb" ] && dirname "$(readlink -f "$initdb")"
}

free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$((20000 + RANDOM % 20000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  return 1
}

start_postgres() {
  pg_bin=$(find_pg_bin)
  if [ -z "$pg_bin" ]; then
    echo "postgres: initdb not found; installing Debian's postgresql"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null || return 1
    pg_bin=$(find_pg_bin)
    [ -n "$pg_bin" ] || { echo "postgres: still no initdb after installing postgresql"; return 1; }
  fi
  pg_data_root=$(mktemp -d /tmp/coachbot-ci-pg.XXXXXX)
  chmod 700 "$pg_data_root"
  if [ "$(id -u)" -eq 0 ]; then
    id -u postgres >/dev/null 2>&1 || { echo "postgres: no 'postgres' OS user to run the server as"; return 1; }
    chown postgres: "$pg_data_root"
  fi
  local port
  port=$(free_port) || { echo "postgres: no free port found"; return 1; }
  as_postgres "$pg_bin/initdb" -D "$pg_data_root/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >"$pg_data_root/initdb.log" 2>&1 \
    || { cat "$pg_data_root/initdb.log"; return 1; }
  # A throwaway cluster: durability settings off for speed; enough connections for parallel test classes.
  as_postgres "$pg_bin/pg_ctl" -D "$pg_data_root/data" -l "$pg_data_root/server.log" -w -t 60 start \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $pg_data_root -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" >/dev/null \
    || { cat "$pg_data_root/server.log"; return 1; }
  for _ in $(seq 1 60); do
    "$pg_bin/pg_isready" -q -h 127.0.0.1 -p "$port" && break
    sleep 0.5
  done
  "$pg_bin/pg_isready" -h 127.0.0.1 -p "$port" || { cat "$pg_data_root/server.log"; return 1; }
  export COACHBOT_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres"
  echo "postgres: $("$pg_bin/postgres" --version) on 127.0.0.1:$port"
}

stop_postgres() {
  if [ -n "$pg_data_root" ] && [ -d "$pg_data_root" ]; then
    if [ -f "$pg_data_root/data/postmaster.pid" ]; then
      as_postgres "$pg_bin/pg_ctl" -D "$pg_data_root/data" -m fast -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$pg_data_root"
  fi
  pg_data_root=""
}

as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}
