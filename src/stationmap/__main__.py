"""`python -m stationmap` is the `stationmap` command."""

import sys

from stationmap.cli import main

sys.exit(main())
