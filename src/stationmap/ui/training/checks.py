"""Whether a trainee has done each exercise, judged from the open project and the shared filter.

Plain functions over plain data (no Qt), so they are tested directly. Each returns
None while the exercise is not done, or a dict of details the "done" text shows.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Iterable

NIGHT_HOURS = frozenset({22, 23, 0, 1, 2, 3, 4, 5})
FRIDAY, SATURDAY = 4, 5          # weekday numbers, Monday = 0
EVENING_HOURS = (22, 23)
PLAN_CARS, PLAN_SERENAZGO = 6, 4
# The roll-call PDF as the plan export names it (reports.plan_export; tests/test_ui_plan.py checks it).
ROLL_CALL_PDF = "plan_patrullaje.pdf"


def weekend_nights_selected(cells: Iterable[tuple[int, int]] | None) -> bool:
    """Only night hours are picked, with both Friday's and Saturday's evening among them."""
    cells = frozenset(cells or ())
    if not cells or any(hour not in NIGHT_HOURS for _, hour in cells):
        return False
    return all(any((day, hour) in cells for hour in EVENING_HOURS) for day in (FRIDAY, SATURDAY))


def _unit_counts(spec: dict) -> list[dict[str, int]]:
    """Per-shift unit counts and their sum over shifts (either way of reading "6 cars" counts)."""
    per_shift = spec.get("per_shift") if isinstance(spec, dict) else None
    if not isinstance(per_shift, dict):
        return []
    shifts = [{str(k): int(n) for k, n in units.items()} for units in per_shift.values()
              if isinstance(units, dict)]
    total: dict[str, int] = {}
    for units in shifts:
        for kind, count in units.items():
            total[kind] = total.get(kind, 0) + count
    return [*shifts, total]


def _plan_spec(meta: dict, data: bytes | None) -> dict:
    """The units spec of a stored plan: in its meta, or in its JSON body under "spec"."""
    for holder in (meta, _json_or_empty(data)):
        spec = holder.get("spec") if isinstance(holder, dict) else None
        if isinstance(spec, dict):
            return spec
    return {}


def _json_or_empty(data: bytes | None) -> Any:
    try:
        return json.loads(data) if data else {}
    except (ValueError, UnicodeDecodeError):
        return {}   # a binary plan body (e.g. a PDF) carries no spec


def plan_with_units(project: Any, cars: int = PLAN_CARS, serenazgo: int = PLAN_SERENAZGO) -> dict | None:
    """The first saved plan (asset of kind "plan") with `cars` patrol cars and `serenazgo` units."""
    if project is None:
        return None
    for asset in project.assets("plan"):
        spec = _plan_spec(asset.get("meta") or {}, project.asset(asset["name"]))
        for units in _unit_counts(spec):
            if units.get("patrullero", 0) == cars and units.get("serenazgo", 0) == serenazgo:
                return {"plan": asset["name"]}
    return None


def exported_pdf(folder: Path | None) -> dict | None:
    """The plan's roll-call PDF anywhere in the training folder (a fresh folder, so it is the
    trainee's); any other PDF, such as a weekly brief, is not the exercise."""
    if folder is None or not folder.is_dir():
        return None
    pdfs = sorted((path for path in folder.rglob(ROLL_CALL_PDF) if _is_pdf(path)),
                  key=lambda p: p.stat().st_mtime, reverse=True)
    return {"file": str(pdfs[0].relative_to(folder))} if pdfs else None


def _is_pdf(path: Path) -> bool:
    with path.open("rb") as handle:
        return handle.read(5) == b"%PDF-"
