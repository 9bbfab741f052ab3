#!/usr/bin/env bash
# Deploys an overlay in the order ADR-0019 requires: the release's migration Job (with its ConfigMap and
# ServiceAccount) first, wait until it completed, then everything else, then wait for the rollout.
#   deploy/kubernetes/deploy.sh deploy/kubernetes/overlays/production
# Uses the current kubectl context; the namespace comes from the overlay. The Secret must exist (secret.example.yaml).
set -euo pipefail

overlay="${1:?usage: deploy.sh <overlay folder>}"
timeout_seconds="${MIGRATION_TIMEOUT_SECONDS:-1800}"
rendered="$(mktemp)"
trap 'rm -f "$rendered"' EXIT

kubectl kustomize "$overlay" > "$rendered"

# 1. The migration Job and what its pod needs; nothing that serves traffic.
applied="$(kubectl apply -f "$rendered" -l hiringplatform/phase=pre-rollout \
  -o jsonpath='{.kind} {.metadata.name} {.metadata.namespace}{"\n"}')"
read -r _ job namespace < <(printf '%s\n' "$applied" | grep '^Job ') || true
[ -n "${job:-}" ] || { echo "no migration Job in $overlay" >&2; exit 1; }
ns=(); [ -z "${namespace:-}" ] || ns=(-n "$namespace")
echo "waiting for job/$job"

# 2. Wait for Complete or Failed (`kubectl wait --for=condition=complete` alone would sit out the timeout on a failure).
deadline=$((SECONDS + timeout_seconds))
while :; do
  state="$(kubectl "${ns[@]}" get "job/$job" -o jsonpath='{range .status.conditions[?(@.status=="True")]}{.type} {end}')"
  case "$state" in
    *Complete*) echo "migration completed"; break ;;
    *Failed*) kubectl "${ns[@]}" logs "job/$job" --tail=100 >&2 || true
              echo "migration failed: the running version keeps serving; nothing else was applied" >&2; exit 1 ;;
  esac
  if [ "$SECONDS" -ge "$deadline" ]; then echo "migration still running after ${timeout_seconds}s" >&2; exit 1; fi
  sleep 5
done

# 3. The new version: the Deployment rolls pod by pod (maxUnavailable 0), each taking traffic once /health/ready passes.
kubectl apply -f "$rendered"
kubectl "${ns[@]}" rollout status deployment/hiring --timeout=10m
