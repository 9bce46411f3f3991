"""Core pieces every layer relies on: messages, numbers, progress, settings, filters."""

from __future__ import annotations

import pytest

from stationmap.core import messages
from stationmap.core.errors import InputFileError
from stationmap.core.numbers import count_text, mean_text
from stationmap.core.progress import CancelToken, Cancelled, sub_progress
from stationmap.core.settings import MAX_RECENT_PROJECTS, Settings


def test_every_message_has_spanish_and_english_with_the_same_fields():
    import string

    for code, texts in messages.catalog().items():
        assert set(texts) >= {"es", "en"}, code
        fields = [{f for _, f, _, _ in string.Formatter().parse(texts[lang]) if f} for lang in ("es", "en")]
        assert fields[0] == fields[1], f"{code}: placeholders differ {fields}"


def test_error_message_follows_language_and_never_raises_on_missing_data():
    err = InputFileError("error.unknown")
    assert "inesperado" in err.message("es")
    assert "unexpected" in err.message("en")
    # An unknown code still gives a readable line instead of an exception.
    assert "no.such.code" in messages.render("no.such.code", {"x": 1})


def test_sub_progress_maps_onto_parent_range():
    seen = []
    report = sub_progress(lambda f, m="": seen.append(round(f, 3)), 0.5, 0.75)
    report(0.0)
    report(0.5)
    report(2.0)  # clamped
    assert seen == [0.5, 0.625, 0.75]


def test_cancel_token_raises_cancelled_on_next_report():
    token = CancelToken()
    report = token.checking(lambda f, m="": None)
    report(0.1)
    token.cancel()
    with pytest.raises(Cancelled):
        report(0.2)


def test_settings_round_trip_and_recent_projects_are_unique_and_bounded():
    s = Settings()
    for i in range(MAX_RECENT_PROJECTS + 3):
        s.remember_project(f"/p/{i}.stationmap")
    s.remember_project("/p/2.stationmap")
    assert s.recent_projects[0] == "/p/2.stationmap"
    assert len(s.recent_projects) == MAX_RECENT_PROJECTS
    assert len(set(s.recent_projects)) == MAX_RECENT_PROJECTS
    restored = Settings.from_dict({**s.to_dict(), "unknown_key": 1, "language": "fr"})
    assert restored.recent_projects == s.recent_projects
    assert restored.language == "es"  # an unsupported language falls back to Spanish


@pytest.mark.parametrize("value, text", [
    (0, "0"), (12.0, "12"), (3.4, "3.4"), (3.96, "4"), (99.94, "99.9"),
    (1034.7, "1,035"), (653.7, "654"), (142082.0, "142,082"), (999388.0, "999,388"), (-2.5, "-2.5"),
])
def test_counts_are_written_with_grouped_thousands_and_decimals_only_where_they_tell(value, text):
    assert count_text(value) == text


@pytest.mark.parametrize("value, text", [(123.8, "123.8"), (1500.24, "1,500.2"), (30.0, "30"), (29.96, "30"),
                                         (4.25, "4.2")])
def test_means_keep_their_decimal_at_any_size(value, text):
    assert mean_text(value) == text
