"""What the StationMap bundle leaves out, as plain functions over PyInstaller's (dest, source, kind) entries.

Used by stationmap.spec and tested by tests/test_installer_prune.py. Each rule removes something a
build + --self-test has shown the app does not use:

- QML: QtWebEngineCore links against QtQml/QtQuick, so PySide6's hooks collect every QML plugin and
  the libraries they need (Quick3D, Controls styles, Charts, Multimedia, ...). The widgets-based map
  uses none of them: the QML folder goes, and only Qt libraries that a kept binary links to stay.
- pyarrow: the app uses csv, compute and ipc/feather; Flight, S3/GCS/Azure/HDFS file systems,
  Substrait, ORC, parquet, dataset and acero Python modules are excluded. libarrow_python links
  libparquet, libarrow_dataset, libarrow_acero and libarrow_substrait, so those libraries stay.
- Chromium locales, Qt catalogs: Spanish and English only. DevTools resources: never opened.
- Cython sources and type stubs (.pyx, .pxd, .pxi, .pyi) that packages ship beside their modules.
- Linux only: the desktop's own libraries (C++ runtime, X11/xcb, Mesa, fontconfig, GLib/GTK, sound,
  printing, NSS) that PyInstaller copies from the build machine's /usr/lib. The Linux bundle runs on
  the machine it was built on and on Debian-like machines with the same packages, where the system's
  copies are the same files; a bundled copy adds nothing there and can break the system's own
  plug-ins (a Mesa driver that needs a newer libstdc++, a GTK input module that needs a newer GLib).
  What the interpreter itself was built against (OpenSSL, SQLite, libffi, zlib, ...) stays bundled.
"""

from __future__ import annotations

import posixpath
from pathlib import Path, PurePath
from typing import Callable, Iterable

KEEP_LANGUAGES = ("es", "en")
# Python modules of pyarrow the app never imports (each drags a large library in).
PYARROW_EXCLUDES = ["pyarrow._azurefs", "pyarrow._gcsfs", "pyarrow._hdfs", "pyarrow.flight", "pyarrow._flight", "pyarrow._s3fs", "pyarrow.substrait",
                    "pyarrow._substrait", "pyarrow.orc", "pyarrow._orc", "pyarrow.cuda", "pyarrow._cuda",
                    "pyarrow.gandiva", "pyarrow.tests", "pyarrow.parquet", "pyarrow._parquet",
                    "pyarrow._parquet_encryption", "pyarrow._dataset_parquet",
                    "pyarrow._dataset_parquet_encryption", "pyarrow._dataset_orc", "pyarrow.acero",
                    "pyarrow.interchange", "pyarrow.dataset", "pyarrow._dataset", "pyarrow._acero"]
# Test suites and sources shipped inside packages.
DATA_FOLDERS_DROPPED = (("pyarrow", "include"), ("pyarrow", "src"), ("pyarrow", "tests"),
                        ("pandas", "tests"))
DEVTOOLS = "qtwebengine_devtools_resources"
# Compiled-module sources and stubs: never read at run time.
SOURCE_SUFFIXES = (".pyx", ".pxd", ".pxi", ".pyi")
# Python modules of other packages the app never imports, with the libraries they alone drag in
# (Pillow's AVIF codec: libavif, ~5 MB; reportlab only ever hands Pillow PNG and JPEG).
OTHER_EXCLUDES = ["PIL._avif"]
# Where a Linux build machine keeps the system's libraries.
SYSTEM_LIBRARY_DIRS = ("/lib/", "/lib64/", "/usr/lib/", "/usr/lib64/", "/usr/local/lib/")
# System libraries that stay bundled: what Python's own extension modules (lib-dynload) were linked
# against when the interpreter was built, so `_ssl`, `_sqlite3`, `_ctypes`... load the exact copies
# they were tested with.
INTERPRETER_LIBRARIES = ("libssl.so", "libcrypto.so", "libsqlite3.so", "libffi.so", "libbz2.so",
                         "liblzma.so", "libuuid.so", "libreadline.so", "libtinfo.so", "libz.so")
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
    if path.suffix.lower() in SOURCE_SUFFIXES:
        return False
    return language_kept(dest)


def left_to_system(dest: str, source: str, platform: str) -> bool:
    """True for a library PyInstaller took from a Linux build machine's system folders that the
    target system provides itself (everything but INTERPRETER_LIBRARIES). Never on Windows or macOS:
    their bundles must carry every library that is not part of the operating system."""
    if not platform.startswith("linux"):
        return False
    if not source.startswith(SYSTEM_LIBRARY_DIRS):
        return False
    name = _path(dest).name
    return not any(name.startswith(kept) for kept in INTERPRETER_LIBRARIES)


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


# auditwheel's vendored copies (numpy.libs, scipy.libs, ...) were rewritten by patchelf; strip can
# turn those into files the loader refuses, so they are left as they come.
NOT_STRIPPED_FOLDERS = (".libs",)
ELF_MAGIC = b"\x7fELF"
SHT_SYMTAB, PT_LOAD = 2, 1


def _elf64(path: Path) -> bytes | None:
    with path.open("rb") as handle:
        head = handle.read(64)
        if len(head) < 64 or head[:4] != ELF_MAGIC or head[4] != 2 or head[5] != 1:  # 64-bit little-endian
            return None
        handle.seek(0)
        return handle.read()


def has_symbol_table(path: Path) -> bool:
    """True for a 64-bit ELF file that still carries a .symtab section (what `strip` removes)."""
    import struct

    data = _elf64(path)
    if data is None:
        return False
    shoff, = struct.unpack_from("<Q", data, 0x28)
    shentsize, shnum = struct.unpack_from("<HH", data, 0x3A)
    return any(struct.unpack_from("<I", data, shoff + i * shentsize + 4)[0] == SHT_SYMTAB
               for i in range(shnum) if shoff + (i + 1) * shentsize <= len(data))


def loads_aligned(path: Path) -> bool:
    """The check the dynamic loader makes: every PT_LOAD segment's file offset and address agree
    modulo its alignment (a badly stripped file fails it: "ELF load command address/offset not
    page-aligned")."""
    import struct

    data = _elf64(path)
    if data is None:
        return False
    phoff, = struct.unpack_from("<Q", data, 0x20)
    phentsize, phnum = struct.unpack_from("<HH", data, 0x36)
    for i in range(phnum):
        p_type, _flags, offset, vaddr, _paddr, _filesz, _memsz, align = struct.unpack_from(
            "<IIQQQQQQ", data, phoff + i * phentsize)
        if p_type == PT_LOAD and align > 1 and offset % align != vaddr % align:
            return False
    return True


def strippable(path: Path, internal: Path) -> bool:
    relative = path.relative_to(internal)
    if any(part.endswith(NOT_STRIPPED_FOLDERS) for part in relative.parts[:-1]):
        return False
    return path.is_file() and not path.is_symlink() and has_symbol_table(path)


def strip_bundled(bundle: Path) -> list[Path]:
    """`strip --strip-unneeded` every ELF file under the bundle's _internal folder that still has a
    symbol table (the interpreter, its extension modules, pyarrow, pyproj, ...: ~30 MB), except
    auditwheel's vendored libraries. Each result must pass `loads_aligned`, else the original stays."""
    import os
    import subprocess

    internal = bundle / "_internal"
    stripped = []
    for path in sorted(internal.rglob("*")):
        if not strippable(path, internal):
            continue
        temporary = path.with_name(path.name + ".stripping")
        result = subprocess.run(["strip", "--strip-unneeded", "-o", str(temporary), str(path)],
                                capture_output=True)
        if result.returncode == 0 and loads_aligned(temporary):
            os.chmod(temporary, path.stat().st_mode)
            os.replace(temporary, path)
            stripped.append(path)
        else:
            temporary.unlink(missing_ok=True)
    return stripped


def pyinstaller_imports(source: str) -> list[str]:
    """bindepend.get_imports as plain names (it returns (name, resolved path) pairs)."""
    from PyInstaller.depend import bindepend

    return [name for name, _resolved in bindepend.get_imports(source)]
