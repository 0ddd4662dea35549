#!/usr/bin/env bash
# Installs what the test suite needs beyond Python packages (see docs/remote-stores.md).
# Nothing to install yet: the Virtuoso server for the remote-store tests is added here.
exit 0
