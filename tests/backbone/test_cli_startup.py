"""The command line imports a command's module only when that command runs."""
from __future__ import annotations

import importlib
import json
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from tipgraph.cli import COMMAND_MODULES, cli

REPO = Path(__file__).resolve().parents[2]
#: Heavy modules that ingest has no use for.
NOT_FOR_INGEST = ("networkx", "tipgraph.network", "tipgraph.queries", "tipgraph.web", "matplotlib", "pyshacl",
                  "trafilatura")


def test_the_command_table_names_every_command_of_every_module():
    found = {}
    for module in sorted(set(COMMAND_MODULES.values())):
        for command in importlib.import_module(f"tipgraph.cli.{module}").COMMANDS:
            found[command.name] = module
    assert found == COMMAND_MODULES


def test_help_lists_every_command():
    result = CliRunner().invoke(cli, ["--help"])
    assert result.exit_code == 0, result.output
    for name in COMMAND_MODULES:
        assert f"  {name} " in result.output


def test_ingest_of_plain_text_imports_no_module_it_does_not_use(tmp_path):
    doc = tmp_path / "docs" / "note.txt"
    doc.parent.mkdir()
    doc.write_text("VIENNA, 5 June 2020 - The OSCE held a working meeting with UNODC on shelters for victims.\n",
                   encoding="utf-8")
    code = ("import json, sys; from tipgraph.cli import cli; "
            "cli.main(sys.argv[1:], standalone_mode=False); "
            f"print(json.dumps(sorted(m for m in sys.modules if m.startswith({NOT_FOR_INGEST!r}))))")
    proc = subprocess.run([sys.executable, "-c", code, "ingest", str(doc), "--store", str(tmp_path / "store"), "-q"],
                          capture_output=True, text=True, timeout=300, cwd=REPO)
    assert proc.returncode == 0, proc.stderr
    loaded = json.loads(proc.stdout.strip().splitlines()[-1])
    assert loaded == []
