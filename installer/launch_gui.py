"""Entry point of the windowed `StationMap` executable: `StationMap [PROJECT.stationmap]`.

The file association passes the double-clicked project as the only argument.
"""

from stationmap.app import main

if __name__ == "__main__":
    main()
