"""The Windows installer (installer/stationmap.nsi), compiled with Debian's makensis and run under Wine.

Each test gets a throwaway Wine prefix (and HOME: Wine links Documents to it). The installer is
`$STATIONMAP_INSTALLER` when set (e.g. build-windows.sh's stand-in around the Linux bundle), else it
is compiled here around a purpose-made miniature bundle, which is all the installer logic needs.
Skipped cleanly where makensis or wine is not installed (apt-get install nsis wine).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NSI = ROOT / "installer" / "stationmap.nsi"
VERSION = "0.1.0"
INSTALL_SUBDIR = Path("AppData") / "Local" / "Programs" / "StationMap"
UNINSTALL_KEY = r"HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\StationMap"
MUTEX = r"Local\StationMap.Running"

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not (shutil.which("makensis") and shutil.which("wine")),
                                 reason="needs makensis and wine (apt-get install nsis wine)")]


def makensis(script: Path, *defines: str) -> None:
    result = subprocess.run(["makensis", "-V2", "-WX", *defines, str(script)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.fixture(scope="module")
def installer(tmp_path_factory) -> Path:
    given = os.environ.get("STATIONMAP_INSTALLER")
    if given:
        return Path(given)
    folder = tmp_path_factory.mktemp("installer")
    bundle = folder / "bundle"
    (bundle / "_internal" / "resources" / "web").mkdir(parents=True)
    (bundle / "StationMap.exe").write_bytes(b"MZ stand-in windowed app")
    (bundle / "stationmap-console.exe").write_bytes(b"MZ stand-in console app")
    (bundle / "_internal" / "resources" / "web" / "leaflet.js").write_text("/* leaflet */")
    # PyInstaller 6 puts every data file, the licences included, under _internal.
    shutil.copy(ROOT / "LICENSE", bundle / "_internal")
    shutil.copy(ROOT / "THIRD_PARTY_NOTICES.md", bundle / "_internal")
    out = folder / "StationMap-setup-test.exe"
    makensis(NSI, f"-DVERSION={VERSION}", f"-DBUNDLE_DIR={bundle}", f"-DOUTFILE={out}", "-DCOMPRESSOR=zlib")
    return out


class Wine:
    """One throwaway Wine prefix with its own HOME (so Documents is inside the test's folder)."""

    def __init__(self, folder: Path) -> None:
        self.home = folder / "home"
        self.home.mkdir()
        self.env = dict(os.environ, HOME=str(self.home), WINEPREFIX=str(folder / "prefix"), WINEDEBUG="-all",
                        WINEDLLOVERRIDES="mscoree,mshtml=")   # no Mono/Gecko install prompts
        # Creating a prefix on this shared machine failed once in CI ("could not load kernel32.dll",
        # exit 53) and worked on the next try: the prefix is set-up, not what is tested, so it gets
        # a second chance, from scratch, and must work then.
        if self.run("wineboot", "--init", check=False).returncode != 0:
            subprocess.run(["wineserver", "-k"], env=self.env, capture_output=True, timeout=60)
            shutil.rmtree(self.env["WINEPREFIX"], ignore_errors=True)
            self.run("wineboot", "--init")
        self.user = self.prefix_path("drive_c", "users") / os.environ.get("USER", "root")
        if not self.user.exists():
            self.user = next(p for p in self.prefix_path("drive_c", "users").iterdir() if p.name != "Public")

    def prefix_path(self, *parts: str) -> Path:
        return Path(self.env["WINEPREFIX"]).joinpath(*parts)

    def run(self, *command: str, check: bool = True) -> subprocess.CompletedProcess:
        result = subprocess.run(["wine", *command], env=self.env, capture_output=True, text=True, timeout=300)
        if check:
            assert result.returncode == 0, (command, result.returncode, result.stdout, result.stderr)
        return result

    def reg(self, key: str, value: str | None = None) -> str | None:
        """`reg query` output for a key (or one value), None when it does not exist."""
        args = ["reg", "query", key] + (["/v", value] if value else [])
        result = self.run(*args, check=False)
        return result.stdout if result.returncode == 0 else None

    @property
    def install_dir(self) -> Path:
        return self.user / INSTALL_SUBDIR

    def windows_path(self, path: Path) -> str:
        relative = path.relative_to(self.prefix_path("drive_c"))
        return "C:\\" + str(relative).replace("/", "\\")


@pytest.fixture
def wine(tmp_path) -> Wine:
    return Wine(tmp_path)


def test_silent_install_is_per_user_with_shortcut_association_and_uninstall_entry(wine, installer):
    wine.run(str(installer), "/S")
    program = wine.install_dir
    assert (program / "StationMap.exe").is_file() and (program / "stationmap-console.exe").is_file()
    assert (program / "_internal" / "resources" / "web").is_dir()
    assert (program / "Uninstall.exe").is_file() and (program / "_internal" / "LICENSE").is_file()
    shortcut = wine.user / "AppData" / "Roaming" / "Microsoft" / "Windows" / "Start Menu" / "Programs"
    assert (shortcut / "StationMap.lnk").is_file()
    # Nothing went where only an administrator may write.
    assert not (wine.prefix_path("drive_c", "Program Files", "StationMap")).exists()

    assert "StationMap.Project" in wine.reg(r"HKCU\Software\Classes\.stationmap")
    command = wine.reg(r"HKCU\Software\Classes\StationMap.Project\shell\open\command")
    assert f'"{wine.windows_path(program / "StationMap.exe")}" "%1"' in command
    entry = wine.reg(UNINSTALL_KEY)
    assert "DisplayName    REG_SZ    StationMap" in entry and f"DisplayVersion    REG_SZ    {VERSION}" in entry
    assert f'"{wine.windows_path(program / "Uninstall.exe")}" /S' in entry
    assert wine.windows_path(program) in wine.reg(UNINSTALL_KEY, "InstallLocation")
    assert wine.reg(r"HKLM\Software\Microsoft\Windows\CurrentVersion\Uninstall\StationMap") is None


def test_uninstaller_removes_the_program_and_keeps_projects_and_settings(wine, installer):
    wine.run(str(installer), "/S")
    documents = wine.user / "Documents"
    documents.mkdir(exist_ok=True)
    project = documents / "comisaria_el_porvenir.stationmap"
    project.write_bytes(b"SQLite format 3\x00 a user's project")
    settings = wine.user / "AppData" / "Roaming" / "StationMap" / "stationmap.ini"
    settings.parent.mkdir(parents=True)
    settings.write_text("[app]\n", encoding="utf-8")
    program = wine.install_dir
    # _?= runs the uninstaller in place and waits for it (else it copies itself to TEMP and returns).
    wine.run(str(program / "Uninstall.exe"), "/S", f"_?={wine.windows_path(program)}")

    assert sorted(p.name for p in program.iterdir()) == ["Uninstall.exe"]   # it cannot delete itself in place
    assert project.read_bytes().endswith(b"a user's project") and settings.is_file()
    start_menu = wine.user / "AppData" / "Roaming" / "Microsoft" / "Windows" / "Start Menu" / "Programs"
    assert not (start_menu / "StationMap.lnk").exists()
    assert wine.reg(UNINSTALL_KEY) is None
    assert wine.reg(r"HKCU\Software\Classes\.stationmap") is None
    assert wine.reg(r"HKCU\Software\Classes\StationMap.Project") is None


MUTEX_HOLDER = r"""
Target amd64-unicode
OutFile "{out}"
RequestExecutionLevel user
SilentInstall silent
Section
  System::Call 'kernel32::CreateMutexW(p 0, i 1, w "{mutex}") p .r0'
  FileOpen $1 "{ready}" w
  FileClose $1
  Sleep 60000
SectionEnd
"""


def test_installer_refuses_while_stationmap_is_running(wine, installer, tmp_path):
    """A stand-in for the running app holds its mutex; the silent install stops with code 2, installs nothing."""
    ready = tmp_path / "holder-ready"
    script = tmp_path / "holder.nsi"
    ready_on_z = "Z:" + str(ready).replace("/", "\\")   # Wine maps the Unix root to drive Z:
    script.write_text(MUTEX_HOLDER.format(out=tmp_path / "holder.exe", mutex=MUTEX, ready=ready_on_z),
                      encoding="utf-8")
    makensis(script)
    holder = subprocess.Popen(["wine", str(tmp_path / "holder.exe")], env=wine.env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while not ready.exists():   # a plain subprocess, no Qt: polling a file is the simple way
            assert time.monotonic() < deadline and holder.poll() is None, "mutex holder did not start"
            time.sleep(0.2)
        result = wine.run(str(installer), "/S", check=False)
    finally:
        holder.kill()
        subprocess.run(["wineserver", "-k"], env=wine.env, check=False)
        holder.wait()
    assert result.returncode == 2
    assert not (wine.install_dir / "StationMap.exe").exists()
    assert wine.reg(UNINSTALL_KEY) is None
