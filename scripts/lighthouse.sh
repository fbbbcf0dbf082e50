#!/usr/bin/env bash
# Measures each role's landing page and a lead's page with Lighthouse, signed in, against a Release build.
#
#   ./scripts/lighthouse.sh                  # every page, desktop and mobile; a table on standard output
#   LIGHTHOUSE_OUT=/tmp/lh ./scripts/lighthouse.sh   # also keeps each report's JSON there
#
# Publishes src/Smarketing.Web in Release to a temporary folder, starts it on a free loopback port in Production
# with the demo data (Demo__Seed=true) on a fresh SQLite file, over HTTPS with a throwaway self-signed certificate
# (Production serves HTTPS only, docs/security.md) and with the rate limits off, and runs
# scripts/lighthouse-signed-in.mjs: Debian's
# Chromium signs in through the real form, then Lighthouse 13.5.0 (installed into a temporary folder with npm)
# measures the page in that browser. Needs node/npm, curl, jq and /usr/bin/chromium. Nothing is left running.
set -euo pipefail
cd "$(dirname "$0")/.."

work=$(mktemp -d)
out=${LIGHTHOUSE_OUT:-$work/reports}
mkdir -p "$out"
port=${LIGHTHOUSE_PORT:-5391}
base="https://127.0.0.1:$port"
app_pid=""
cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true
  rm -rf "$work/app" "$work/npm"
}
trap cleanup EXIT

command -v jq >/dev/null || { echo "lighthouse.sh: jq is missing (apt-get install jq)" >&2; exit 1; }
[ -x /usr/bin/chromium ] || { echo "lighthouse.sh: /usr/bin/chromium is missing (apt-get install chromium)" >&2; exit 1; }

echo "lighthouse.sh: publishing Release..." >&2
dotnet publish src/Smarketing.Web -c Release -o "$work/app" --nologo -v quiet >/dev/null
(cd "$work" && mkdir -p npm && cd npm && npm install --silent --no-audit --no-fund lighthouse@13.5.0 puppeteer-core >/dev/null 2>&1)
cp scripts/lighthouse-signed-in.mjs "$work/npm/signed-in.mjs"

openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj "/CN=127.0.0.1" -addext "subjectAltName=IP:127.0.0.1" \
  -keyout "$work/key.pem" -out "$work/cert.pem" 2>/dev/null
(cd "$work/app" && ASPNETCORE_ENVIRONMENT=Production Demo__Seed=true \
  ConnectionStrings__Smarketing="Data Source=$work/lighthouse.db" \
  Kestrel__Certificates__Default__Path="$work/cert.pem" Kestrel__Certificates__Default__KeyPath="$work/key.pem" \
  RateLimiting__ApiRequestsPerMinute=0 RateLimiting__SignInAttemptsPerMinute=0 \
  exec dotnet Smarketing.Web.dll --urls "$base" >"$work/app.log" 2>&1) &
app_pid=$!
for _ in $(seq 1 120); do curl -fks "$base/health" >/dev/null 2>&1 && break; sleep 1; done
curl -fks "$base/health" >/dev/null || { echo "lighthouse.sh: the app did not start; its log:" >&2; cat "$work/app.log" >&2; exit 1; }

lead_id=$(curl -fks -H "X-Api-Key: demo-rep1" "$base/api/v1/leads?stage=Claimed&pageSize=1" | jq -r '.items[0].id')

pages=(marketing@demo.test / sales.manager@demo.test / rep1@demo.test / leadership@demo.test /scorecard admin@demo.test / rep1@demo.test "/leads/$lead_id")
printf '%-24s %-46s %-8s %5s %5s %5s %8s\n' "who" "page" "form" "perf" "a11y" "best" "KB"
node "$work/npm/signed-in.mjs" "$base" "$out" "${pages[@]}" |
  awk -F'\t' '{ printf "%-24s %-46s %-8s %5s %5s %5s %8s\n", $1, $2, $3, $4, $5, $6, $7 }'
