"""The packaging files agree with each other and with the code (no Wine, no PyInstaller needed)."""

from __future__ import annotations

import re
from pathlib import Path

from stationmap import __version__

ROOT = Path(__file__).resolve().parents[1]
INSTALLER = ROOT / "installer"


def test_the_workflow_copy_github_runs_is_the_reviewed_one():
    reviewed = (INSTALLER / "windows-build.yml").read_text(encoding="utf-8")
    assert (ROOT / ".github" / "workflows" / "windows-build.yml").read_text(encoding="utf-8") == reviewed
    # The smoke test runs on the bundle and again on the installed copy.
    assert len(re.findall(r"stationmap-console\.exe\"? --self-test", reviewed)) == 2
    assert "runs-on: windows-latest" in reviewed and "_?=$program" in reviewed


def test_build_requirements_are_pinned_with_hashes():
    lines = (INSTALLER / "requirements-build.txt").read_text(encoding="utf-8").splitlines()
    requirements = [line for line in lines if line and not line.startswith((" ", "#"))]
    assert requirements and all(re.match(r"^[\w.-]+==[\w.]+( ;.*)? \\$", line) for line in requirements)
    assert sum("--hash=sha256:" in line for line in lines) >= len(requirements)


def test_version_resource_follows_the_package_version():
    import importlib.util

    spec = importlib.util.spec_from_file_location("version_info", INSTALLER / "version_info.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.package_version(ROOT) == __version__
    assert module.version_numbers("0.1.0") == (0, 1, 0, 0)
    assert module.version_numbers("1.2.3rc1") == (1, 2, 3, 0)


def test_installer_keeps_user_data_and_installs_per_user():
    nsi = (INSTALLER / "stationmap.nsi").read_text(encoding="utf-8")
    assert "RequestExecutionLevel user" in nsi and '"$LOCALAPPDATA\\Programs\\${APP_NAME}"' in nsi
    uninstall = nsi[nsi.index('Section "Uninstall"'):]
    # Removal is limited to the program's own files: no recursive delete of the install folder,
    # nothing under Documents or the settings folder.
    assert 'RMDir /r "$INSTDIR"' not in uninstall and "$DOCUMENTS" not in uninstall
    assert "$APPDATA" not in uninstall and "HKLM" not in nsi
    assert '!insertmacro MUI_LANGUAGE "Spanish"' in nsi and '!insertmacro MUI_LANGUAGE "English"' in nsi


def test_icons_are_rendered_from_the_svg_at_every_windows_size():
    from PIL import Image

    icons = ROOT / "resources" / "icons"
    png = Image.open(icons / "stationmap.png")
    assert png.size == (256, 256) and png.mode == "RGBA"
    assert png.getpixel((0, 0))[3] == 0 and png.getpixel((128, 128))[3] == 255  # rounded corners, solid middle
    ico = Image.open(icons / "stationmap.ico")
    assert {(16, 16), (32, 32), (48, 48), (256, 256)} <= set(ico.info["sizes"])
    # The .exe, the installer and its uninstaller all carry the same icon.
    assert 'ICON = None if HELLO else str(ROOT / "resources" / "icons" / "stationmap.ico")' in (
        INSTALLER / "stationmap.spec").read_text(encoding="utf-8")
    nsi = (INSTALLER / "stationmap.nsi").read_text(encoding="utf-8")
    assert '!define MUI_ICON "..\\resources\\icons\\stationmap.ico"' in nsi and "MUI_UNICON" in nsi


def test_windows_get_the_application_icon(qapp):
    from stationmap.ui.app_icon import app_icon

    icon = app_icon()
    assert not icon.isNull() and icon.pixmap(32, 32).width() == 32
