#!/usr/bin/env bash
# Runs the dotnet-ef local tool against Smarketing's DbContext.
#   scripts/ef.sh migrations add AddLeads
#   scripts/ef.sh migrations script
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
exec dotnet ef "$@" --project src/Smarketing.Infrastructure --startup-project src/Smarketing.Web \
  --output-dir Persistence/Migrations
