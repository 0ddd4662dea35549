#!/usr/bin/env bash
# Installs what the test suite needs beyond Python packages, from Debian's packages:
# Virtuoso for the remote-store tests (tests/remote, tests/store, tests/serve/test_remote.py), and
# chromium with its chromedriver for the browser tests (tests/serve/test_browser.py).
# Where they cannot be installed (not root, no apt), it says so and those tests are
# skipped with that reason; the rest of the suite runs.
set -u

missing=()
command -v virtuoso-t >/dev/null 2>&1 || missing+=(virtuoso-opensource)
{ [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; } || missing+=(chromium chromium-driver)
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "note: ${missing[*]} not installed and cannot be installed here (needs root and apt-get);" \
       "the remote-store and browser tests that need them will be skipped." >&2
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
for package in "${missing[@]}"; do
  echo "installing $package for the tests ..." >&2
  if ! apt-get install -y -qq "$package" >/dev/null 2>&1; then
    apt-get update -qq >/dev/null 2>&1 || true
    apt-get install -y -qq "$package" >/dev/null 2>&1 \
      || echo "note: installing $package failed; the tests that need it will be skipped." >&2
  fi
done
exit 0
