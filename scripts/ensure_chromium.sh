#!/bin/sh
# Installs Debian's chromium when it is missing: the report's browser test drives it headless.
set -eu
if command -v chromium >/dev/null 2>&1; then
    exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    SUDO=sudo
fi
# The lock that scripts/debian_package.py takes: make test's lanes may install packages at once.
$SUDO flock /tmp/kpi101-apt.lock sh -c \
    'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null'
command -v chromium >/dev/null
