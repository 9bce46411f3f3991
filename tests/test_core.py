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

    def fields(template: str) -> set[str]:
        return {f for _, f, _, _ in string.Formatter().parse(template) if f}

    for code, texts in messages.catalog().items():
        assert set(texts) >= {"es", "en"}, code
        es, en = texts["es"], texts["en"]
        if isinstance(es, dict) or isinstance(en, dict):
            # Plural forms: both languages have both, chosen by {count}, which the plural form writes.
            assert isinstance(es, dict) and isinstance(en, dict), f"{code}: plural in one language only"
            assert set(es) == set(en) == {"one", "other"}, code
            assert "count" in fields(es["other"]) and "count" in fields(en["other"]), code
            for form in ("one", "other"):
                assert fields(es[form]) == fields(en[form]), f"{code} ({form}): placeholders differ"
        else:
            assert fields(es) == fields(en), f"{code}: placeholders differ {fields(es)} {fields(en)}"


def test_a_count_message_says_one_row_in_the_singular_and_groups_thousands():
    import numpy as np

    data = {"count": 1, "rows": "1234"}
    assert messages.render("rows.coords_outside_peru", data, "es") == (
        "1 fila tiene coordenadas fuera del Perú; se importó marcada (fila 1234).")
    assert messages.render("rows.coords_outside_peru", data, "en") == (
        "1 row has coordinates outside Peru; it was imported and flagged (row 1234).")
    # The count is grouped like the summary's other figures; row numbers are not.
    data = {"count": np.int64(13220), "rows": "2015, 2016, 10432"}
    assert messages.render("rows.coords_outside_peru", data, "en") == (
        "13,220 rows have coordinates outside Peru; they were imported and flagged (rows 2015, 2016, 10432).")
    assert messages.render("rows.ubigeo_invalid", {"count": 0, "rows": ""}, "es").startswith("0 filas ")
    assert messages.render("read.nul_removed", {"count": 1, "lines": "7"}, "en") == (
        "1 NUL character was removed from the file (row 7). Check that row.")
    # Nothing in the row and reading catalogs still says "fila(s)" or "row(s)".
    from stationmap.core.catalog import reading, rows

    for texts in [*rows.MESSAGES.values(), *reading.MESSAGES.values()]:
        for language in ("es", "en"):
            assert not any("(s)" in t for t in messages.templates(texts, language)), texts


def test_a_plain_message_groups_a_numeric_count_and_leaves_text_and_other_numbers_alone():
    assert messages.render("commands.summary_more_rejections_in", {"count": 2500, "path": "r2024.csv"}, "en") \
        == "  …and 2,500 more rejections; details in r2024.csv."
    # A caller that already wrote the count keeps its text.
    assert messages.render("temporal.ui.long_share", {"count": "1,034", "share": 2.0}, "en") \
        == "Window longer than 8 h: 1,034 (2.0 %), spread out"


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


def test_totals_shown_together_share_one_format_and_percentages_never_split():
    from stationmap.core.numbers import percent_text, totals_texts

    assert totals_texts([37.8, 192.0, 5.0]) == ["38", "192", "5"]        # one large total: all whole
    assert totals_texts([3.4, 12.0, 15.4]) == ["3.4", "12.0", "15.4"]     # all small: one decimal each
    assert totals_texts([3.0, 1200.0]) == ["3", "1,200"]
    assert percent_text(98.0) == percent_text(98.4) == "98\u00a0%" and percent_text(0) == "0\u00a0%"
    assert percent_text(95.94, 1) == "95.9\u00a0%"
