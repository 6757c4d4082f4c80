#!/usr/bin/env bash
# Installs Debian's nginx if needed; the tests start their own nginx processes from folders of their own.
set -euo pipefail

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

if ! command -v nginx >/dev/null 2>&1; then
  echo "Installing nginx (Debian package)..."
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light >/dev/null
fi
nginx -v
