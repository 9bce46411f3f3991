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
