#!/usr/bin/env bash
# Starts a Temporal dev server with the Web UI, a persistent database and the project's search attributes,
# as dev mode does inside the service. Useful when running the worker against a server you start yourself.
#
#   temporal-config/start-dev-server.sh [data-dir]     (default .cancelworkflows)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
temporal="${TEMPORAL_CLI_PATH:-temporal}"
data="${1:-.cancelworkflows}"
mkdir -p "$data"
args=()
while IFS='=' read -r name type; do
  name="$(echo "$name" | tr -d '[:space:]')"; type="$(echo "${type:-}" | tr -d '[:space:]')"
  case "$name" in ''|'#'*) continue ;; esac
  args+=(--search-attribute "$name=$type")
done < "$here/search-attributes.txt"
exec "$temporal" server start-dev \
  --ip 127.0.0.1 --port "${TEMPORAL_PORT:-7233}" --ui-port "${TEMPORAL_UI_PORT:-8233}" \
  --db-filename "$data/temporal.db" \
  --dynamic-config-value system.forceSearchAttributesCacheRefreshOnRead=true \
  "${args[@]}"
