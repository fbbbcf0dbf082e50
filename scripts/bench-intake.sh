#!/usr/bin/env bash
# Lead intake throughput (docs/performance.md, "Lead intake"): builds Release, starts the app on a fresh SQLite file
# with demo data and rate limits off, then drives it with tests/Smarketing.Benchmarks' "intake" load driver:
# GET /health as the in-run reference, single POST /api/v1/leads, POST /api/v1/leads/batch, /health again.
#
#   ./scripts/bench-intake.sh                 # 10 s per phase, 16 connections, batches of 1,000 on 4 connections
#   ./scripts/bench-intake.sh 20 16 2 1000    # seconds per phase, connections, batch connections, batch size
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_USE_MSBUILD_SERVER=0

seconds=${1:-10}
connections=${2:-16}
batch_connections=${3:-4}
batch_size=${4:-1000}
port=${BENCH_PORT:-5199}
work=$(mktemp -d)
trap 'kill "$app" 2>/dev/null || true; wait "$app" 2>/dev/null || true; rm -rf "$work"' EXIT

dotnet build -c Release src/Smarketing.Web -v q -nologo >/dev/null
dotnet build -c Release tests/Smarketing.Benchmarks -v q -nologo >/dev/null

(cd src/Smarketing.Web/bin/Release/net10.0 && exec env ASPNETCORE_ENVIRONMENT=Development \
  ConnectionStrings__Smarketing="Data Source=$work/bench.db" RateLimiting__ApiRequestsPerMinute=0 \
  dotnet Smarketing.Web.dll --urls "http://127.0.0.1:$port") >"$work/app.log" 2>&1 &
app=$!

for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break
  kill -0 "$app" 2>/dev/null || { cat "$work/app.log"; exit 1; }
  sleep 1
done

dotnet tests/Smarketing.Benchmarks/bin/Release/net10.0/Smarketing.Benchmarks.dll intake "http://127.0.0.1:$port" "$seconds" "$connections" "$batch_connections" "$batch_size"
