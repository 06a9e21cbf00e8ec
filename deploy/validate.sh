#!/usr/bin/env bash
# Checks the deployment files with whichever of their own tools this machine has, and says what it skipped.
# Safe anywhere (CI included): a missing tool is reported, not an error; a tool that finds a problem fails the script.
# The repository's test suite (tests/CoachBot.Tests/Deploy) checks the same files without these tools.
#
#   deploy/validate.sh
set -uo pipefail
cd "$(dirname "$0")"

failed=0
ran() { echo "ok      $1"; }
skip() { echo "skipped $1 ($2)"; }
bad() { echo "FAILED  $1"; failed=1; }

# Caddy: the reverse proxy's configuration, with the default site address and with a host name.
if command -v caddy >/dev/null 2>&1; then
  if caddy validate --adapter caddyfile --config Caddyfile >/dev/null 2>&1 \
    && COACHBOT_SITE_ADDRESS=coachbot.example.com caddy validate --adapter caddyfile --config Caddyfile >/dev/null 2>&1; then
    ran "Caddyfile (caddy validate)"
  else
    bad "Caddyfile (caddy validate --adapter caddyfile --config deploy/Caddyfile)"
  fi
else
  skip "Caddyfile" "caddy not installed"
fi

# Docker Compose v2: the compose file, resolved with a throwaway .env when there is none.
if docker compose version >/dev/null 2>&1; then
  made_env=0
  if [ ! -f .env ]; then
    sed 's/^POSTGRES_PASSWORD=$/POSTGRES_PASSWORD=validate-only/' .env.example > .env
    made_env=1
  fi
  if docker compose -f docker-compose.yml config --quiet; then ran "docker-compose.yml (docker compose config)"; else bad "docker-compose.yml (docker compose config)"; fi
  [ "$made_env" -eq 1 ] && rm -f .env
else
  skip "docker-compose.yml" "docker compose v2 not installed"
fi

# hadolint: the Dockerfile's best practices.
if command -v hadolint >/dev/null 2>&1; then
  if hadolint Dockerfile; then ran "Dockerfile (hadolint)"; else bad "Dockerfile (hadolint)"; fi
else
  skip "Dockerfile lint" "hadolint not installed"
fi

# Bicep: build and lint (the tests do the same with the compiler from NuGet on Linux x64).
bicep_cmd=""
if command -v bicep >/dev/null 2>&1; then bicep_cmd="bicep"; file_option=""
elif command -v az >/dev/null 2>&1 && az bicep version >/dev/null 2>&1; then bicep_cmd="az bicep"; file_option="--file"; fi
if [ -n "$bicep_cmd" ]; then
  if $bicep_cmd build $file_option azure/main.bicep --stdout >/dev/null && $bicep_cmd lint $file_option azure/main.bicep; then
    ran "azure/main.bicep ($bicep_cmd build, lint)"
  else
    bad "azure/main.bicep ($bicep_cmd build, lint)"
  fi
else
  skip "azure/main.bicep" "neither bicep nor az bicep installed"
fi

# The Teams package, with sample values.
sample="$(mktemp -d)"
if bash teams/package.sh --bot-id 00000000-0000-0000-0000-000000000001 --bot-domain coachbot.example.com --output "$sample/app.zip" >/dev/null; then
  ran "teams/package.sh (sample package)"
else
  bad "teams/package.sh"
fi
rm -rf "$sample"

exit "$failed"
