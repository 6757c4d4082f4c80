#!/usr/bin/env bash
# The load harness: publishes the site, then for each size (18 seed posts, 100,000 generated realistic posts) sets a
# site up, drives nginx (serving the same pages saved as files), the cached site and the uncached site with wrk in one
# run, and prints the tables README.md quotes. Installs wrk and nginx from Debian's packages if they are missing.
# With --database postgresql (or sqlite,postgresql) it also starts PostgreSQL on 127.0.0.1 (tests/services/postgres.sh).
# Usage: bash tests/load/run.sh [--posts 18,100000] [--database sqlite,postgresql] [--seconds 5] [--connections 32] [--pairs 3] [--reimport]
set -euo pipefail
cd "$(dirname "$0")/../.."

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
if ! command -v wrk >/dev/null || ! command -v nginx >/dev/null; then
  echo "Installing wrk and nginx (Debian packages)..."
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk nginx-light >/dev/null
fi

if [[ " $* " == *postgresql* ]]; then
  bash tests/services/postgres.sh
fi

out=$(mktemp -d /tmp/blogsite-load-site.XXXXXX)
trap 'rm -rf "$out"' EXIT
dotnet publish src/BlogSite.Web -c Release -r linux-x64 -o "$out" --nologo -v quiet
dotnet build tests/BlogSite.Benchmarks -c Release --nologo -v quiet
dotnet tests/BlogSite.Benchmarks/bin/Release/net10.0/BlogSite.Benchmarks.dll load --site "$out/BlogSite.Web.dll" "$@"
