#!/usr/bin/env bash
# Packages the Teams app: substitutes the ${{NAME}} placeholders of manifest.json and zips it with the two icons
# into deploy/teams/build/coachbot-teams.zip, ready for Teams admin center or "Upload a custom app".
#
#   BOT_ID=<app id> BOT_DOMAIN=<host> deploy/teams/package.sh
#   deploy/teams/package.sh --bot-id <app id> --bot-domain <host> [--version 1.0.1] [--output <file>]
#
# Values (an option wins over the environment variable of the same name):
#   BOT_ID          required  the Azure Bot's Microsoft App ID (with UserAssignedMSI: the identity's client id)
#   BOT_DOMAIN      required  the bot's host name, no scheme (e.g. coachbot-web.azurewebsites.net)
#   TEAMS_APP_ID    optional  the Teams app's own id; default BOT_ID. Keep it stable across versions
#   APP_VERSION     optional  semver; default 1.0.0. Raise it for every upload of a changed package
#   DEVELOPER_NAME  optional  default CoachBot
#   DEVELOPER_URL   optional  https address; default https://BOT_DOMAIN
#   PRIVACY_URL     optional  default DEVELOPER_URL
#   TERMS_URL       optional  default DEVELOPER_URL
# Needs bash and zip, or python3 where zip is missing.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
output="$here/build/coachbot-teams.zip"

usage() { sed -n '2,20p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }
fail() { echo "package.sh: $*" >&2; exit 1; }

while [ $# -gt 0 ]; do
  case "$1" in
    --bot-id) BOT_ID="${2:?--bot-id needs a value}"; shift 2 ;;
    --bot-domain) BOT_DOMAIN="${2:?--bot-domain needs a value}"; shift 2 ;;
    --teams-app-id) TEAMS_APP_ID="${2:?--teams-app-id needs a value}"; shift 2 ;;
    --version) APP_VERSION="${2:?--version needs a value}"; shift 2 ;;
    --developer-name) DEVELOPER_NAME="${2:?--developer-name needs a value}"; shift 2 ;;
    --developer-url) DEVELOPER_URL="${2:?--developer-url needs a value}"; shift 2 ;;
    --privacy-url) PRIVACY_URL="${2:?--privacy-url needs a value}"; shift 2 ;;
    --terms-url) TERMS_URL="${2:?--terms-url needs a value}"; shift 2 ;;
    --output) output="${2:?--output needs a value}"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) fail "unknown argument '$1' (see --help)" ;;
  esac
done

[ -n "${BOT_ID:-}" ] || fail "BOT_ID is required (the Azure Bot's Microsoft App ID)"
[ -n "${BOT_DOMAIN:-}" ] || fail "BOT_DOMAIN is required (the bot's host name, e.g. coachbot-web.azurewebsites.net)"
TEAMS_APP_ID="${TEAMS_APP_ID:-$BOT_ID}"
APP_VERSION="${APP_VERSION:-1.0.0}"
DEVELOPER_NAME="${DEVELOPER_NAME:-CoachBot}"
DEVELOPER_URL="${DEVELOPER_URL:-https://$BOT_DOMAIN}"
PRIVACY_URL="${PRIVACY_URL:-$DEVELOPER_URL}"
TERMS_URL="${TERMS_URL:-$DEVELOPER_URL}"

guid='^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$'
[[ "$BOT_ID" =~ $guid ]] || fail "BOT_ID '$BOT_ID' is not a GUID"
[[ "$TEAMS_APP_ID" =~ $guid ]] || fail "TEAMS_APP_ID '$TEAMS_APP_ID' is not a GUID"
[[ "$BOT_DOMAIN" =~ ^[A-Za-z0-9.-]+(:[0-9]+)?$ ]] || fail "BOT_DOMAIN '$BOT_DOMAIN' must be a host name without scheme or path"
[[ "$APP_VERSION" =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || fail "APP_VERSION '$APP_VERSION' must be MAJOR.MINOR.PATCH"
for url in "$DEVELOPER_URL" "$PRIVACY_URL" "$TERMS_URL"; do
  [[ "$url" =~ ^https:// ]] || fail "'$url' must be an https address"
done

manifest="$(cat "$here/manifest.json")"
for name in BOT_ID BOT_DOMAIN TEAMS_APP_ID APP_VERSION DEVELOPER_NAME DEVELOPER_URL PRIVACY_URL TERMS_URL; do
  value="${!name}"
  # The values land inside JSON strings: refuse what would need escaping rather than escape it.
  [[ "$value" != *[\"\\]* ]] || fail "$name must not contain quotes or backslashes"
  manifest="${manifest//"\${{$name}}"/$value}"
done
if [[ "$manifest" == *'${{'* ]]; then
  fail "manifest.json has a placeholder this script does not know: $(grep -o '\${{[A-Z_]*}}' <<<"$manifest" | sort -u | tr '\n' ' ')"
fi

staging="$(mktemp -d)"
trap 'rm -rf "$staging"' EXIT
printf '%s\n' "$manifest" > "$staging/manifest.json"
cp "$here/color.png" "$here/outline.png" "$staging/"

mkdir -p "$(dirname "$output")"
output="$(cd "$(dirname "$output")" && pwd)/$(basename "$output")"
rm -f "$output"
if command -v zip >/dev/null 2>&1; then
  (cd "$staging" && zip -q -X "$output" manifest.json color.png outline.png)
elif command -v python3 >/dev/null 2>&1; then
  (cd "$staging" && python3 -c 'import sys, zipfile
with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:
    for name in ("manifest.json", "color.png", "outline.png"):
        z.write(name)' "$output")
else
  fail "needs zip or python3 to write the package"
fi
echo "wrote $output (Teams app $TEAMS_APP_ID, version $APP_VERSION, bot $BOT_ID at $BOT_DOMAIN)"
