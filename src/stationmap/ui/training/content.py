"""The exercises of the training kit, read from resources/training/exercises.json.

One file feeds both the side panel and the printed trainer's guide, in Spanish
and English, so the two never tell a trainee different things.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from stationmap.core.errors import StationMapError
from stationmap.store.paths import resources_dir

EXERCISES_FILE = "exercises.json"
# The trainer's guide of each language (resources/training/build_guide.py writes them).
GUIDE_FILES = {"es": "guia_del_instructor.pdf", "en": "trainers_guide.pdf"}


@dataclass(frozen=True)
class Exercise:
    id: str
    minutes: int
    title: str
    steps: list[str]
    done: str          # shown when the check passes; str.format fields from the check's detail
    answer: str        # for the trainer


def training_dir() -> Path:
    return resources_dir("training")


def guide_path(language: str) -> Path:
    """The trainer's guide in `language` (the Spanish one for a language without its own)."""
    return training_dir() / GUIDE_FILES.get(language, GUIDE_FILES["es"])


@lru_cache(maxsize=4)
def _raw(path: Path) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise StationMapError("training.content_unreadable", path=str(path), detail=str(error)) from error


def load_exercises(language: str, path: Path | None = None) -> tuple[str, list[Exercise]]:
    """The introduction and the exercises in `language` (Spanish where a text lacks it)."""
    data = _raw(path or training_dir() / EXERCISES_FILE)

    def pick(texts: dict):
        return texts.get(language) or texts["es"]

    exercises = [Exercise(item["id"], int(item["minutes"]), pick(item["title"]), list(pick(item["steps"])),
                          pick(item["done"]), pick(item["answer"]))
                 for item in data["exercises"]]
    return pick(data["intro"]), exercises
