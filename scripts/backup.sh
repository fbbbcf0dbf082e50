#!/usr/bin/env bash
# Online backup of Smarketing's SQLite database, taken while the app keeps serving (docs/operations.md).
#
#   ./scripts/backup.sh                        # to backups/smarketing-<UTC time>.db in the current folder
#   ./scripts/backup.sh /srv/backups/today.db  # to a file of your choice (never overwritten)
#   ./scripts/backup.sh FILE "--ConnectionStrings:Smarketing=Data Source=/var/lib/smarketing/smarketing.db"
#
# It reads the same settings as the app, so it copies the database the app uses: run it with the app's environment
# variables (ConnectionStrings__Smarketing). SMARKETING_DLL=/opt/smarketing/Smarketing.Web.dll runs a published app
# instead of the source tree. Exits non-zero, with the reason, when no good backup was written.
set -euo pipefail

target=${1:-backups/smarketing-$(date -u +%Y%m%d-%H%M%S).db}
[ $# -gt 0 ] && shift
mkdir -p "$(dirname "$target")"
target=$(cd "$(dirname "$target")" && pwd)/$(basename "$target")

if [ -n "${SMARKETING_DLL:-}" ]; then
  exec dotnet "$SMARKETING_DLL" backup "$target" "$@"
fi
exec dotnet run --project "$(dirname "$0")/../src/Smarketing.Web" -- backup "$target" "$@"
