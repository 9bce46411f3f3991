"""PyInstaller runtime hook: point StationMap's resource lookups at the bundled copies.

maps.assets.web_root() honours STATIONMAP_WEB_ROOT; store.sample.sample_data_dir() already looks in
sys._MEIPASS. setdefault keeps an explicit override (support staff testing new assets) working.
"""

import os
import sys

os.environ.setdefault("STATIONMAP_WEB_ROOT", os.path.join(sys._MEIPASS, "resources", "web"))
