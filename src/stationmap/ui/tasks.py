"""Run a long ``run(inputs, progress)`` function on the thread pool, one task per owner.

The long function knows nothing of Qt (DESIGN.md section 3). A `TaskRunner`
belongs to one owner (a window, a panel): starting a new task cancels the one
still running, and only the newest task's signals reach the owner, so a slow
old result can never overwrite a newer one. Results, errors and progress come
back through queued signals on the owner's thread; an owner passes `failed`
errors to `error_display.show_error`, which logs unexpected ones with their
traceback and shows every one translated.
"""

from __future__ import annotations

import time
from typing import Any, Callable

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressBar, QProgressDialog, QPushButton, QStyle, QWidget
from shiboken6 import isValid

from stationmap.core.progress import CancelToken, Cancelled, Progress

LongFunction = Callable[[Any, Progress], Any]

# Progress from a tight loop would flood the event queue; this many seconds between reports is plenty.
_PROGRESS_INTERVAL = 0.05
# The progress dialog's width in average characters: room for "Guardando <archivo>: 12,345 de 67,890
# filas…"; longer messages are elided rather than allowed to widen it.
_DIALOG_CHARS = 52


class _TaskSignals(QObject):
    """Lives on the owner's thread; emitted from the worker thread, so delivery is queued."""

    progressed = Signal(float, str)
    succeeded = Signal(object)
    failed = Signal(object)
    cancelled = Signal()
    finished = Signal()


class _Task(QRunnable):
    def __init__(self, function: LongFunction, inputs: Any, token: CancelToken,
                 signals: _TaskSignals) -> None:
        super().__init__()
        self._function = function
        self._inputs = inputs
        self._token = token
        self._signals = signals
        self._last_report = 0.0

    def _report(self, fraction: float, message: str = "") -> None:
        now = time.monotonic()
        if now - self._last_report >= _PROGRESS_INTERVAL or fraction >= 1.0:
            self._last_report = now
            self._emit("progressed", float(fraction), message)

    def _emit(self, name: str, *args: Any) -> None:
        """Tell the owner, unless it is gone (a window closed while its task ran): nobody to tell."""
        if not isValid(self._signals):
            return
        try:
            getattr(self._signals, name).emit(*args)
        except RuntimeError:  # deleted between the check and the emit ("Signal source has been deleted")
            pass

    def run(self) -> None:
        try:
            result = self._function(self._inputs, self._token.checking(self._report))
        except Cancelled:
            self._emit("cancelled")
        except Exception as error:  # every failure must reach the owner, never die in the pool
            # The owner shows it with error_display.show_error, which logs the traceback once.
            self._emit("failed", error)
        else:
            # A function that returned has done its work, even if asked to stop after its last report
            # (an import committing): `stop` lets the owner hear that; after `cancel` it is ignored.
            self._emit("succeeded", result)
        finally:
            self._emit("finished")


class TaskRunner(QObject):
    """One concurrent task per owner; a new `start` cancels the previous task."""

    progressed = Signal(float, str)   # fraction 0..1, message
    succeeded = Signal(object)        # the function's result
    failed = Signal(object)           # the exception (StationMapError or anything else)
    cancelled = Signal()
    finished = Signal()               # after succeeded/failed/cancelled

    def __init__(self, parent: QObject | None = None, pool: QThreadPool | None = None) -> None:
        super().__init__(parent)
        if pool is None:
            pool = QThreadPool(self)
            # A cancelled task may still be winding down beside its successor.
            pool.setMaxThreadCount(4)
        self._pool = pool
        self._generation = 0
        self._token: CancelToken | None = None
        self._running: dict[int, _TaskSignals] = {}

    def start(self, function: LongFunction, inputs: Any) -> None:
        self.cancel()
        self._generation += 1
        generation = self._generation
        token = CancelToken()
        signals = _TaskSignals()
        task = _Task(function, inputs, token, signals)
        self._token = token
        self._running[generation] = signals
        signals.progressed.connect(lambda f, m: self._forward(generation, self.progressed, f, m))
        signals.succeeded.connect(lambda r: self._forward(generation, self.succeeded, r))
        signals.failed.connect(lambda e: self._forward(generation, self.failed, e))
        signals.cancelled.connect(lambda: self._forward(generation, self.cancelled))
        signals.finished.connect(lambda: self._on_finished(generation))
        # An owner closed mid-task (window, panel) stops the work at its next progress report.
        self.destroyed.connect(token.cancel)
        self._pool.start(task)

    def cancel(self) -> None:
        """Ask the current task to stop at its next progress report."""
        if self._token is not None:
            self._token.cancel()
            if self._generation in self._running:
                # The owner hears about it now; the stale task's own signals are ignored later.
                self._generation += 1
                self.cancelled.emit()
                self.finished.emit()
        self._token = None

    def stop(self) -> None:
        """Ask the current task to stop at its next progress report, and let the owner hear how it
        really ended: `cancelled` once it has stopped, or `succeeded` if it was already past its last
        report. For work that cannot be thrown away once done (an import commits), unlike `cancel`,
        which drops whatever the task still reports."""
        if self._token is not None:
            self._token.cancel()

    def is_running(self) -> bool:
        return self._generation in self._running

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until every task this runner started has returned (shutdown, tests)."""
        return self._pool.waitForDone(msecs)

    def _forward(self, generation: int, signal: Signal, *args: Any) -> None:
        # A late result for an owner that is gone has nobody to go to.
        if isValid(self) and generation == self._generation:
            signal.emit(*args)

    def _on_finished(self, generation: int) -> None:
        if not isValid(self):
            return
        self._running.pop(generation, None)
        if generation == self._generation:
            self._token = None
            self.finished.emit()


def owned_runner(owner: QObject, on_success: Callable[[Any], None],
                 error_parent: QWidget | None = None) -> TaskRunner:
    """The usual wiring: a runner owned by `owner`, results to `on_success`, failures shown
    translated over `error_parent` (default: the owner) and logged, never a traceback."""
    from stationmap.ui.error_display import show_error

    runner = TaskRunner(owner)
    runner.succeeded.connect(on_success)
    parent = error_parent if error_parent is not None else owner
    runner.failed.connect(lambda error: show_error(parent, error))
    return runner


class TaskProgressDialog(QProgressDialog):
    """A modal progress bar with Cancel, bound to a runner for the duration of one task.

    Progress goes to the bar itself, not through QProgressDialog.setValue: for a modal dialog that
    processes events (it is made for loops that block the event loop; a task's do not), so a report
    could run other slots inside it, the task's end and the dialog's deletion among them. CI crashed
    in C++ that way. The dialog still shows itself after setMinimumDuration, as QProgressDialog does.

    Its width is fixed and long messages are elided: QProgressDialog grows to fit each new label, and
    a dialog that grows moves its Cancel button away from under the user's mouse.

    With `wait_on_cancel`, Cancel asks the task to `stop` and the dialog stays, saying so, until the
    task has really ended; the owner then hears how it ended (cancelled, or succeeded if it was past
    its last report). For work that cannot be thrown away once done, like an import that commits.
    """

    def __init__(self, runner: TaskRunner, title: str, parent: QWidget | None = None, *,
                 wait_on_cancel: bool = False) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self._cancel_button = QPushButton(self.tr("Cancelar"), self)
        self.setCancelButton(self._cancel_button)
        self._bar = QProgressBar(self)
        self.setBar(self._bar)
        self.setFixedWidth(max(self.sizeHint().width(),
                               self.fontMetrics().averageCharWidth() * _DIALOG_CHARS))
        self._show_message(title)
        self.setRange(0, 1000)
        self.setMinimumDuration(300)  # quick tasks finish without a flashing dialog
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setAutoClose(False)
        self.setAutoReset(False)
        self._runner = runner
        self._wait_on_cancel = wait_on_cancel
        self._stopping = False
        runner.progressed.connect(self._on_progress)
        runner.finished.connect(self._on_finished)
        self.canceled.connect(self._on_cancel)
        self.setValue(0)   # starts the minimum-duration timer that shows the dialog

    def _show_message(self, message: str) -> None:
        """`message` on one line of the fixed width (a second line would move Cancel down)."""
        margin = max(6, self.style().pixelMetric(QStyle.PixelMetric.PM_LayoutLeftMargin))
        room = self.width() - 2 * margin - self.fontMetrics().averageCharWidth()
        self.setLabelText(self.fontMetrics().elidedText(message, Qt.TextElideMode.ElideMiddle, room))
        self.setToolTip(message if len(message) > len(self.labelText()) else "")

    def _on_progress(self, fraction: float, message: str) -> None:
        if self._stopping:   # a last report on the way out must not hide "Cancelando…"
            return
        if message:
            self._show_message(message)
        self._bar.setValue(int(round(min(max(fraction, 0.0), 1.0) * 1000)))

    def _on_cancel(self) -> None:
        if not self._wait_on_cancel:
            self._runner.cancel()
            return
        self._stopping = True
        self._cancel_button.setEnabled(False)
        self._show_message(self.tr("Cancelando…"))
        self._runner.stop()
        # QProgressDialog hides itself on Cancel; it stays up until the task has stopped.
        self.show()

    def _on_finished(self) -> None:
        self._runner.progressed.disconnect(self._on_progress)
        self._runner.finished.disconnect(self._on_finished)
        self.canceled.disconnect(self._on_cancel)
        self.reset()
        self.close()
        self.deleteLater()
