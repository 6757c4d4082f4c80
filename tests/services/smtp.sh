#!/usr/bin/env bash
# Installs Debian's aiosmtpd if needed and starts a local SMTP server on 127.0.0.1:2525 that keeps every message it
# receives in a Maildir, where the tests read the e-mails the site sent. Safe to run again while it is running.
# Uses Debian's own /usr/bin/python3, whatever python3 comes first on the PATH.
set -euo pipefail

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
port="${BLOGSITE_TEST_SMTP_PORT:-2525}"
maildir="${BLOGSITE_TEST_MAILDIR:-/tmp/blogsite-test-maildir}"

if ! /usr/bin/python3 -c "import aiosmtpd" 2>/dev/null; then
  echo "Installing aiosmtpd (Debian package python3-aiosmtpd)..."
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-aiosmtpd >/dev/null
fi

listening() { (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; }

if ! listening; then
  # A fresh server starts with an empty Maildir.
  rm -rf "$maildir"
  mkdir -p "$maildir/tmp" "$maildir/new" "$maildir/cur"
  # -n: stay the user who started it (it would switch to "nobody" when started as root).
  setsid nohup /usr/bin/python3 -m aiosmtpd -n -l "127.0.0.1:$port" -c aiosmtpd.handlers.Mailbox "$maildir" \
    >/tmp/blogsite-test-smtp.log 2>&1 </dev/null &
  for _ in $(seq 1 50); do
    listening && break
    sleep 0.2
  done
fi

if ! listening; then
  echo "The SMTP server did not start on 127.0.0.1:$port; its log:"
  cat /tmp/blogsite-test-smtp.log
  exit 1
fi
echo "SMTP server (aiosmtpd) is ready on 127.0.0.1:$port, keeping messages in $maildir."
