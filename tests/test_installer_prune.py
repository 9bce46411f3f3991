"""What the bundle leaves out (installer/bundle_prune.py): languages, QML, plugins, unlinked libraries."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("bundle_prune", ROOT / "installer" / "bundle_prune.py")
prune = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(prune)


@pytest.mark.parametrize("dest, kept", [
    ("PySide6/Qt/translations/qtwebengine_locales/es.pak", True),
    ("PySide6/Qt/translations/qtwebengine_locales/es-419.pak", True),
    ("PySide6/Qt/translations/qtwebengine_locales/en-GB.pak", True),
    ("PySide6/Qt/translations/qtwebengine_locales/de.pak", False),
    ("PySide6/Qt/translations/qtwebengine_locales/fil.pak", False),
    ("PySide6\\translations\\qtwebengine_locales\\pt-BR.pak", False),       # Windows wheel layout
    ("PySide6/Qt/translations/qtbase_es.qm", True),
    ("PySide6/Qt/translations/qtbase_en.qm", True),
    ("PySide6/Qt/translations/qtbase_zh_CN.qm", False),
    ("PySide6/Qt/translations/qt_help_fr.qm", False),
    ("resources/i18n/stationmap_en.qm", True),                             # ours: never filtered
])
def test_only_spanish_and_english_locales_are_kept(dest, kept):
    assert prune.language_kept(dest) is kept


@pytest.mark.parametrize("dest, kept", [
    ("PySide6/Qt/qml/QtQuick/Controls/qmldir", False),
    ("PySide6\\qml\\QtQuick3D\\plugins.qmltypes", False),
    ("PySide6/Qt/resources/qtwebengine_devtools_resources.pak", False),
    ("PySide6/Qt/resources/qtwebengine_resources.pak", True),
    ("PySide6/Qt/resources/icudtl.dat", True),
    ("pyarrow/include/arrow/api.h", False),
    ("pandas/tests/frame/test_api.py", False),
    ("resources/web/leaflet/leaflet.js", True),
    ("sample_data/basemap/trujillo.pmtiles", True),
    # Cython sources and type stubs are never read at run time; compiled modules are.
    ("pyarrow/_compute.pyx", False),
    ("pyarrow/lib.pxd", False),
    ("pyarrow/table.pxi", False),
    ("pyproj/list.pyi", False),
    ("pyarrow/lib.cpython-312-x86_64-linux-gnu.so", True),
    ("stationmap/py.typed", True),
])
def test_data_rules(dest, kept):
    assert prune.data_kept(dest) is kept


def entry(dest):
    return (dest, f"/src/{dest}", "BINARY")


def test_libraries_are_kept_only_when_something_kept_links_to_them():
    links = {  # what each file links to (as bindepend.get_imports reports, by file name)
        "/src/PySide6/QtWebEngineWidgets.abi3.so": ["libQt6WebEngineWidgets.so.6", "libc.so.6"],
        "/src/PySide6/Qt/lib/libQt6WebEngineWidgets.so.6": ["libQt6WebEngineCore.so.6"],
        "/src/PySide6/Qt/lib/libQt6WebEngineCore.so.6": ["libQt6Quick.so.6"],
        "/src/PySide6/Qt/plugins/platforms/libqxcb.so": ["libQt6XcbQpa.so.6"],
        "/src/PySide6/Qt/qml/QtQuick3D/libqquick3dplugin.so": ["libQt6Quick3D.so.6"],
        "/src/PySide6/Qt/plugins/imageformats/libqpdf.so": ["libQt6Pdf.so.6"],
        "/src/pyarrow/lib.cpython-312-x86_64-linux-gnu.so": ["libarrow_python.so.2600"],
        "/src/pyarrow/libarrow_python.so.2600": ["libarrow.so.2600"],
    }
    binaries = [entry(dest.removeprefix("/src/")) for dest in links] + [
        entry("PySide6/Qt/lib/libQt6Quick.so.6"), entry("PySide6/Qt/lib/libQt6XcbQpa.so.6"),
        entry("PySide6/Qt/lib/libQt6Quick3D.so.6"), entry("PySide6/Qt/lib/libQt6Pdf.so.6"),
        entry("PySide6/Qt/lib/libQt6Multimedia.so.6"), entry("pyarrow/libarrow.so.2600"),
        entry("pyarrow/libarrow_flight.so.2600"), entry("libgfortran-040039e1.so.5")]
    kept = {Path(e[0]).name for e in prune.prune_binaries(binaries, lambda source: links.get(source, []))}
    assert {"libQt6WebEngineCore.so.6", "libQt6Quick.so.6", "libQt6XcbQpa.so.6", "libqxcb.so",
            "libarrow_python.so.2600", "libarrow.so.2600"} <= kept
    # QML plugins, the PDF image plugin, and what only they (or nothing) linked to, are gone.
    assert not {"libqquick3dplugin.so", "libQt6Quick3D.so.6", "libqpdf.so", "libQt6Pdf.so.6",
                "libQt6Multimedia.so.6", "libarrow_flight.so.2600"} & kept
    assert "libgfortran-040039e1.so.5" in kept   # not a Qt or Arrow library: never pruned by name


def test_windows_names_are_matched_without_regard_to_case():
    links = {"/src/PySide6/QtCore.pyd": ["QT6CORE.DLL"], "/src/PySide6/Qt6Core.dll": []}
    binaries = [entry("PySide6/QtCore.pyd"), entry("PySide6/Qt6Core.dll"), entry("PySide6/Qt6Charts.dll")]
    kept = [e[0] for e in prune.prune_binaries(binaries, lambda source: links.get(source, []))]
    assert kept == ["PySide6/QtCore.pyd", "PySide6/Qt6Core.dll"]


def test_symlinks_to_pruned_libraries_are_dropped():
    kept_library = ("PySide6/Qt/lib/libQt6Core.so.6", "/src/libQt6Core.so.6", "BINARY")
    entries = [kept_library,
               ("libQt6Core.so.6", "PySide6/Qt/lib/libQt6Core.so.6", "SYMLINK"),
               ("libQt6Charts.so.6", "PySide6/Qt/lib/libQt6Charts.so.6", "SYMLINK"),
               ("pyarrow/libarrow.so", "libarrow.so.2600", "SYMLINK")]
    kept = prune.without_dangling_symlinks(entries, [kept_library])
    assert [entry[0] for entry in kept] == ["PySide6/Qt/lib/libQt6Core.so.6", "libQt6Core.so.6"]


@pytest.mark.parametrize("dest, source, platform, left", [
    ("libgtk-3.so.0", "/usr/lib/x86_64-linux-gnu/libgtk-3.so.0", "linux", True),
    ("libstdc++.so.6", "/lib/x86_64-linux-gnu/libstdc++.so.6", "linux", True),
    ("libpulsecommon-16.1.so", "/usr/lib/x86_64-linux-gnu/pulseaudio/libpulsecommon-16.1.so", "linux", True),
    ("libnss3.so", "/usr/lib/x86_64-linux-gnu/libnss3.so", "linux", True),
    # What the interpreter's own modules link to stays with it.
    ("libssl.so.3", "/usr/lib/x86_64-linux-gnu/libssl.so.3", "linux", False),
    ("libsqlite3.so.0", "/usr/lib/x86_64-linux-gnu/libsqlite3.so.0", "linux", False),
    ("libz.so.1", "/lib/x86_64-linux-gnu/libz.so.1", "linux", False),
    # Not from the system: wheels' libraries, the interpreter's libpython.
    ("pyarrow/libarrow.so.2600", "/work/.venv/lib/python3.12/site-packages/pyarrow/libarrow.so.2600", "linux",
     False),
    ("libpython3.12.so.1.0", "/root/.pyenv/versions/3.12.1/lib/libpython3.12.so.1.0", "linux", False),
    # Windows bundles carry everything that is not part of Windows itself (PyInstaller's own rule).
    ("libgtk-3.so.0", "/usr/lib/x86_64-linux-gnu/libgtk-3.so.0", "win32", False),
])
def test_desktop_libraries_are_left_to_the_linux_system(dest, source, platform, left):
    assert prune.left_to_system(dest, source, platform) is left


def test_the_pyarrow_modules_the_bundle_leaves_out_are_not_used_to_import_and_load(tmp_path):
    # An import through the CLI's function and a load of the project it wrote, in a fresh
    # interpreter: none of the excluded pyarrow modules may be imported on the way (the frozen
    # self-test then proves the rest of the app in the bundle itself).
    import json
    import subprocess
    import sys

    code = """
import json, sys
from pathlib import Path
from stationmap.store.import_job import ImportRequest, run
from stationmap.store.project import Project
run(ImportRequest(Path(sys.argv[1]), [Path(sys.argv[2])]))
with Project.open(sys.argv[1]) as project:
    assert len(project.incidents()) > 5000
print(json.dumps(sorted(sys.modules)))
"""
    sample = next((Path(__file__).parents[1] / "sample_data" / "station").glob("*.csv"))
    done = subprocess.run([sys.executable, "-c", code, str(tmp_path / "p.stationmap"), str(sample)],
                          capture_output=True, text=True, timeout=300, check=True)
    loaded = set(json.loads(done.stdout.strip().splitlines()[-1]))
    assert "pyarrow.feather" in loaded and "pyarrow.compute" in loaded
    assert not loaded & set(prune.PYARROW_EXCLUDES)
    assert {"pyarrow.dataset", "pyarrow.parquet", "pyarrow.flight"} <= set(prune.PYARROW_EXCLUDES)


def _unstripped_library() -> Path | None:
    import sys

    for folder in map(Path, sys.path):
        for candidate in sorted(folder.glob("*/*.cpython-*-linux-gnu.so"))[:200]:
            if prune.has_symbol_table(candidate) and candidate.stat().st_size < 5_000_000:
                return candidate
    return None


def test_strip_bundled_strips_checked_copies_but_not_auditwheel_folders(tmp_path):
    import shutil
    import sys

    if not sys.platform.startswith("linux") or shutil.which("strip") is None:
        pytest.skip("strip and ELF files are Linux build tools")
    library = _unstripped_library()
    if library is None:
        pytest.skip("no unstripped extension module found")
    internal = tmp_path / "StationMap" / "_internal"
    (internal / "pkg").mkdir(parents=True)
    (internal / "pkg.libs").mkdir()
    plain, vendored = internal / "pkg" / library.name, internal / "pkg.libs" / library.name
    shutil.copy(library, plain)
    shutil.copy(library, vendored)
    (internal / "pkg" / "data.txt").write_text("not ELF")
    assert prune.loads_aligned(plain) and not prune.has_symbol_table(internal / "pkg" / "data.txt")

    assert prune.strip_bundled(tmp_path / "StationMap") == [plain]
    assert not prune.has_symbol_table(plain) and prune.loads_aligned(plain)
    assert plain.stat().st_size < library.stat().st_size
    assert vendored.read_bytes() == library.read_bytes()
