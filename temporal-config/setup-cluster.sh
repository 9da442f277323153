#!/usr/bin/env bash
# Prepares a real Temporal cluster for CancelWorkflows: creates the namespace if it is missing and registers
# every search attribute of search-attributes.txt that is missing. Idempotent: run it on every deploy.
#
#   temporal-config/setup-cluster.sh [--address host:7233] [--namespace payments] [--retention 720h] [-- extra temporal flags]
#
# Connection settings may also come from the Temporal CLI's own environment variables (TEMPORAL_ADDRESS,
# TEMPORAL_NAMESPACE, TEMPORAL_API_KEY, TEMPORAL_TLS_*). TEMPORAL_CLI_PATH picks the CLI binary.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
temporal="${TEMPORAL_CLI_PATH:-temporal}"
address="${TEMPORAL_ADDRESS:-127.0.0.1:7233}"
namespace="${TEMPORAL_NAMESPACE:-default}"
retention="720h"
extra=()
while [ $# -gt 0 ]; do
  case "$1" in
    --address) address="$2"; shift 2 ;;
    --namespace) namespace="$2"; shift 2 ;;
    --retention) retention="$2"; shift 2 ;;
    --) shift; extra=("$@"); break ;;
    *) echo "setup-cluster: unknown argument '$1'" >&2; exit 2 ;;
  esac
done
conn=(--address "$address" "${extra[@]}")

if "$temporal" operator namespace describe --namespace "$namespace" "${conn[@]}" >/dev/null 2>&1; then
  echo "namespace $namespace: exists"
else
  "$temporal" operator namespace create --namespace "$namespace" --retention "$retention" "${conn[@]}"
  echo "namespace $namespace: created (retention $retention)"
fi

# A namespace just created reaches the server's namespace cache a few seconds later: wait for it.
existing=""
for attempt in $(seq 1 30); do
  if existing="$("$temporal" operator search-attribute list --namespace "$namespace" "${conn[@]}" --output json 2>/dev/null)"; then
    break
  fi
  [ "$attempt" -eq 30 ] && { echo "setup-cluster: namespace $namespace not usable after 60 s" >&2; exit 1; }
  sleep 2
done
while IFS='=' read -r name type; do
  name="$(echo "$name" | tr -d '[:space:]')"; type="$(echo "${type:-}" | tr -d '[:space:]')"
  case "$name" in ''|'#'*) continue ;; esac
  if grep -q "\"$name\"" <<<"$existing"; then
    echo "search attribute $name: exists"
  else
    "$temporal" operator search-attribute create --namespace "$namespace" --name "$name" --type "$type" "${conn[@]}" >/dev/null
    echo "search attribute $name: created ($type)"
  fi
done < "$here/search-attributes.txt"
