"""Helpers shared by the benchmarks: seeded data, timing, peak memory of a child process, JSON line.

Peak memory is measured by the child process itself (its VmHWM), so the memory of the data
generator or of the baseline does not count toward the measured work.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, Callable

import numpy as np

MODALIDADES = ("ROBO AGRAVADO", "HURTO", "HURTO AGRAVADO", "VIOLENCIA FAMILIAR", "LESIONES",
               "MICROCOMERCIALIZACION DE DROGAS", "ROBO DE CELULAR", "ESTAFA", "DAÑOS")
STREETS = ("Av. Sánchez Carrión", "Jr. Pumacahua", "Av. Túpac Amaru", "Jr. Ramón Castilla",
           "Av. José Gálvez", "Jr. Atahualpa", "Av. Manuel Seoane", "Jr. Grau")
DISTRICTS = (("EL PORVENIR", "130102"), ("FLORENCIA DE MORA", "130103"),
             ("LA ESPERANZA", "130105"))


def write_incident_csv(path: Path, rows: int, seed: int = 0) -> Path:
    """A station-style export (';'-delimited, dd/mm/yyyy, HH:MM) with `rows` incidents."""
    import pyarrow as pa
    import pyarrow.csv as pacsv

    rng = np.random.default_rng(seed)
    day = rng.integers(0, 365 * 2, rows)  # two years, all in the past
    dates = np.datetime64("2024-10-01") + day.astype("timedelta64[D]")
    iso = np.datetime_as_string(dates)  # yyyy-mm-dd
    hour = rng.choice(24, rows, p=_hour_weights())
    minute = rng.integers(0, 60, rows)
    district = rng.integers(0, len(DISTRICTS), rows)
    street = rng.integers(0, len(STREETS), rows)
    number = rng.integers(1, 2000, rows)
    table = pa.table({
        "NRO_DENUNCIA": np.char.add("D", np.arange(10_000_000, 10_000_000 + rows).astype(str)),
        "FECHA_HECHO": _day_first(iso),
        "HORA_HECHO": np.char.add(np.char.add(np.char.zfill(hour.astype(str), 2), ":"),
                                  np.char.zfill(minute.astype(str), 2)),
        "MODALIDAD": np.array(MODALIDADES)[rng.integers(0, len(MODALIDADES), rows)],
        "LATITUD": np.round(-8.07 + rng.normal(0, 0.012, rows), 6).astype(str),
        "LONGITUD": np.round(-79.01 + rng.normal(0, 0.012, rows), 6).astype(str),
        "DIRECCION": np.char.add(np.char.add(np.array(STREETS)[street], " "), number.astype(str)),
        "DISTRITO": np.array([d for d, _ in DISTRICTS])[district],
        "UBIGEO": np.array([u for _, u in DISTRICTS])[district],
        "COMISARIA": np.full(rows, "CPNP EL PORVENIR"),
    })
    options = pacsv.WriteOptions(delimiter=";", quoting_style="none")
    pacsv.write_csv(table, path, write_options=options)
    return path


def _day_first(iso: np.ndarray) -> np.ndarray:
    """yyyy-mm-dd -> dd/mm/yyyy, vectorised."""
    parts = np.char.split(iso, "-")
    year = np.array([p[0] for p in parts])
    month = np.array([p[1] for p in parts])
    day = np.array([p[2] for p in parts])
    return np.char.add(np.char.add(np.char.add(np.char.add(day, "/"), month), "/"), year)


def _hour_weights() -> np.ndarray:
    # night and evening peaks, as robbery shows in station logs
    weights = np.array([4, 3, 2, 2, 1, 1, 2, 3, 4, 4, 4, 5, 5, 5, 5, 5, 6, 6, 7, 8, 8, 8, 7, 5],
                       dtype=float)
    return weights / weights.sum()


def best_of(runs: int, work: Callable[[], Any]) -> float:
    """Fastest wall time of `runs` calls (the least disturbed by other processes)."""
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - start)
    return best


# Appended to a child's code: its own peak RSS, as the last line. RUSAGE_CHILDREN cannot
# be used: Linux keeps the parent's RSS at fork in a child's maxrss across exec, so a
# parent holding a generated table (about 1.3 GB) hid the child's real figure.
_PEAK_TRAILER = """
import json as _json, resource as _resource
try:
    with open("/proc/self/status") as _status:  # VmHWM: this process image's high-water mark
        _peak_kib = next(int(line.split()[1]) for line in _status if line.startswith("VmHWM"))
except OSError:
    _peak_kib = _resource.getrusage(_resource.RUSAGE_SELF).ru_maxrss
print(_json.dumps({"peak_kib": _peak_kib}))
"""


def run_child(code: str, *args: str) -> tuple[dict, float]:
    """Run `python -c code args...`; return (the JSON object it printed, its own peak RSS in MB)."""
    done = subprocess.run([sys.executable, "-c", code + _PEAK_TRAILER, *args], capture_output=True,
                          text=True, check=True)
    *_, result_line, peak_line = done.stdout.strip().splitlines()
    return json.loads(result_line), json.loads(peak_line)["peak_kib"] / 1024


def print_result(figures: dict[str, Any]) -> None:
    """The benchmark's last line: one JSON object (the ratio to the baseline under "ratio")."""
    print(json.dumps(figures, ensure_ascii=False))
