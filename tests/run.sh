#!/usr/bin/env bash
# Runs every test of BlogSite. Starts what the tests need first (PostgreSQL and Redis from Debian's packages on 127.0.0.1, a
# local SMTP server (Debian's aiosmtpd) whose Maildir the e-mail tests read, Debian's Chromium for the browser
# tests), then runs `dotnet test` on the solution and ends with one line counted from the test results:
#   N passed, N failed, N skipped
set -uo pipefail
cd "$(dirname "$0")/.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

if ! bash tests/services/postgres.sh; then
  echo "PostgreSQL could not be started; the PostgreSQL tests cannot run."
  echo "0 passed, 1 failed"
  exit 1
fi
if ! bash tests/services/redis.sh; then
  echo "Redis could not be started; the tests of several nodes cannot run."
  echo "0 passed, 1 failed"
  exit 1
fi
if ! bash tests/services/nginx.sh; then
  echo "nginx could not be installed; the load-balancer tests cannot run."
  echo "0 passed, 1 failed"
  exit 1
fi
if ! bash tests/services/smtp.sh; then
  echo "The local SMTP server could not be started; the e-mail tests cannot run."
  echo "0 passed, 1 failed"
  exit 1
fi
if ! bash tests/services/chromium.sh; then
  echo "Chromium could not be installed; the browser tests cannot run."
  echo "0 passed, 1 failed"
  exit 1
fi

# Screenshots from the browser tests land here.
export BLOGSITE_ARTIFACTS="${BLOGSITE_ARTIFACTS:-$PWD/artifacts}"
export BLOGSITE_TEST_POSTGRES="${BLOGSITE_TEST_POSTGRES:-Host=127.0.0.1;Port=5432;Username=blogsite;Password=blogsite;Database=postgres}"
export BLOGSITE_TEST_REDIS="${BLOGSITE_TEST_REDIS:-127.0.0.1:6379}"

log=$(mktemp)
trap 'rm -f "$log"' EXIT
# One build, then the test assemblies one after another: on a small machine, browser tests sharing the cores with
# the database tests time out, while each assembly still runs its own test classes in parallel.
status=0
if dotnet build BlogSite.sln 2>&1 | tee "$log"; then
  for project in tests/BlogSite.UnitTests tests/BlogSite.IntegrationTests tests/BlogSite.BrowserTests; do
    dotnet test "$project" --no-build "$@" 2>&1 | tee -a "$log"
    project_status=${PIPESTATUS[0]}
    [ "$project_status" -ne 0 ] && status=$project_status
  done
else
  status=1
fi

# Each test assembly ends with "Passed!  - Failed: N, Passed: N, Skipped: N, Total: N" (or "Failed!  - ...").
passed=0 failed=0 skipped=0
while read -r f p s; do
  failed=$((failed + f)) passed=$((passed + p)) skipped=$((skipped + s))
done < <(sed -nE 's/.*Failed: +([0-9]+), Passed: +([0-9]+), Skipped: +([0-9]+), Total:.*/\1 \2 \3/p' "$log")

if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  echo "dotnet test exited with $status (a build error or a crashed test host); see above."
fi
echo "Screenshots: $BLOGSITE_ARTIFACTS/screenshots"
echo "$passed passed, $failed failed, $skipped skipped"
exit "$status"
