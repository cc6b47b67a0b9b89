#!/usr/bin/env bash
# Installs what the tests need from Debian, once. kubectl is preinstalled on these machines.
set -euo pipefail
need=()
command -v kubectl >/dev/null || { echo "kubectl v1.32 is required on the PATH" >&2; exit 1; }
command -v tmux >/dev/null || need+=(tmux)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  else
    echo "missing system packages: ${need[*]} (run as root or install them)" >&2; exit 1
  fi
fi
