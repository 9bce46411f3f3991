"""Entry point of the console twin `stationmap-console` (support staff, scripts, `--self-test`).

`--self-test` is answered here so the frozen bundle can run it even before the command line
(stationmap.cli) offers the flag; `--startup-probe PROJECT` serves benchmarks/startup_bench.py.
Every other argument goes to the normal command line.
"""

import sys
from pathlib import Path

if __name__ == "__main__":
    if sys.argv[1:] == ["--self-test"]:
        from stationmap.selftest import run

        sys.exit(run())
    if sys.argv[1:2] == ["--startup-probe"] and len(sys.argv) == 3:
        from stationmap.ui.startup import pause_garbage_collection

        pause_garbage_collection()   # as the windowed app does first thing (app.run_gui)
        from stationmap.selftest import startup_probe

        sys.exit(startup_probe(Path(sys.argv[2])))
    from stationmap.cli import main

    sys.exit(main())
