"""The import benchmark runs end to end on a small file and ends with its JSON line."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from conftest import ROOT


@pytest.mark.slow
def test_benchmark_prints_its_figures_as_a_last_json_line():
    done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "import_bench.py"),
                           "--rows", "3000"], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    assert figures["rows"] == 3000 and figures["imported"] + figures["rejected"] == 3000
    assert figures["rejected"] == 0  # the generated file is clean: every row must import
    assert figures["import_s"] > 0 and figures["baseline_pyarrow_read_csv_s"] > 0
    assert figures["ratio"] > 1  # an import parses, checks and stores: it cannot beat bare parsing
    assert 50 < figures["peak_rss_mb"] < 1536
