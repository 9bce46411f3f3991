"""The Windows version resource of StationMap's executables (Explorer > Properties > Details).

Built as a VSVersionInfo object straight from the package version, so no generated text file can
go stale between builds. Used by stationmap.spec on Windows only.
"""

from __future__ import annotations

import re
from pathlib import Path

PRODUCT = "StationMap"
COMPANY = "StationMap contributors"
LANGUAGE_CODEPAGES = (("0C0A04B0", 0x0C0A), ("040904B0", 0x0409))   # Spanish (modern sort), English (US); UTF-16


def package_version(root: Path) -> str:
    """`__version__` of src/stationmap without importing the package (the spec runs before it is built)."""
    text = (root / "src" / "stationmap" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'^__version__\s*=\s*["\']([^"\']+)["\']', text, re.MULTILINE)
    if match is None:
        raise ValueError("no __version__ in src/stationmap/__init__.py")
    return match.group(1)


def version_numbers(version: str) -> tuple[int, int, int, int]:
    """'0.1.0' -> (0, 1, 0, 0); pre-release tails ('0.2.0rc1') keep their numeric part."""
    numbers = [int(re.match(r"\d+", part).group()) for part in version.split(".")[:4] if re.match(r"\d+", part)]
    return tuple((numbers + [0, 0, 0, 0])[:4])


def version_info(version: str, exe_name: str, description: str):
    from PyInstaller.utils.win32.versioninfo import (FixedFileInfo, StringFileInfo, StringStruct, StringTable,
                                                     VarFileInfo, VarStruct, VSVersionInfo)

    numbers = version_numbers(version)
    strings = [StringStruct("CompanyName", COMPANY), StringStruct("FileDescription", description),
               StringStruct("FileVersion", version), StringStruct("InternalName", exe_name),
               StringStruct("LegalCopyright", f"MIT License, {COMPANY}"),
               StringStruct("OriginalFilename", f"{exe_name}.exe"), StringStruct("ProductName", PRODUCT),
               StringStruct("ProductVersion", version)]
    return VSVersionInfo(
        ffi=FixedFileInfo(filevers=numbers, prodvers=numbers, mask=0x3F, flags=0x0, OS=0x40004, fileType=0x1,
                          subtype=0x0, date=(0, 0)),
        kids=[StringFileInfo([StringTable(code, strings) for code, _ in LANGUAGE_CODEPAGES]),
              VarFileInfo([VarStruct("Translation", [value for _, language in LANGUAGE_CODEPAGES
                                                     for value in (language, 1200)])])])
