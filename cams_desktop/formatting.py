"""Dates and numbers written the way the interface language writes them (Babel)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from zoneinfo import ZoneInfo

from babel.dates import format_date as babel_format_date
from babel.dates import format_datetime as babel_format_datetime
from babel.numbers import format_decimal

LOCALES = {"fr": "fr_CA", "en": "en_CA"}


def locale_for(language: str) -> str:
    return LOCALES.get(language, "en_CA")


def format_date(value: dt.date | None, language: str, style: str = "long") -> str:
    """``1 janvier 2020`` in French, ``January 1, 2020`` in English."""
    if value is None:
        return ""
    return babel_format_date(value, format=style, locale=locale_for(language))


def format_datetime(
    value: dt.datetime | None, language: str, time_zone: str, style: str = "medium"
) -> str:
    """A UTC timestamp shown in the school's time zone."""
    if value is None:
        return ""
    local = value.astimezone(ZoneInfo(time_zone))
    return babel_format_datetime(local, format=style, locale=locale_for(language))


def format_number(value: float | int | Decimal, language: str) -> str:
    """``12 345,5`` in French, ``12,345.5`` in English."""
    return format_decimal(value, locale=locale_for(language))


def format_local_time(value: dt.datetime, language: str) -> str:
    """A UTC moment as this computer's clock shows it (before a school is known)."""
    return babel_format_datetime(
        value.astimezone(), format="short", locale=locale_for(language)
    )
