"""What the StationMap bundle leaves out, as plain functions over PyInstaller's (dest, source, kind) entries.

Used by stationmap.spec and tested by tests/test_installer_prune.py. Each rule removes something a
build + --self-test has shown the app does not use:

- QML: QtWebEngineCore links against QtQml/QtQuick, so PySide6's hooks collect every QML plugin and
  the libraries they need (Quick3D, Controls styles, Charts, Multimedia, ...). The widgets-based map
  uses none of them: the QML folder goes, and only Qt libraries that a kept binary links to stay.
- pyarrow: the CSV reader needs libarrow and compute; Flight, S3, Substrait, datasets and parquet are
  extras pandas never loads for us, so their Python modules are excluded and their libraries pruned.
- Chromium locales, Qt catalogs: Spanish and English only. DevTools resources: never opened.
"""

from __future__ import annotations

import posixpath
from pathlib import Path, PurePath
from typing import Callable, Iterable

KEEP_LANGUAGES = ("es", "en")
# Python modules of pyarrow the app never imports (each drags a large library in).
PYARROW_EXCLUDES = ["pyarrow.flight", "pyarrow._flight", "pyarrow._s3fs", "pyarrow.substrait",
                    "pyarrow._substrait", "pyarrow.orc", "pyarrow._orc", "pyarrow.cuda", "pyarrow._cuda",
                    "pyarrow.gandiva", "pyarrow.tests", "pyarrow.parquet", "pyarrow._parquet",
                    "pyarrow._parquet_encryption", "pyarrow.dataset", "pyarrow._dataset",
                    "pyarrow._dataset_parquet", "pyarrow._dataset_parquet_encryption",
                    "pyarrow._dataset_orc", "pyarrow.acero", "pyarrow._acero", "pyarrow.interchange"]
# Test suites and sources shipped inside packages.
DATA_FOLDERS_DROPPED = (("pyarrow", "include"), ("pyarrow", "src"), ("pyarrow", "tests"),
                        ("pandas", "tests"), ("scipy", "_lib", "tests"))
DEVTOOLS = "qtwebengine_devtools_resources"
# Qt plugins for hardware and desktops a station laptop does not have (embedded EGL, evdev, virtual
# keyboard, satellite positioning) or formats the app never reads (PDF as an image). Dropping them
# lets the closure below drop QtPdf and QtVirtualKeyboard too.
PLUGIN_FOLDERS_DROPPED = ("egldeviceintegrations", "generic", "position", "qmltooling")
PLUGIN_FILES_DROPPED = ("qpdf", "qtvirtualkeyboardplugin", "qeglfs", "qlinuxfb", "qminimalegl", "qvnc",
                        "qvkkhrdisplay")

Entry = tuple  # (dest_name, source_path, kind), PyInstaller's TOC entry


def _path(dest: str) -> PurePath:
    # PyInstaller's destination names use the build platform's separator.
    return PurePath(dest.replace("\\", "/"))


def language_kept(dest: str) -> bool:
    """False for Chromium locale packs and PySide6's Qt catalogs of languages other than es and en."""
    path = _path(dest)
    if "qtwebengine_locales" in path.parts and path.suffix == ".pak":
        return path.stem.split("-")[0].lower() in KEEP_LANGUAGES
    if "translations" in path.parts and path.suffix == ".qm" and "PySide6" in path.parts:
        return path.stem.rsplit("_", 1)[-1].lower() in KEEP_LANGUAGES
    return True


def data_kept(dest: str) -> bool:
    """Drop QML, DevTools, test suites and C++ headers; keep everything else."""
    path = _path(dest)
    parts = path.parts
    if _in_qml_tree(parts) or path.stem.startswith(DEVTOOLS):
        return False
    if any(parts[:len(folder)] == folder for folder in DATA_FOLDERS_DROPPED):
        return False
    return language_kept(dest)


def _in_qml_tree(parts: tuple[str, ...]) -> bool:
    # Linux/macOS wheels: PySide6/Qt/qml/...; Windows wheels: PySide6/qml/...
    if parts[:1] != ("PySide6",):
        return False
    return parts[1:2] == ("qml",) or parts[1:3] == ("Qt", "qml")


def _unused_plugin(parts: tuple[str, ...]) -> bool:
    if parts[:1] != ("PySide6",) or "plugins" not in parts:
        return False
    folder = parts[parts.index("plugins") + 1] if parts.index("plugins") + 1 < len(parts) else ""
    stem = PurePath(parts[-1]).stem.removeprefix("lib")
    return folder in PLUGIN_FOLDERS_DROPPED or stem in PLUGIN_FILES_DROPPED


def binary_kept(dest: str) -> bool:
    """False for QML plugins and Qt plugins the app has no use for."""
    parts = _path(dest).parts
    return not (_in_qml_tree(parts) or _unused_plugin(parts))


def prunable_library(name: str) -> bool:
    """Libraries kept only when something kept links to them: Qt's own and pyarrow's."""
    lowered = name.lower()
    return (lowered.startswith(("libqt6", "qt6")) or lowered.startswith(("libarrow", "arrow"))
            or lowered.startswith(("libparquet", "parquet")))


def prune_binaries(binaries: Iterable[Entry], imports_of: Callable[[str], Iterable[str]]) -> list[Entry]:
    """Drop QML and unused Qt plugins, then every prunable library no kept binary links to (transitively).

    `imports_of(source_path)` gives the file names a binary links to (PyInstaller's
    bindepend.get_imports, which is transitive with ldd on Linux and direct on Windows).
    """
    kept = [entry for entry in binaries if binary_kept(entry[0])]
    by_name: dict[str, Entry] = {}
    roots: list[Entry] = []
    for entry in kept:
        name = _path(entry[0]).name
        if prunable_library(name):
            by_name.setdefault(name.lower(), entry)
        else:
            roots.append(entry)
    needed: set[str] = set()
    pending = [entry[1] for entry in roots]
    seen_sources: set[str] = set()
    while pending:
        source = pending.pop()
        if source in seen_sources:
            continue
        seen_sources.add(source)
        for imported in imports_of(source):
            key = PurePath(imported).name.lower()
            if key in by_name and key not in needed:
                needed.add(key)
                pending.append(by_name[key][1])
    return [entry for entry in kept
            if not prunable_library(_path(entry[0]).name) or _path(entry[0]).name.lower() in needed]


def without_dangling_symlinks(entries: Iterable[Entry], kept: Iterable[Entry]) -> list[Entry]:
    """Drop PyInstaller's SYMLINK entries (dest, target relative to dest's folder) whose target was pruned."""
    present = {_path(entry[0]).as_posix() for entry in kept if entry[2] != "SYMLINK"}
    result = []
    for entry in entries:
        if entry[2] == "SYMLINK":
            target = posixpath.normpath(posixpath.join(_path(entry[0]).parent.as_posix(), _path(entry[1]).as_posix()))
            if target not in present:
                continue
        result.append(entry)
    return result


STRIPPED = ("libpython3*.so*", "pyarrow/libarrow*.so.*", "pyarrow/libparquet.so.*")


def strip_bundled(bundle: Path) -> list[Path]:
    """`strip --strip-unneeded` the libraries matching STRIPPED under the bundle's _internal folder."""
    import subprocess

    internal = bundle / "_internal"
    files = sorted({path for pattern in STRIPPED for path in internal.glob(pattern)
                    if path.is_file() and not path.is_symlink()})
    if files:
        subprocess.run(["strip", "--strip-unneeded", *map(str, files)], check=True)
    return files


def pyinstaller_imports(source: str) -> list[str]:
    """bindepend.get_imports as plain names (it returns (name, resolved path) pairs)."""
    from PyInstaller.depend import bindepend

    return [name for name, _resolved in bindepend.get_imports(source)]
