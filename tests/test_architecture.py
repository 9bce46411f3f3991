"""The layering of DESIGN.md section 3, checked by import-linter, and start-up cost."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_import_contracts_hold():
    lint = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run([str(lint), "--no-cache"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "BROKEN" not in result.stdout


def test_cli_help_does_not_load_heavy_libraries():
    # `stationmap --help` must come up fast on an old laptop: no Qt, pandas or shapely.
    code = ("import sys, runpy; sys.argv=['stationmap','--help']\n"
            "from stationmap import cli\n"
            "try:\n    cli.main(['--help'])\nexcept SystemExit:\n    pass\n"
            "heavy=[m for m in ('pandas','PySide6','shapely','folium','pyproj','pyarrow') if m in sys.modules]\n"
            "print('HEAVY', heavy)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert "HEAVY []" in result.stdout, result.stdout + result.stderr
