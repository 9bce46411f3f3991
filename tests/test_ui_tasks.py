"""The generic worker: results, errors, cancel, and one task per owner."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from stationmap.core.errors import InputFileError
from stationmap.core.progress import Cancelled
from stationmap.ui.tasks import TaskProgressDialog, TaskRunner


def add_up(numbers, progress):
    total = 0
    for i, n in enumerate(numbers):
        progress(i / len(numbers), f"{i}")
        total += n
    progress(1.0, "listo")
    return total


def fail_with_code(path, progress):
    progress(0.1, "")
    raise InputFileError("read.empty", file=path)


def wait_for_gate(gate: threading.Event, progress):
    """Reports progress until the test opens the gate, so cancel lands mid-run."""
    while not gate.wait(0.01):
        progress(0.5, "esperando")
    progress(0.9, "")
    return "finished anyway"


@pytest.fixture
def runner(qtbot):
    runner = TaskRunner()
    yield runner
    runner.cancel()
    assert runner.wait(5000)


def test_result_comes_back_on_succeeded(qtbot, runner):
    fractions = []
    runner.progressed.connect(lambda f, m: fractions.append(f))
    results = []
    runner.succeeded.connect(results.append)
    with qtbot.waitSignal(runner.finished, timeout=5000):
        runner.start(add_up, list(range(101)))
    assert results == [5050]
    assert fractions and fractions[-1] == 1.0
    assert not runner.is_running()


def test_error_comes_back_as_the_exception(qtbot, runner):
    with qtbot.waitSignal(runner.failed, timeout=5000) as blocker:
        runner.start(fail_with_code, "x.csv")
    error = blocker.args[0]
    assert isinstance(error, InputFileError)
    assert error.code == "read.empty" and error.data == {"file": "x.csv"}


def test_cancel_stops_the_function_and_no_result_arrives(qtbot, runner):
    gate = threading.Event()
    raised = []

    def watched(inputs, progress):
        try:
            return wait_for_gate(inputs, progress)
        except Cancelled:
            raised.append(True)
            raise

    results = []
    runner.succeeded.connect(results.append)
    with qtbot.waitSignal(runner.progressed, timeout=5000):
        runner.start(watched, gate)
    with qtbot.waitSignal(runner.cancelled, timeout=5000):
        runner.cancel()
    assert runner.wait(5000)
    assert raised == [True]  # Cancelled was raised inside the long function
    assert results == []


def test_a_new_task_cancels_the_old_one_and_only_the_new_result_arrives(qtbot, runner):
    gate = threading.Event()
    results = []
    runner.succeeded.connect(results.append)
    with qtbot.waitSignal(runner.progressed, timeout=5000):
        runner.start(wait_for_gate, gate)
    with qtbot.waitSignal(runner.succeeded, timeout=5000):
        runner.start(add_up, [1, 2, 3])
    gate.set()
    assert runner.wait(5000)
    assert results == [6]


def test_progress_dialog_cancel_button_cancels_the_task(qtbot, runner):
    gate = threading.Event()
    with qtbot.waitSignal(runner.progressed, timeout=5000):
        runner.start(wait_for_gate, gate)
    dialog = TaskProgressDialog(runner, "Importando")
    qtbot.addWidget(dialog)
    dialog.show()
    cancel_button = dialog.findChild(QPushButton)
    assert cancel_button.text() == "Cancelar"
    with qtbot.waitSignal(runner.cancelled, timeout=5000):
        qtbot.mouseClick(cancel_button, Qt.MouseButton.LeftButton)
    assert runner.wait(5000)
    assert not runner.is_running()


@pytest.mark.parametrize("function, inputs", [(add_up, [1, 2, 3]), (fail_with_code, "x.csv")])
def test_a_task_whose_owner_is_gone_finishes_quietly(qapp, function, inputs):
    # Seen once at a test's teardown: the worker emitted after its signals object was deleted
    # ("Signal source has been deleted" in the pool thread). It must simply have nobody to tell.
    import shiboken6

    from stationmap.core.progress import CancelToken
    from stationmap.ui.tasks import _Task, _TaskSignals

    signals = _TaskSignals()
    task = _Task(function, inputs, CancelToken(), signals)
    shiboken6.delete(signals)
    task.run()  # raises nothing: progress, result or error and "finished" all go unheard
    assert not shiboken6.isValid(signals)


def test_a_progress_report_runs_nothing_else_inside_it(qtbot, runner):
    # QProgressDialog.setValue on a shown modal dialog processes events, so other slots (the task's
    # end, the dialog's deletion) ran inside a report; CI crashed in C++ that way. A report only
    # updates the dialog; what is queued runs afterwards, from the event loop.
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QWidget
    from shiboken6 import isValid

    owner = QWidget()
    qtbot.addWidget(owner)
    owner.show()
    dialog = TaskProgressDialog(runner, "Importando", owner)
    dialog.setMinimumDuration(0)   # shown by its own timer, as in use: only then did setValue process events
    qtbot.waitUntil(dialog.isVisible, timeout=5000)
    ran: list[str] = []
    QTimer.singleShot(0, lambda: (ran.append("finished"), runner.finished.emit()))
    runner.progressed.emit(0.5, "guardando")
    assert ran == [] and dialog.value() == 500 and dialog.labelText() == "guardando"
    qtbot.waitUntil(lambda: not isValid(dialog), timeout=5000)   # then the end, from the event loop
    assert ran == ["finished"]
