"""Domain types, coded errors, the progress/cancel protocol and settings.

Nothing here does I/O or imports Qt, pandas or other heavy libraries, so every
layer above can use it and it is tested in milliseconds.
"""
