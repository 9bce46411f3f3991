"""Stored timestamps as the app shows them: day first, local time, to the minute."""

from __future__ import annotations

import time

import pytest

from stationmap.core.timestamps import shown_timestamp


@pytest.fixture
def lima_clock(monkeypatch):
    """This process's local time zone set to Peru's (UTC-5, no daylight saving), restored after."""
    if not hasattr(time, "tzset"):
        pytest.skip("needs time.tzset to change the local time zone")
    monkeypatch.setenv("TZ", "America/Lima")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_an_import_stamped_with_its_offset_is_shown_in_local_time(lima_clock):
    # Project.now_text stores the machine's local time with its offset: here one stamped in UTC.
    assert shown_timestamp("2026-11-22T15:52:28+00:00") == "22/11/2026 10:52"
    assert shown_timestamp("2026-11-22T10:52:28-05:00") == "22/11/2026 10:52"
    assert shown_timestamp("2027-01-01T03:30:00+00:00") == "31/12/2026 22:30"   # the day before, in Lima


def test_a_plan_stamped_without_offset_keeps_its_clock_time(lima_clock):
    assert shown_timestamp("2026-11-22T10:52:28") == "22/11/2026 10:52"


@pytest.mark.parametrize("text", ["", "ayer", "22/11/2026"])
def test_text_that_is_no_timestamp_is_shown_as_it_is(text):
    assert shown_timestamp(text) == text
