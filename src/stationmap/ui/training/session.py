"""The training copy: a fresh sample station in its own folder under the app's data folder.

Each session gets a new folder (the project and whatever the trainee exports go
there), so "Reiniciar" is: build a new one, open it, delete the old one. The
sample station the start page opens is never touched.
"""

from __future__ import annotations

import logging
import shutil
from datetime import datetime
from pathlib import Path

from stationmap.core.progress import Progress, no_progress
from stationmap.store.paths import app_data_dir

TRAINING_FOLDER = "capacitacion"
PROJECT_NAME = "estacion_capacitacion.stationmap"

log = logging.getLogger(__name__)


def training_root() -> Path:
    return app_data_dir() / TRAINING_FOLDER


def new_session_folder(root: Path | None = None) -> Path:
    """A folder no earlier session used (time-stamped, numbered if two start in one second)."""
    root = root or training_root()
    stamp = datetime.now().strftime("sesion-%Y%m%d-%H%M%S")
    candidate, counter = root / stamp, 2
    while candidate.exists():
        candidate, counter = root / f"{stamp}-{counter}", counter + 1
    return candidate


def build_copy(folder: Path, progress: Progress = no_progress) -> Path:
    """Long task: the sample station built into `folder` (which must not exist); its project path."""
    from stationmap.store.sample import write_sample_project

    folder.mkdir(parents=True)
    try:
        return write_sample_project(folder / PROJECT_NAME, progress=progress).path
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)   # cancelled or failed: leave no half session
        raise


def discard_other_sessions(keep: Path | None, root: Path | None = None) -> None:
    """Delete every session folder but `keep` (best effort: an open file on Windows stays)."""
    root = root or training_root()
    if not root.is_dir():
        return
    for folder in root.iterdir():
        if folder.is_dir() and folder != keep:
            shutil.rmtree(folder, ignore_errors=True)
            if folder.exists():
                log.info("Training folder %s still in use; left for next time", folder)


def without_other_sessions(paths: list[str], keep: Path | None, root: Path | None = None) -> list[str]:
    """`paths` (recent projects) less every training copy but the one in `keep`: a discarded
    session is not offered again, even while Windows still holds its folder for next time."""
    root = (root or training_root()).resolve()
    kept_folder = keep.resolve() if keep is not None else None

    def discarded(path: str) -> bool:
        folder = Path(path).resolve().parent
        return folder.parent == root and folder != kept_folder

    return [path for path in paths if not discarded(path)]
