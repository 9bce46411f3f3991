"""`kill -9` in the middle of an import: the project must open holding exactly what it held before."""

from __future__ import annotations

import signal
import subprocess
import sys

import pytest
from conftest import ROOT, SAMPLE_DATA
from test_import_job import _fingerprint

from stationmap.store.import_job import ImportRequest, run

sys.path.insert(0, str(ROOT / "benchmarks"))
from _common import write_incident_csv  # noqa: E402

# The child uses a 1 MB page cache so SQLite has to write changed pages into the project
# file before the commit: the hard case, where only the rollback journal can undo them.
CHILD = """
import sys
from pathlib import Path
import stationmap.store.project as project_module
project_module.CACHE_KIB = 1024
from stationmap.store.import_job import ImportRequest, run

def progress(fraction, message=""):
    print(f"{fraction:.4f}", flush=True)

run(ImportRequest(Path(sys.argv[1]), [Path(sys.argv[2])]), progress)
print("DONE", flush=True)
"""


@pytest.mark.slow
def test_kill_9_mid_import_leaves_the_project_as_before(tmp_path):
    project = tmp_path / "estacion.stationmap"
    run(ImportRequest(project, [SAMPLE_DATA / "station"]))
    before = _fingerprint(project)
    file_before = project.read_bytes()
    big = write_incident_csv(tmp_path / "grande.csv", 300_000, seed=3)

    child = subprocess.Popen([sys.executable, "-c", CHILD, str(project), str(big)],
                             stdout=subprocess.PIPE, text=True)
    lines = []
    for line in child.stdout:
        lines.append(line.strip())
        if line.strip() != "DONE" and float(line) >= 0.8:  # most rows inserted, not committed
            child.send_signal(signal.SIGKILL)
            break
    child.wait(timeout=60)
    child.stdout.close()
    assert child.returncode == -signal.SIGKILL, lines
    assert "DONE" not in lines
    journal = project.with_name(project.name + "-journal")
    assert journal.exists(), "the child never wrote into the project; the test proves nothing"
    assert project.read_bytes() != file_before  # pages of the unfinished import are in the file

    assert _fingerprint(project) == before  # opening rolled the hot journal back
    assert not journal.exists()
    again = run(ImportRequest(project, [SAMPLE_DATA / "station"]))  # still a working project
    assert again.imported == 0 and again.duplicates > 5000
