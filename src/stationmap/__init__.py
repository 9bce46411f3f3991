"""StationMap: offline crime mapping and patrol planning for police stations."""

import os as _os

__version__ = "0.1.0"

# Arrow's default allocator (mimalloc) made the first million-row import of a session
# 1.2-1.5 s slower than later ones (3.7-3.9 s against 2.3-2.6 s with the C library's
# allocator, same machine, six runs): a station imports once per session, so the first
# run is the one that counts. Read by pyarrow when it loads; a user's own setting wins.
_os.environ.setdefault("ARROW_DEFAULT_MEMORY_POOL", "system")
