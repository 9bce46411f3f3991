#!/usr/bin/env bash
# Build the one-folder Linux bundle of StationMap into installer/dist/, checksum it, and run the
# frozen console app's --self-test under xvfb-run.
#
#   installer/build-linux.sh           full build: bundle, hello baseline, SHA256SUMS, tar.gz, self-test,
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

if [[ $QUICK == 0 ]]; then
    step "checksums and archive"
    # Every file of the bundle, sorted by path, so two builds of the same commit can be compared.
    (cd "$DIST" && find StationMap -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum) > "$DIST/SHA256SUMS"
    tar --sort=name --mtime="@$SOURCE_DATE_EPOCH" --owner=0 --group=0 --numeric-owner \
        -C "$DIST" -cf - StationMap | gzip -n -6 > "$DIST/StationMap-linux-x86_64.tar.gz"
    (cd "$DIST" && sha256sum StationMap-linux-x86_64.tar.gz >> SHA256SUMS)
    du -m "$DIST/StationMap-linux-x86_64.tar.gz" | awk '{print "tar_gz_mb=" $1}'
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
