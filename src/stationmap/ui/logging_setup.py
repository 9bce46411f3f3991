"""The rotating log file under the config folder (shown in Ayuda > Acerca de)."""

from __future__ import annotations

import logging
from logging.handlers import RotatingFileHandler
from pathlib import Path

from stationmap.ui.app_config import log_path

_MAX_BYTES = 1_000_000
_BACKUPS = 3


def setup_logging(level: int = logging.INFO) -> Path:
    """Send the `stationmap` loggers to the rotating log file; returns its path."""
    path = log_path()
    logger = logging.getLogger("stationmap")
    for handler in logger.handlers:
        if isinstance(handler, RotatingFileHandler) and Path(handler.baseFilename) == path:
            return path  # already set up (a second window in the same process)
    handler = RotatingFileHandler(path, maxBytes=_MAX_BYTES, backupCount=_BACKUPS, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logger.addHandler(handler)
    logger.setLevel(level)
    return path
