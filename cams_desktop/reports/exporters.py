"""Export a table (headers + rows) to CSV, tab-delimited text or Excel (.xlsx).

Used by the student list export and by every group report. The exporter is a
service: no Qt here; the GUI runs ``export_table`` off the GUI thread with a
progress callback and a cancel flag (see DESIGN.md).

What a file looks like, whatever the format:

* One header row, then one line/row per table row, in the given order.
* ``None`` is an empty cell.
* Text that a spreadsheet would run as a formula (it starts with ``=``, ``+``,
  ``-``, ``@``, a tab or a carriage return) is neutralised, following the
  OWASP advice on CSV injection: in CSV and text files it gets a leading
  apostrophe (``=1+2`` becomes ``'=1+2``); in .xlsx it is stored as a string
  cell, which Excel never evaluates, so it keeps its exact text. Text that is
  merely a signed number (``-12.5``, ``+3``) is left alone: Excel reading it
  as a number is harmless, and counsellors expect ``-12.5`` to stay ``-12.5``.
  Header cells follow the same rules, and ``ExportResult.neutralised_cells``
  counts every neutralised cell, header included, the same way for all formats
  (judged on the text as given).
* Numbers (``int``, ``float``, ``Decimal``) are numbers: bare in CSV/text,
  numeric cells in .xlsx. NaN and infinities are refused (``ValueError``):
  .xlsx cannot hold them, and a report that produces one has a bug.
* Booleans are ``TRUE``/``FALSE`` in CSV/text (the words Excel and LibreOffice
  read back as booleans) and boolean cells in .xlsx. A report that wants
  "Yes"/"Oui" passes translated text instead.
* A ``datetime`` must be timezone-aware (the application stores UTC); it is
  shown in the school's time zone: ``YYYY-MM-DD HH:MM`` in CSV/text, a real
  Excel date-time (format ``yyyy-mm-dd hh:mm``, seconds kept in the value) in
  .xlsx. A ``date`` is ``YYYY-MM-DD`` / an Excel date (``yyyy-mm-dd``). Naive
  datetimes are refused (``ValueError``): their time zone would be a guess.

CSV and text files are UTF-8 with a byte-order mark (so Excel shows "Zoé"
rather than "ZoÃ©") and CRLF line ends, quoted per the ``csv`` module's minimal
rule, so a comma, tab, quote or line break inside a value never breaks the
layout. Their text is otherwise written as given.

An .xlsx cannot hold some characters (most control characters, U+FFFE, U+FFFF,
lone surrogates) nor more than 32,767 characters in a cell: those characters
are removed, over-long text is cut, and ``ExportResult.cleaned_cells`` counts
the cells concerned. Line breaks become ``\\n``, the line break Excel uses
inside a cell (XML would turn a bare ``\\r`` into ``\\n`` anyway). Text made
only of spaces, tabs and line breaks becomes an empty cell (readers drop it
anyway, as openpyxl does not mark it to be preserved); that is not counted.
Text that looks like Excel's own escapes (``_x0041_``) is escaped in turn, so
Excel shows it as given rather than as "A".

The file appears at ``path`` only when complete: everything is written to a
temporary file in the same folder, which replaces ``path`` at the end. On
cancel or error the temporary file is removed and an existing file at ``path``
is left untouched.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import decimal
import enum
import math
import os
import re
import secrets
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeAlias, TypeVar
from zoneinfo import ZoneInfo

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from cams_desktop.cancel import Cancelled

__all__ = [
    "Cell",
    "ExportCancelled",
    "ExportFormat",
    "ExportResult",
    "clean_sheet_title",
    "export_table",
    "is_formula_like",
]


class ExportFormat(enum.StrEnum):
    """A file format ``export_table`` writes; the value is the file suffix."""

    CSV = "csv"
    TEXT = "txt"
    XLSX = "xlsx"


Cell: TypeAlias = (
    str | int | float | decimal.Decimal | dt.date | dt.datetime | bool | None
)


@dataclass(frozen=True)
class ExportResult:
    """What ``export_table`` wrote, for the "export finished" message."""

    path: Path
    rows_written: int
    #: Cells (header included) from which characters an .xlsx cannot hold were
    #: removed, or whose over-long text was cut. Always 0 for CSV and text.
    cleaned_cells: int
    #: Cells (header included) whose text was neutralised as a would-be formula.
    neutralised_cells: int


class ExportCancelled(Cancelled):
    """The user cancelled the export; nothing was written at the target path."""


#: Rows between two calls of ``cancel`` and ``progress``.
CHECK_INTERVAL = 500

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# ASCII digits only: "\d" would also accept Arabic-Indic and other digits.
_PLAIN_NUMBER = re.compile(r"[+-]?[0-9]+(?:[.,][0-9]+)?")
# openpyxl's ILLEGAL_CHARACTERS_RE plus what it misses and XML 1.0 also
# forbids (U+FFFE, U+FFFF, lone surrogates): openpyxl would write those and
# produce a file that neither Excel nor openpyxl itself can open.
_XLSX_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# Excel decodes "_xHHHH_" in cell text as the character U+HHHH, so literal text
# of that shape must have its underscore escaped as "_x005F_" to survive.
_OOXML_ESCAPE_LOOKALIKE = re.compile("_(x[0-9A-Fa-f]{4}_)")
_XLSX_MAX_TEXT = 32_767  # characters per cell
_XLSX_MAX_ROWS = 1_048_576  # header included
_XLSX_MAX_COLUMNS = 16_384
_SHEET_TITLE_MAX = 31
_SHEET_TITLE_FORBIDDEN = re.compile(r"[\[\]:*?]")
_DATE_FORMAT = "yyyy-mm-dd"
_DATETIME_FORMAT = "yyyy-mm-dd hh:mm"
_MIN_WIDTH = 8
_MAX_WIDTH = 60
# Room for the autofilter drop-down button beside a header.
_FILTER_BUTTON_WIDTH = 3

_T = TypeVar("_T")


def is_formula_like(text: str) -> bool:
    """Return whether a spreadsheet could run ``text`` as a formula.

    True for text starting with ``=``, ``+``, ``-``, ``@``, tab or carriage
    return, except a plain signed number such as ``-12.5``.
    """
    return text.startswith(_FORMULA_STARTS) and not _PLAIN_NUMBER.fullmatch(text)


def clean_sheet_title(title: str) -> str:
    """Return ``title`` made acceptable to Excel as a worksheet name.

    Excel wants 1 to 31 characters, none of ``[]:*?/\\``, no control
    characters, no apostrophe at either end, and not the reserved "History".
    """
    cleaned = "".join(ch for ch in title if ch.isprintable() or ch == " ")
    # "Grades 9/10" reads better as "Grades 9-10" than "Grades 910".
    cleaned = cleaned.replace("/", "-").replace("\\", "-")
    cleaned = _SHEET_TITLE_FORBIDDEN.sub("", cleaned)
    cleaned = " ".join(cleaned.split())[:_SHEET_TITLE_MAX].strip().strip("'")
    if not cleaned:
        return "Export"
    if cleaned.casefold() == "history":
        return cleaned + "_"
    return cleaned


def export_table(
    path: Path,
    fmt: ExportFormat,
    headers: Sequence[str],
    rows: Sequence[Sequence[Cell]],
    *,
    time_zone: str = "America/Toronto",
    sheet_title: str = "Export",
    progress: Callable[[int, int], None] | None = None,
    cancel: Callable[[], bool] | None = None,
) -> ExportResult:
    """Write ``headers`` and ``rows`` to ``path`` in format ``fmt``.

    ``time_zone`` is the school's IANA time zone, in which datetimes are shown.
    ``sheet_title`` names the .xlsx worksheet (cleaned by
    ``clean_sheet_title``); other formats ignore it. ``progress(done, total)``
    is called every ``CHECK_INTERVAL`` rows and once more at the end, with
    ``total == len(rows)``. ``cancel()`` is polled as often; when it returns
    True the export stops and ``ExportCancelled`` is raised.

    Raises ``ValueError`` when there are no headers, when a row's length differs
    from the number of headers (naming the row, 1 being the first row after
    the header), when a value cannot be exported (NaN, naive datetime; naming
    row and column), or when the table is too big for an .xlsx sheet;
    ``TypeError`` for a value of an unsupported type; ``OSError`` when the file
    cannot be written (for example, it is open in Excel on Windows). In every
    such case nothing is left behind and an existing file at ``path`` is intact.
    """
    fmt = ExportFormat(fmt)
    zone = ZoneInfo(time_zone)
    _check_shape(fmt, headers, rows)

    temp = _create_temp_beside(path)
    try:
        if fmt is ExportFormat.XLSX:
            cleaned, neutralised = _write_xlsx(
                temp, headers, rows, zone, sheet_title, progress, cancel
            )
        else:
            delimiter = "," if fmt is ExportFormat.CSV else "\t"
            cleaned = 0
            neutralised = _write_delimited(
                temp, delimiter, headers, rows, zone, progress, cancel
            )
        temp.replace(path)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    if progress is not None:
        progress(len(rows), len(rows))
    return ExportResult(
        path=path,
        rows_written=len(rows),
        cleaned_cells=cleaned,
        neutralised_cells=neutralised,
    )


def _check_shape(
    fmt: ExportFormat, headers: Sequence[str], rows: Sequence[Sequence[Cell]]
) -> None:
    """Refuse a malformed table before any file is created."""
    width = len(headers)
    if width == 0:
        raise ValueError("A table to export needs at least one column.")
    for number, row in enumerate(rows, start=1):
        if len(row) != width:
            raise ValueError(
                f"Row {number} has {len(row)} cells but there are {width} columns."
            )
    if fmt is ExportFormat.XLSX:
        if width > _XLSX_MAX_COLUMNS:
            raise ValueError(
                f"An Excel sheet holds at most {_XLSX_MAX_COLUMNS} columns."
            )
        if len(rows) + 1 > _XLSX_MAX_ROWS:
            raise ValueError(
                f"An Excel sheet holds at most {_XLSX_MAX_ROWS - 1} rows "
                "below its header."
            )


def _create_temp_beside(path: Path) -> Path:
    """Create an empty, hidden temporary file in ``path``'s folder.

    Same folder, so the final rename is atomic (same file system). Mode 0o666
    lets the umask decide, as for any file the user saves (``mkstemp`` would
    force 0o600). O_BINARY keeps Windows from translating line ends.
    """
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    while True:
        candidate = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
        try:
            descriptor = os.open(candidate, flags, 0o666)
        except FileExistsError:
            continue
        os.close(descriptor)
        return candidate


def _checkpoint(
    done: int,
    total: int,
    progress: Callable[[int, int], None] | None,
    cancel: Callable[[], bool] | None,
) -> None:
    if done % CHECK_INTERVAL == 0:
        if cancel is not None and cancel():
            raise ExportCancelled
        if progress is not None:
            progress(done, total)


def _convert_row(
    convert: Callable[[Cell], _T],
    row: Sequence[Cell],
    row_number: int,
    headers: Sequence[str],
) -> list[_T]:
    """Convert a row's cells; on failure say which row and column failed."""
    try:
        return [convert(value) for value in row]
    except (TypeError, ValueError):
        # Slow path, taken once: find the culprit to name it in the message.
        for header, value in zip(headers, row, strict=True):
            try:
                convert(value)
            except (TypeError, ValueError) as error:
                raise type(error)(
                    f"Row {row_number}, column “{header}”: {error}"
                ) from error
        raise


def _local_naive(moment: dt.datetime, zone: ZoneInfo) -> dt.datetime:
    """Return the wall-clock time of an aware ``moment`` in ``zone``."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"{moment!r} has no time zone.")
    return moment.astimezone(zone).replace(tzinfo=None)


def _finite_float(value: float | decimal.Decimal) -> float:
    number = float(value)
    if not math.isfinite(number):
        raise ValueError(f"{value!r} is not a finite number.")
    return number


def _unsupported(value: object) -> TypeError:
    return TypeError(f"Cannot export a value of type {type(value).__name__}.")


# --- CSV and tab-delimited text -------------------------------------------


class _DelimitedConverter:
    """Turns cells into CSV/text fields and counts neutralised ones."""

    def __init__(self, zone: ZoneInfo) -> None:
        self.zone = zone
        self.neutralised = 0

    def text(self, text: str) -> str:
        if is_formula_like(text):
            self.neutralised += 1
            return "'" + text
        return text

    def __call__(self, value: Cell) -> str:
        # Most cells are text: test for it first.
        if isinstance(value, str):
            return self.text(str(value))
        if value is None:
            return ""
        if isinstance(value, bool):
            return "TRUE" if value else "FALSE"
        if isinstance(value, int):
            # int() so that an IntEnum writes its number, not its name.
            return str(int(value))
        if isinstance(value, float):
            # repr: the shortest text that reads back as the same float.
            return repr(_finite_float(value))
        if isinstance(value, decimal.Decimal):
            _finite_float(value)
            # Fixed-point: "1E+2" would not read back as a number everywhere.
            return format(value, "f")
        if isinstance(value, dt.datetime):
            local = _local_naive(value, self.zone)
            return local.isoformat(sep=" ", timespec="minutes")
        if isinstance(value, dt.date):
            return value.isoformat()
        raise _unsupported(value)


def _write_delimited(
    temp: Path,
    delimiter: str,
    headers: Sequence[str],
    rows: Sequence[Sequence[Cell]],
    zone: ZoneInfo,
    progress: Callable[[int, int], None] | None,
    cancel: Callable[[], bool] | None,
) -> int:
    """Write a CSV or text file; return the number of neutralised cells."""
    convert = _DelimitedConverter(zone)
    total = len(rows)
    # "utf-8-sig" writes the byte-order mark; newline="" leaves line ends to
    # the csv module (CRLF), which also quotes values holding line breaks.
    with temp.open("w", encoding="utf-8-sig", newline="") as stream:
        writer = csv.writer(
            stream,
            delimiter=delimiter,
            lineterminator="\r\n",
            quoting=csv.QUOTE_MINIMAL,
        )
        writer.writerow([convert.text(header) for header in headers])
        for index, row in enumerate(rows):
            _checkpoint(index, total, progress, cancel)
            writer.writerow(_convert_row(convert, row, index + 1, headers))
    return convert.neutralised


# --- Excel ------------------------------------------------------------------


class _XlsxConverter:
    """Turns cells into openpyxl values/cells and counts what it changed."""

    def __init__(self, sheet: Any, zone: ZoneInfo) -> None:
        self.sheet = sheet
        self.zone = zone
        self.cleaned = 0
        self.neutralised = 0

    def clean_text(self, text: str) -> str:
        """Return ``text`` as an .xlsx can hold it, counting what was needed."""
        if is_formula_like(text):
            self.neutralised += 1
        text, removed = _XLSX_ILLEGAL.subn("", text)
        if len(text) > _XLSX_MAX_TEXT:
            text = text[:_XLSX_MAX_TEXT]
            removed += 1
        if removed:
            self.cleaned += 1
        if "\r" in text:
            text = text.replace("\r\n", "\n").replace("\r", "\n")
        if "_x" in text:
            text = _OOXML_ESCAPE_LOOKALIKE.sub(r"_x005F_\1", text)
        return text

    def string_cell(self, text: str) -> Any:
        """Return a cell holding ``text`` as a string, never as a formula."""
        cell = WriteOnlyCell(self.sheet, value=text)
        # openpyxl makes any text starting with "=" a formula cell.
        cell.data_type = "s"
        return cell

    def __call__(self, value: Cell) -> Any:
        if isinstance(value, str):
            text = self.clean_text(str(value))
            # openpyxl omits xml:space="preserve" on text that str.strip()
            # empties (no-break spaces included), so readers drop parts of it:
            # write an empty cell rather than rely on each reader's whim. Not
            # counted as cleaning: nothing visible goes.
            if not text.strip():
                return None
            if text.startswith("="):
                return self.string_cell(text)
            return text
        if value is None:
            return None
        if isinstance(value, bool):
            return value
        if isinstance(value, int):
            return int(value)
        if isinstance(value, float | decimal.Decimal):
            return _finite_float(value)
        if isinstance(value, dt.datetime):
            cell = WriteOnlyCell(self.sheet, value=_local_naive(value, self.zone))
            cell.number_format = _DATETIME_FORMAT
            return cell
        if isinstance(value, dt.date):
            cell = WriteOnlyCell(self.sheet, value=value)
            cell.number_format = _DATE_FORMAT
            return cell
        raise _unsupported(value)


def _display_width(value: Cell) -> int:
    """Return roughly how many characters wide ``value`` shows in Excel."""
    if isinstance(value, str):
        if "\n" in value or "\r" in value:
            return max(len(line) for line in value.splitlines())
        return len(value)
    if value is None:
        return 0
    if isinstance(value, bool):
        return 5
    if isinstance(value, dt.datetime):
        return len("2026-01-15 10:30")
    if isinstance(value, dt.date):
        return len("2026-01-15")
    return len(str(value))


def _column_widths(
    headers: Sequence[str],
    rows: Sequence[Sequence[Cell]],
    cancel: Callable[[], bool] | None,
) -> list[float]:
    widest = [len(header) + _FILTER_BUTTON_WIDTH for header in headers]
    for index, row in enumerate(rows):
        if index % CHECK_INTERVAL == 0 and cancel is not None and cancel():
            raise ExportCancelled
        for column, value in enumerate(row):
            width = _display_width(value)
            if width > widest[column]:
                widest[column] = width
    # +2: Excel's width unit is a digit's width, and text needs a margin.
    return [float(min(_MAX_WIDTH, max(_MIN_WIDTH, w + 2))) for w in widest]


def _write_xlsx(
    temp: Path,
    headers: Sequence[str],
    rows: Sequence[Sequence[Cell]],
    zone: ZoneInfo,
    sheet_title: str,
    progress: Callable[[int, int], None] | None,
    cancel: Callable[[], bool] | None,
) -> tuple[int, int]:
    """Write an .xlsx file; return the numbers of cleaned and neutralised cells."""
    # Write-only mode streams rows to disk instead of building 400,000 cell
    # objects; in exchange, column widths, panes and the filter must be set
    # before the first row, hence a first pass to measure the columns.
    widths = _column_widths(headers, rows, cancel)
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=clean_sheet_title(sheet_title))
    for number, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(number)].width = width
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{len(rows) + 1}"

    convert = _XlsxConverter(sheet, zone)
    total = len(rows)
    try:
        bold = Font(bold=True)
        header_cells = []
        for header in headers:
            cell = convert.string_cell(convert.clean_text(header))
            cell.font = bold
            header_cells.append(cell)
        sheet.append(header_cells)
        for index, row in enumerate(rows):
            _checkpoint(index, total, progress, cancel)
            sheet.append(_convert_row(convert, row, index + 1, headers))
        workbook.save(temp)
    except BaseException:
        _discard_sheet_stream(sheet)
        raise
    return convert.cleaned, convert.neutralised


def _discard_sheet_stream(sheet: Any) -> None:
    """Delete the file openpyxl streams a write-only sheet into.

    openpyxl keeps it in the system temp folder and deletes it only on save
    (or at interpreter exit); after a cancel or an error we delete it now
    rather than leave student data lying there. Private openpyxl attributes,
    hence the guards: at worst the file stays until the application quits.
    """
    rows = getattr(sheet, "_rows", None)
    if rows is not None:
        with contextlib.suppress(Exception):
            rows.close()
    writer = getattr(sheet, "_writer", None)
    if writer is not None:
        with contextlib.suppress(Exception):
            writer.close()
        with contextlib.suppress(Exception):
            writer.cleanup()
