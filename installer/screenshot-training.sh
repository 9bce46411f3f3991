#!/usr/bin/env bash
# Screenshot of the frozen app with the training panel open, under a private Xvfb display: the
# evidence issue 8 asks for, taken the way a trainer gets there (Ayuda → Modo capacitación).
#
#   installer/screenshot-training.sh [OUT.png]     (default installer/dist/training-panel.png)
#
# Needs the bundle of build-linux.sh, Xvfb, xdotool and ImageMagick's `import`.
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
APP="$HERE/dist/StationMap/StationMap"
OUT="${1:-$HERE/dist/training-panel.png}"
[[ -x "$APP" ]] || { echo "no bundle at $APP: run installer/build-linux.sh first" >&2; exit 2; }
for tool in Xvfb xdotool import; do
    command -v "$tool" >/dev/null || { echo "needs $tool" >&2; exit 2; }
done

SCRATCH="$(mktemp -d)"
DISPLAY_NUMBER=$((90 + RANDOM % 100))
export DISPLAY=":$DISPLAY_NUMBER"
Xvfb "$DISPLAY" -screen 0 1366x768x24 -nolisten tcp >/dev/null 2>&1 &
XVFB=$!
APP_PID=""
cleanup() {
    [[ -n "$APP_PID" ]] && kill "$APP_PID" 2>/dev/null || true
    kill "$XVFB" 2>/dev/null || true
    rm -rf "$SCRATCH"
}
trap cleanup EXIT
sleep 1

# A throwaway config folder: the training copy and the settings go there, not to a real user's.
STATIONMAP_CONFIG_DIR="$SCRATCH" QTWEBENGINE_CHROMIUM_FLAGS="${QTWEBENGINE_CHROMIUM_FLAGS:---disable-gpu}" \
    "$APP" >"$SCRATCH/app.log" 2>&1 &
APP_PID=$!
WINDOW=""
for _ in $(seq 60); do
    # --onlyvisible: Qt also names a hidden 1x1 leader window after the application, and which of
    # the two X creates first is no promise.
    WINDOW="$(xdotool search --onlyvisible --name '^StationMap$' 2>/dev/null | head -n1 || true)"
    [[ -n "$WINDOW" ]] && break
    sleep 0.5
done
[[ -n "$WINDOW" ]] || { echo "the window never appeared" >&2; cat "$SCRATCH/app.log" >&2; exit 1; }
xdotool windowsize "$WINDOW" 1366 768 windowmove "$WINDOW" 0 0
sleep 1
# Ayuda (Alt+Y) → its first item, "Modo capacitación".
xdotool windowactivate --sync "$WINDOW" 2>/dev/null || xdotool windowfocus "$WINDOW"
xdotool key --window "$WINDOW" alt+y
sleep 0.5
xdotool key Return
# The training copy is built, opened, and the map drawn.
for _ in $(seq 60); do
    TITLE="$(xdotool getwindowname "$WINDOW" 2>/dev/null || true)"
    [[ "$TITLE" == *" — StationMap" ]] && break
    sleep 0.5
done
sleep 15   # the first start after a build reads ~500 MB from disk
import -window root "$OUT"
echo "screenshot: $OUT (window title: ${TITLE:-?})"
