#!/usr/bin/env bash
# Installs Debian's Chromium (and fonts for readable screenshots) for the browser tests. Playwright drives it at
# /usr/bin/chromium; no browser is ever downloaded.
set -euo pipefail
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

if ! command -v chromium >/dev/null 2>&1 || ! fc-list 2>/dev/null | grep -qi dejavu; then
  echo "Installing Chromium and fonts (Debian packages)..."
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core fonts-liberation >/dev/null
fi
chromium --version
