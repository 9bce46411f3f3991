"""Lines for a terminal that may stop reading: `stationmap import … | head -2`, `stationmap --self-test | head -1`.

A closed pipe shows up where a line is printed (`say` raises `ReaderGone`), not in Python's flush at exit,
which would print its own complaint; `discard_stdout` then drops what is still buffered. The command line
ends quietly once its work is done (cli.py says why with exit code 0); the self-test goes on to its end,
so that its exit code still tells whether the installation works.
"""

from __future__ import annotations

import os
import sys


class ReaderGone(Exception):
    """Standard output was closed by whoever read it (`| head`)."""


def say(text: str) -> None:
    """One line of output, sent at once."""
    try:
        print(text, flush=True)
    except BrokenPipeError:
        raise ReaderGone from None


def discard_stdout() -> None:
    """Point standard output at the null device, so that what is still buffered for the closed pipe is
    dropped at exit instead of failing again (the recipe of Python's documentation on SIGPIPE)."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):   # not a real file (a test's capture): nothing to drop
        pass


def complain(text: str) -> None:
    """One line on stderr; when stderr is a closed pipe too there is no one left to tell."""
    try:
        print(text, file=sys.stderr, flush=True)
    except (BrokenPipeError, ValueError):
        pass
