#!/usr/bin/env bash
# Installs what the test suite needs beyond Python packages: Debian's Virtuoso for the
# remote-store tests (tests/remote). Where it cannot be installed (not root, no apt),
# it says so and those tests are skipped with that reason; the rest of the suite runs.
set -u
if command -v virtuoso-t >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "note: virtuoso-opensource is not installed and cannot be installed here (needs root and apt-get);" \
       "the remote-store tests will be skipped." >&2
  exit 0
fi
echo "installing virtuoso-opensource for the remote-store tests ..." >&2
export DEBIAN_FRONTEND=noninteractive
if ! apt-get install -y -qq virtuoso-opensource >/dev/null 2>&1; then
  apt-get update -qq >/dev/null 2>&1 || true
  apt-get install -y -qq virtuoso-opensource >/dev/null 2>&1 \
    || echo "note: installing virtuoso-opensource failed; the remote-store tests will be skipped." >&2
fi
exit 0
