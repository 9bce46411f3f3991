"""The long-work protocol: ``run(inputs, progress) -> result``.

A long function reports with ``progress(fraction, message)``; the callback may
raise `Cancelled` to stop it. The function knows nothing of threads, so it is
tested without Qt and reused unchanged by the CLI and the UI worker.
"""

from __future__ import annotations

from typing import Callable, Protocol


class Cancelled(Exception):
    """Raised by a progress callback when the user asked to stop."""


class Progress(Protocol):
    def __call__(self, fraction: float, message: str = "", /) -> None: ...


ProgressFn = Callable[[float, str], None]


def no_progress(fraction: float, message: str = "") -> None:
    """A progress callback that ignores everything (scripts, tests)."""


def sub_progress(progress: Progress, start: float, end: float) -> Progress:
    """Map a sub-task's 0..1 onto ``start..end`` of its parent's progress."""
    span = end - start

    def report(fraction: float, message: str = "") -> None:
        clamped = min(max(fraction, 0.0), 1.0)
        progress(start + span * clamped, message)

    return report


class CancelToken:
    """A flag a UI sets; `checking(progress)` turns it into `Cancelled`."""

    def __init__(self) -> None:
        self._cancelled = False

    def cancel(self) -> None:
        self._cancelled = True

    @property
    def cancelled(self) -> bool:
        return self._cancelled

    def checking(self, progress: Progress) -> Progress:
        def report(fraction: float, message: str = "") -> None:
            if self._cancelled:
                raise Cancelled()
            progress(fraction, message)

        return report
