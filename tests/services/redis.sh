#!/usr/bin/env bash
# Installs Redis from Debian's packages if needed and starts it on 127.0.0.1:6379 (no persistence: the tests' state
# is thrown away). Safe to run again while it is running.
set -euo pipefail

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

if ! command -v redis-server >/dev/null 2>&1; then
  echo "Installing Redis (Debian package)..."
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null
fi

if ! redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null | grep -qx PONG; then
  redis-server --bind 127.0.0.1 --port 6379 --save "" --appendonly no --daemonize yes \
    --logfile /tmp/blogsite-test-redis.log --dir /tmp >/dev/null
fi

for _ in $(seq 1 40); do
  redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null | grep -qx PONG && exit 0
  sleep 0.25
done
echo "Redis did not answer on 127.0.0.1:6379; see /tmp/blogsite-test-redis.log"
exit 1
