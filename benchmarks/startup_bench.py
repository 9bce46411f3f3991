"""Start-up to a drawn map: frozen StationMap vs from source vs a bundled bare QtWebEngine window.

Needs the bundles of `installer/build-linux.sh` (full build: installer/dist/StationMap and
installer/dist/hello) and an X server (`xvfb-run -a .venv/bin/python benchmarks/startup_bench.py`).

Each run is a new process timed from launch until it prints that its page is drawn:
- frozen app: `stationmap-console --startup-probe SAMPLE` opens the main window on the sample
  station and prints "drawn N" when the map has drawn the incidents;
- source: the same probe through the checkout's Python;
- hello: the smallest PySide6 + QtWebEngine window (installer/hello.py), bundled the same way,
  prints when its page has loaded.
- hello, same backend: the hello again, told to put its page on screen the way StationMap does in
  this environment (ui.startup.prepare_environment: with Chromium's GPU disabled, Qt Quick draws in
  software instead of through an emulated OpenGL). The official ratio is against the plain hello;
  `ratio_same_qt_quick_backend` says how much of it the app's own work is.
The kinds alternate, REPEATS times, the hello right after the frozen app; medians are reported (the
machine is shared, and three rounds gave ratios from 1.43 to 1.69 on one afternoon's bundle, where 15
alternating pairs gave 1.42). `ratio_of_pairs` is the median of each round's app/hello ratio, which a
machine that slows down or speeds up over the run disturbs less. The first
frozen run after a build is the coldest the page cache allows here (caches are not dropped: that
needs privileges a CI container lacks), and is reported on its own; it is also the only run
without the map's cache of the sample's incidents (store.map_cache, in the run's settings folder),
which the later runs use as a user's next start-up does. Target: ratio <= 1.5, bundle
<= 600 MB, installer (compressed) <= 200 MB. Sizes: the bundle by part, the tar.gz/tar.xz archives
and any NSIS installer in the dist folder. The last line printed is one JSON object.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DIST = Path(os.environ.get("STATIONMAP_DIST", ROOT / "installer" / "dist"))
REPEATS = 9
TIMEOUT_S = 180
TARGETS = {"ratio": 1.5, "bundle_mb": 600, "installer_mb": 200}
ARCHIVES = {"tar_gz_mb": "StationMap-linux-x86_64.tar.gz", "tar_xz_mb": "StationMap-linux-x86_64.tar.xz"}


def time_until_line(command: list[str], marker: str, env: dict[str, str]) -> float:
    """Seconds from launching `command` until it prints a line starting with `marker`."""
    started = time.monotonic()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env)
    try:
        for line in process.stdout:
            if line.startswith(marker):
                elapsed = time.monotonic() - started
                process.wait(timeout=TIMEOUT_S)
                return elapsed
            if time.monotonic() - started > TIMEOUT_S:
                break
        raise RuntimeError(f"{command[0]} never printed {marker!r}")
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


def app_environment(env: dict[str, str]) -> dict[str, str]:
    """`env` with what StationMap's prepare_environment adds to its own (the Qt Quick backend among it)."""
    from stationmap.ui.startup import prepare_environment

    environ = dict(env)
    prepare_environment(environ)
    return environ


def folder_mb(path: Path) -> float:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink()) / 2**20


def bundle_parts_mb(bundle: Path, smallest_mb: float = 4.0) -> dict[str, float]:
    """Sizes of the bundle's parts: each folder of _internal (PySide6 split into Qt's WebEngine core
    library and the rest), the libraries at its top level together, the executables together."""
    internal = bundle / "_internal"
    parts: dict[str, float] = {"executables": sum(f.stat().st_size for f in bundle.iterdir() if f.is_file()) / 2**20}
    loose = 0.0
    for entry in internal.iterdir():
        if entry.is_dir():
            parts[entry.name] = folder_mb(entry)
        elif entry.is_file() and not entry.is_symlink():
            loose += entry.stat().st_size / 2**20
    parts["top-level libraries"] = loose
    webengine = internal / "PySide6" / "Qt" / "lib" / "libQt6WebEngineCore.so.6"
    if webengine.exists() and "PySide6" in parts:
        parts["libQt6WebEngineCore"] = webengine.stat().st_size / 2**20
        parts["PySide6"] -= parts["libQt6WebEngineCore"]
    icu = sum(f.stat().st_size for f in (internal / "PySide6" / "Qt" / "lib").glob("libicu*")) / 2**20
    if icu and "PySide6" in parts:
        parts["ICU (Qt)"] = icu
        parts["PySide6"] -= icu
    big = {name: round(mb, 1) for name, mb in sorted(parts.items(), key=lambda item: -item[1]) if mb >= smallest_mb}
    big["other"] = round(sum(parts.values()) - sum(big.values()), 1)
    return big


def main() -> int:
    app = DIST / "StationMap" / "stationmap-console"
    hello = DIST / "hello" / "hello"
    for needed in (app, hello):
        if not needed.exists():
            print(f"missing {needed}: run installer/build-linux.sh (full build) first", file=sys.stderr)
            return 2
    if not os.environ.get("DISPLAY"):
        print("no X server: run under xvfb-run -a", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="stationmap-startup-") as scratch:
        env = dict(os.environ, STATIONMAP_CONFIG_DIR=scratch)
        env.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--disable-gpu")
        sample = Path(scratch) / "sample.stationmap"
        subprocess.run([str(app), "sample", "--project", str(sample)], check=True, env=env,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        commands = {
            "frozen_app": ([str(app), "--startup-probe", str(sample)], "drawn"),
            "frozen_hello": ([str(hello), "--measure"], "hello loaded=True"),
            "frozen_hello_same_backend": ([str(hello), "--measure"], "hello loaded=True"),
            "source_app": ([sys.executable, str(ROOT / "installer" / "launch_console.py"), "--startup-probe",
                            str(sample)], "drawn"),
        }
        environments = {name: env for name in commands}
        environments["frozen_hello_same_backend"] = app_environment(env)
        runs: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(REPEATS):
            for name, (command, marker) in commands.items():
                runs[name].append(time_until_line(command, marker, environments[name]))
    medians = {name: statistics.median(values) for name, values in runs.items()}
    for name, values in runs.items():
        print(f"{name:26s} median {medians[name]:6.2f} s  runs {', '.join(f'{v:.2f}' for v in values)}")
    result = {f"{name}_s": round(value, 3) for name, value in medians.items()}
    result["first_frozen_app_s"] = round(runs["frozen_app"][0], 3)
    result["ratio"] = round(medians["frozen_app"] / medians["frozen_hello"], 3)
    result["ratio_of_pairs"] = round(statistics.median(
        app / hello for app, hello in zip(runs["frozen_app"], runs["frozen_hello"])), 3)
    result["ratio_same_qt_quick_backend"] = round(medians["frozen_app"] / medians["frozen_hello_same_backend"], 3)
    result["ratio_source_to_frozen"] = round(medians["source_app"] / medians["frozen_app"], 3)
    result["bundle_mb"] = round(folder_mb(DIST / "StationMap"), 1)
    result["hello_bundle_mb"] = round(folder_mb(DIST / "hello"), 1)
    result["bundle_parts_mb"] = bundle_parts_mb(DIST / "StationMap")
    for key, name in ARCHIVES.items():
        if (DIST / name).exists():
            result[key] = round((DIST / name).stat().st_size / 2**20, 1)
    for installer in sorted(DIST.glob("StationMap-*-setup*.exe")):
        result.setdefault("nsis_installers_mb", {})[installer.name] = round(installer.stat().st_size / 2**20, 1)
    result["targets"] = TARGETS
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
