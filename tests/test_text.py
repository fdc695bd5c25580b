"""Name folding for search and sort; Babel formatting in both languages."""

from __future__ import annotations

import datetime as dt

import pytest

from cams_desktop.formatting import format_date, format_datetime, format_number
from cams_desktop.text import fold, name_sort_key, sort_key

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("typed", "folded"),
    [
        ("Zoé", "zoe"),
        ("O’Neil", "o'neil"),
        ("O‘Neil", "o'neil"),
        ("D`Amours", "d'amours"),
        ("  Marie-Ève   de la  Fontaine ", "marie-eve de la fontaine"),
        ("Nguyễn Thị Hà", "nguyen thi ha"),
        ("Jiří Nováček", "jiri novacek"),
        ("Ødegård", "odegard"),
        ("Œuvre", "oeuvre"),
        ("STRAßE", "strasse"),
    ],
)
def test_fold(typed, folded):
    assert fold(typed) == folded


def test_sort_key_ignores_spaces_apostrophes_hyphens_accents_and_case():
    assert sort_key("De la Cruz") == sort_key("delacruz") == "delacruz"
    assert sort_key("O’Brien") == sort_key("O'Brien") == sort_key("obrien")
    assert sort_key("Saint-Éloi") == "sainteloi"
    names = ["Zola", "Émond", "de la Fontaine", "Eddy", "O’Neil", "Oakes", "dufour"]
    assert sorted(names, key=sort_key) == [
        "de la Fontaine",
        "dufour",
        "Eddy",
        "Émond",
        "Oakes",
        "O’Neil",
        "Zola",
    ]


def test_name_sort_key_orders_by_last_then_first_name():
    people = [("Roy", "Zoé"), ("Roy", "Alexis"), ("Roy-Audet", "Anne"), ("Ro", "Yann")]
    ordered = sorted(people, key=lambda p: name_sort_key(*p))
    assert ordered == [
        ("Ro", "Yann"),
        ("Roy", "Alexis"),
        ("Roy", "Zoé"),
        ("Roy-Audet", "Anne"),
    ]


def test_dates_and_numbers_follow_the_interface_language():
    assert format_date(dt.date(2020, 1, 1), "fr") == "1 janvier 2020"
    assert format_date(dt.date(2020, 1, 1), "en") == "January 1, 2020"
    assert format_number(12345.5, "fr") == "12\xa0345,5"
    assert format_number(12345.5, "en") == "12,345.5"
    moment = dt.datetime(2026, 1, 15, 15, 30, tzinfo=dt.UTC)
    assert (
        format_datetime(moment, "fr", "America/Toronto", "short")
        == "2026-01-15 10 h 30"
    )
    assert (
        format_datetime(moment, "en", "America/Toronto", "short")
        == "2026-01-15, 10:30\u202fa.m."
    )
