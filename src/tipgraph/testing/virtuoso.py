"""A throwaway Virtuoso server on 127.0.0.1, for tests and benchmarks.

Debian's ``virtuoso-opensource`` package brings ``virtuoso-t`` and a sample
configuration; this copies that configuration with every database, log and lock file
in a temporary folder, both ports free ones on 127.0.0.1, the plugins removed and the
SPARQL result limits lifted (with the defaults Virtuoso silently truncates results).
"""
from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

SAMPLE_CONFIG = Path("/etc/virtuoso-opensource-7/virtuoso.ini")
BINARY = "virtuoso-t"
DBA_USER, DBA_PASSWORD = "dba", "dba"


def available() -> str | None:
    """None when a server can be started here, else the reason it cannot."""
    if shutil.which(BINARY) is None:
        return f"{BINARY} not found (Debian package virtuoso-opensource)"
    if not SAMPLE_CONFIG.is_file():
        return f"{SAMPLE_CONFIG} not found"
    return None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _config(folder: Path, sql_port: int, http_port: int) -> str:
    out, section = [], ""
    for line in SAMPLE_CONFIG.read_text(encoding="utf-8", errors="replace").splitlines():
        header = re.match(r"^\s*\[([^\]]+)\]", line)
        if header:
            section = header.group(1)
            if section != "Plugins":
                out.append(line)
            continue
        if section == "Plugins":
            continue
        if header is None and section == "Parameters" and line.strip().startswith("ServerPort"):
            out.append("MaxSortedTopRows = 10000000")
        key = line.split("=", 1)[0].strip() if "=" in line and not line.lstrip().startswith(";") else ""
        value = line.split("=", 1)[1].strip() if key else ""
        if key in ("DatabaseFile", "ErrorLogFile", "LockFile", "TransactionFile", "xa_persistent_file"):
            line = f"{key} = {folder / Path(value.split(';')[0].strip()).name}"
        elif key == "ServerPort" and section == "Parameters":
            line = f"ServerPort = 127.0.0.1:{sql_port}"
        elif key == "ServerPort" and section == "HTTPServer":
            line = f"ServerPort = 127.0.0.1:{http_port}"
        elif section == "Parameters" and key == "MaxSortedTopRows":
            continue  # set once, after ServerPort
        elif key == "DirsAllowed":
            line = f"DirsAllowed = ., {folder}, /usr/share/virtuoso-opensource-7/vad"
        elif section == "SPARQL" and key == "ResultSetMaxRows":
            line = "ResultSetMaxRows = 1000000"
        elif section == "SPARQL" and key in ("MaxQueryExecutionTime", "MaxQueryCostEstimationTime"):
            line = f"{key} = 0"
        out.append(line)
    return "\n".join(out) + "\n"


class VirtuosoServer:
    """Start with :meth:`start` (or ``with``), stop with :meth:`stop`."""

    def __init__(self, folder: Path | None = None, startup_timeout: float = 60.0):
        self._own_folder = folder is None
        self.folder = Path(folder or tempfile.mkdtemp(prefix="tipgraph-virtuoso-"))
        self.startup_timeout = startup_timeout
        self.process: subprocess.Popen | None = None
        self.sql_port = self.http_port = 0

    @property
    def query_url(self) -> str:
        return f"http://127.0.0.1:{self.http_port}/sparql"

    @property
    def update_url(self) -> str:
        return f"http://127.0.0.1:{self.http_port}/sparql-auth"

    def start(self) -> "VirtuosoServer":
        reason = available()
        if reason:
            raise RuntimeError(reason)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.sql_port, self.http_port = _free_port(), _free_port()
        config = self.folder / "virtuoso.ini"
        config.write_text(_config(self.folder, self.sql_port, self.http_port), encoding="utf-8")
        log = open(self.folder / "stdout.log", "wb")
        self.process = subprocess.Popen(
            [BINARY, "+configfile", str(config), "+foreground"],
            cwd=self.folder, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
        )
        deadline = time.monotonic() + self.startup_timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"virtuoso exited with {self.process.returncode}; see {self.folder}/stdout.log")
            try:
                with urllib.request.urlopen(self.query_url + "?query=ASK%7B%7D", timeout=2) as r:
                    if r.status == 200:
                        return self
            except (urllib.error.URLError, ConnectionError, OSError):
                pass
            time.sleep(0.3)
        self.stop()
        raise RuntimeError(f"virtuoso did not answer within {self.startup_timeout} s")

    def isql(self, sql: str) -> str:
        """Run SQL through isql-vt as dba (e.g. to create users)."""
        result = subprocess.run(
            ["isql-vt", f"127.0.0.1:{self.sql_port}", DBA_USER, DBA_PASSWORD, f"exec={sql}"],
            capture_output=True, text=True, timeout=60,
        )
        return result.stdout + result.stderr

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            os.kill(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.kill(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=10)
        self.process = None
        if self._own_folder:
            shutil.rmtree(self.folder, ignore_errors=True)

    def __enter__(self) -> "VirtuosoServer":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()
