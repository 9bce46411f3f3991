"""The console stays quiet for a technician: Qt's messages go to the log file, Chromium logs only fatal
errors unless asked (ui.startup.prepare_environment)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from stationmap.ui.startup import prepare_environment


@pytest.mark.parametrize(("flags", "expected"), [
    (None, "--log-level=3"),
    ("--disable-gpu", "--disable-gpu --log-level=3"),             # the README's switch keeps working
    ("--enable-logging --log-level=0", "--enable-logging --log-level=0"),   # the user asks for logs
    ("--disable-gpu --v=1", "--disable-gpu --v=1"),
])
def test_chromium_logs_only_fatal_errors_unless_the_user_asks(flags, expected):
    environ = {} if flags is None else {"QTWEBENGINE_CHROMIUM_FLAGS": flags}
    prepare_environment(environ)
    assert environ["QTWEBENGINE_CHROMIUM_FLAGS"] == expected
    prepare_environment(environ)                                   # twice changes nothing
    assert environ["QTWEBENGINE_CHROMIUM_FLAGS"] == expected


_QT_SPEAKS = """
from PySide6.QtCore import qCritical, qInfo, qWarning
from stationmap.ui.startup import prepare_environment
prepare_environment()
qInfo("Sandboxing disabled by user.")
qWarning("GLX: No DRI3 Extension.")
qCritical("algo grave")
"""


def test_qt_messages_go_to_the_log_file_not_the_console(tmp_path):
    env = dict(os.environ, STATIONMAP_CONFIG_DIR=str(tmp_path))
    done = subprocess.run([sys.executable, "-c", _QT_SPEAKS], capture_output=True, text=True, env=env, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stderr.splitlines() == ["algo grave"]              # only what is serious stays on screen
    log = (tmp_path / "stationmap.log").read_text(encoding="utf-8")
    assert "INFO stationmap.qt: Sandboxing disabled by user." in log
    assert "WARNING stationmap.qt: GLX: No DRI3 Extension." in log
    assert "ERROR stationmap.qt: algo grave" in log


def test_a_message_handler_already_installed_is_left_in_place(qapp):
    # pytest-qt's capture (in a test) or another tool's: prepare_environment does not take over.
    from PySide6.QtCore import qInstallMessageHandler, qWarning

    heard = []
    previous = qInstallMessageHandler(lambda kind, context, message: heard.append(message))
    try:
        prepare_environment()
        qWarning("mensaje de prueba")
    finally:
        qInstallMessageHandler(previous)
    assert heard == ["mensaje de prueba"]
