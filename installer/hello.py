"""The start-up baseline: the smallest PySide6 + QtWebEngine window, bundled like StationMap.

`hello --measure` prints the seconds from process start to the first finished page load, then exits.
benchmarks/startup_bench.py compares StationMap's cold start to a drawn map against it.
"""

import os
import sys
import time

STARTED = time.monotonic()


def main() -> int:
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
    from PySide6.QtWebEngineWidgets import QWebEngineView
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    view = QWebEngineView()
    view.resize(1000, 700)

    def loaded(ok: bool) -> None:
        print(f"hello loaded={ok} seconds={time.monotonic() - STARTED:.3f}", flush=True)
        if "--measure" in sys.argv:
            app.quit()

    view.loadFinished.connect(loaded)
    view.setHtml("<html><body><h1>Hola</h1><canvas id=c width=400 height=300></canvas>"
                 "<script>c.getContext('2d').fillRect(10, 10, 100, 100)</script></body></html>")
    view.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
