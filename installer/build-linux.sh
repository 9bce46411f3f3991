#!/usr/bin/env bash
# Build the one-folder Linux bundle of StationMap into installer/dist/, checksum it, and run the
# frozen console app's --self-test under xvfb-run.
#
#   installer/build-linux.sh           full build: bundle, hello baseline, SHA256SUMS, tar.gz/.tar.xz, self-test,
#                                      then benchmarks/startup_bench.py (frozen vs source vs hello)
#   installer/build-linux.sh --quick   bundle + self-test only (CI: no baseline, no tarball)
#
# Environment: PYTHON (default .venv/bin/python of the checkout) must have the app's pinned
# dependencies; installer/requirements-build.txt (PyInstaller, pinned) is installed into it.
# SOURCE_DATE_EPOCH defaults to the last commit's time, so timestamps in the bundle and the
# tarball do not depend on when the build ran.
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(dirname "$HERE")"
PYTHON="${PYTHON:-$ROOT/.venv/bin/python}"
DIST="$HERE/dist"
WORK="$HERE/build"
QUICK=0
[[ "${1:-}" == "--quick" ]] && QUICK=1

export SOURCE_DATE_EPOCH="${SOURCE_DATE_EPOCH:-$(git -C "$ROOT" log -1 --format=%ct 2>/dev/null || echo 1767225600)}"
export PYTHONHASHSEED=0          # PyInstaller's own advice for reproducible bytecode
export QTWEBENGINE_CHROMIUM_FLAGS="${QTWEBENGINE_CHROMIUM_FLAGS:---disable-gpu}"

step() { printf '\n== %s (%s)\n' "$1" "$(date -u +%H:%M:%S)"; }

step "build requirements"
"$PYTHON" -m pip install --quiet --disable-pip-version-check --require-hashes -r "$HERE/requirements-build.txt"

build() {  # build <name> [ENV=VALUE...]: one spec run, timed
    local name="$1"; shift
    local started=$SECONDS
    env "$@" "$PYTHON" -m PyInstaller --noconfirm --clean --log-level WARN \
        --distpath "$DIST" --workpath "$WORK/$name" "$HERE/stationmap.spec"
    echo "build_seconds[$name]=$((SECONDS - started))"
}

step "bundle StationMap"
rm -rf "$DIST/StationMap"
build StationMap
BUNDLE="$DIST/StationMap"

if [[ $QUICK == 0 ]]; then
    step "bundle the hello baseline"
    rm -rf "$DIST/hello"
    build hello STATIONMAP_BUNDLE_HELLO=1
fi

step "sizes"
du -sm "$BUNDLE" | awk '{print "bundle_mb=" $1}'
# sed reads to the end: `head` would close the pipe early and, under pipefail, fail the build (SIGPIPE).
du -sm "$BUNDLE/_internal/"* | sort -rn | sed -n '1,12p'

step "system libraries"
# The bundle leaves the desktop's libraries to the system (bundle_prune.left_to_system): every library
# any bundled file links to must resolve here, from the bundle or the system. `ldd` follows what the
# bootloader sets up (LD_LIBRARY_PATH=_internal) and the Qt libraries' own $ORIGIN run paths.
LINKS="$(cd "$BUNDLE/_internal" && find . -type f \( -name '*.so*' -o -name QtWebEngineProcess \) -print0 \
    | { LD_LIBRARY_PATH="$PWD:$PWD/PySide6/Qt/lib" xargs -0 ldd 2>/dev/null || true; })"
MISSING="$(grep 'not found' <<<"$LINKS" | sort -u || true)"
if [[ -n "$MISSING" ]]; then
    echo "libraries not found (install their packages; .ci/setup lists the Debian ones):" >&2
    echo "$MISSING" >&2
    exit 1
fi
# What the system provides, by Debian package (a reference for installing on another machine).
if command -v dpkg-query >/dev/null; then
    # Merged /usr: ldd may name /lib/... where dpkg registered /usr/lib/... (or the reverse); ask for both.
    grep -o '=> /[^ ]*' <<<"$LINKS" | cut -c4- | grep -v "^$BUNDLE/" | sort -u \
        | sed -E 'p; s#^/usr/lib/#/lib/#; t; s#^/lib/#/usr/lib/#' \
        | xargs -r dpkg-query -S 2>/dev/null | cut -d: -f1 | sort -u > "$DIST/linux-system-packages.txt" || true
    echo "system_packages=$(wc -l < "$DIST/linux-system-packages.txt") (installer/dist/linux-system-packages.txt)"
fi

if [[ $QUICK == 0 ]]; then
    step "checksums and archive"
    # Every file of the bundle, sorted by path, so two builds of the same commit can be compared.
    (cd "$DIST" && find StationMap -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum) > "$DIST/SHA256SUMS"
    tar --sort=name --mtime="@$SOURCE_DATE_EPOCH" --owner=0 --group=0 --numeric-owner \
        -C "$DIST" -cf - StationMap | gzip -n -6 > "$DIST/StationMap-linux-x86_64.tar.gz"
    # xz -9 (64 MB dictionary): the two executables carry the same 18 MB archive of Python modules,
    # which a dictionary that large stores once; the same reason the NSIS installer is solid LZMA.
    tar --sort=name --mtime="@$SOURCE_DATE_EPOCH" --owner=0 --group=0 --numeric-owner \
        -C "$DIST" -cf - StationMap | xz -9 -T2 > "$DIST/StationMap-linux-x86_64.tar.xz"
    (cd "$DIST" && sha256sum StationMap-linux-x86_64.tar.gz StationMap-linux-x86_64.tar.xz >> SHA256SUMS)
    du -m "$DIST/StationMap-linux-x86_64.tar.gz" | awk '{print "tar_gz_mb=" $1}'
    du -m "$DIST/StationMap-linux-x86_64.tar.xz" | awk '{print "tar_xz_mb=" $1}'
fi

step "frozen --self-test"
# A throwaway config folder: the self-test must not touch a real user's settings or recent projects.
SELFTEST_CONFIG="$(mktemp -d)"
trap 'rm -rf "$SELFTEST_CONFIG"' EXIT
if [[ -n "${DISPLAY:-}" ]]; then RUN=(); else RUN=(xvfb-run -a -s "-screen 0 1280x900x24"); fi
STATIONMAP_CONFIG_DIR="$SELFTEST_CONFIG" "${RUN[@]}" "$BUNDLE/stationmap-console" --self-test
echo "self-test passed"

if [[ $QUICK == 0 ]]; then
    step "start-up benchmark"
    "${RUN[@]}" "$PYTHON" "$ROOT/benchmarks/startup_bench.py"
fi
