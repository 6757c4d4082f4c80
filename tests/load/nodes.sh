#!/usr/bin/env bash
# One node beside two, behind nginx, on PostgreSQL and Redis: publishes the site, sets it up on a fresh PostgreSQL
# database, starts two nodes as deploy/ describes (same settings, shared media folder), and drives nginx balancing
# both and nginx in front of node 1 alone with wrk, printing req/s, p99 and errors for each.
# Usage: bash tests/load/nodes.sh [seconds] [connections] [path]
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-10}
connections=${2:-32}
path=${3:-/}

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
if ! command -v wrk >/dev/null || ! command -v nginx >/dev/null; then
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk nginx-light >/dev/null
fi
bash tests/services/postgres.sh >/dev/null
bash tests/services/redis.sh >/dev/null

work=$(mktemp -d /tmp/blogsite-nodes.XXXXXX)
database="blogsite_nodes_$$"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  [ -f "$work/nginx/nginx.pid" ] && nginx -c "$work/nginx/nginx.conf" -s stop 2>/dev/null || true
  PGPASSWORD=blogsite psql -q -h 127.0.0.1 -U blogsite -d postgres -c "DROP DATABASE IF EXISTS $database WITH (FORCE)" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

dotnet publish src/BlogSite.Web -c Release -r linux-x64 -o "$work/app" --nologo -v quiet
PGPASSWORD=blogsite psql -q -h 127.0.0.1 -U blogsite -d postgres -c "CREATE DATABASE $database" >/dev/null

export BlogSite__Database__Provider=PostgreSql
export BlogSite__Database__ConnectionString="Host=127.0.0.1;Port=5432;Username=blogsite;Password=blogsite;Database=$database;SSL Mode=Disable"
export BlogSite__Redis__Configuration=127.0.0.1:6379
export BlogSite__Redis__ChannelPrefix="blogsite-nodes-$$"
export BlogSite__Media__Path="$work/media"
export BlogSite__Setup__AdminPassword="Nodes-load-42!"
export Logging__LogLevel__Default=Warning

start_node() {
  # exec: the pid kept is the node's own, so the cleanup stops the node and not just the shell that started it.
  (cd "$work" && ASPNETCORE_URLS="http://127.0.0.1:$1" exec dotnet "$work/app/BlogSite.Web.dll" >"$work/node-$1.log" 2>&1) &
  pids+=($!)
  for _ in $(seq 1 240); do
    curl -sf "http://127.0.0.1:$1/health/ready" >/dev/null && return 0
    sleep 0.25
  done
  echo "node on $1 did not become ready"; cat "$work/node-$1.log"; exit 1
}

start_node 5201
# The output cache needs the Base URL readers come in by: nginx's address.
cat >"$work/base-url.recipe.json" <<JSON
{ "name": "BaseUrl", "steps": [ { "name": "settings", "BaseUrl": "http://127.0.0.1:8290" } ] }
JSON
dotnet "$work/app/BlogSite.Web.dll" recipe run "$work/base-url.recipe.json" >/dev/null
start_node 5202

mkdir -p "$work/nginx"
sed -e "s|127.0.0.1:5001|127.0.0.1:5201|; s|127.0.0.1:5002|127.0.0.1:5202|; s|listen 80;|listen 127.0.0.1:8290;|; /listen \[::\]:80;/d; s|server_name blog.example.org;|server_name _;|; s|proxy_set_header Host \$host;|proxy_set_header Host 127.0.0.1:8290;|" \
  deploy/nginx-blogsite.conf >"$work/nginx/two.conf"
cat >"$work/nginx/nginx.conf" <<CONF
worker_processes auto;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $work/nginx/body; proxy_temp_path $work/nginx/proxy;
  fastcgi_temp_path $work/nginx/fastcgi; uwsgi_temp_path $work/nginx/uwsgi; scgi_temp_path $work/nginx/scgi;
  include $work/nginx/two.conf;
  upstream one { server 127.0.0.1:5201; keepalive 32; }
  server {
    listen 127.0.0.1:8291;
    location / { proxy_pass http://one; proxy_http_version 1.1; proxy_set_header Connection ""; proxy_set_header Host 127.0.0.1:8290; }
  }
}
CONF
nginx -c "$work/nginx/nginx.conf"

measure() {
  curl -sf "$2$path" >/dev/null
  local result
  result=$(wrk -t2 -c"$connections" -d"${seconds}s" --latency "$2$path")
  local rps p99 errors
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$result")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$result")
  errors=$(awk '/Non-2xx|Socket errors/ {print}' <<<"$result" | tr '\n' ' ')
  printf '| %s | %s | %s | %s |\n' "$1" "$rps" "$p99" "${errors:-none}"
}

echo
echo "#### nginx to BlogSite nodes on PostgreSQL and Redis — wrk -t2 -c$connections -d${seconds}s $path, $(nproc) cores, $(date +%F)"
echo
echo "| behind nginx | req/s | p99 | errors |"
echo "| --- | --- | --- | --- |"
measure "one node" "http://127.0.0.1:8291"
measure "two nodes" "http://127.0.0.1:8290"
