"""Opening a roster input — a CSV or Excel file, a folder or a zip — as tables.

Whatever the school's system exported, the readers in ``formats`` see the
same thing: named tables, each a header and rows of text cells with the
line of the file every row starts on, so that a problem can say where it is.

Input comes from outside and may be broken or hostile: every failure is a
``RosterError`` naming the file, never a raw exception; zips are read in
memory, never extracted, within a size budget; passwords are masked the
moment a row is read, so no table ever holds one.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import logging
import warnings
import zipfile
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

import openpyxl
from PySide6.QtCore import QCoreApplication

from cams_desktop.services.roster.records import Problem, RosterError
from cams_desktop.text import fold

log = logging.getLogger(__name__)

# Uncompressed bytes a whole input may hold: a 50,000-student export is
# about 10 MB, so this only stops zip bombs and files that are not rosters.
MAX_BYTES = 200 * 1024 * 1024
MAX_MEMBERS = 10_000
TABLE_SUFFIXES = frozenset({".csv", ".tsv", ".txt", ".xlsx"})
# Columns whose values are replaced by MASKED while reading.
PASSWORD_KEYS = frozenset({"password", "passwd", "pwd", "motdepasse"})
MASKED = "***"

_ZIP_MAGIC = b"PK\x03\x04"
_EMPTY_ZIP_MAGIC = b"PK\x05\x06"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .xls and other Office 97 files
_DELIMITERS = ("\t", ";", ",")  # on a tie, the earlier wins
_ARCHIVE_ERRORS = (
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
    OSError,
    ValueError,
    NotImplementedError,
    RuntimeError,
    UnicodeDecodeError,
)


def header_key(text: str) -> str:
    """``"Nom d'utilisateur"`` → ``"nomdutilisateur"``: how headers are compared.

    Case, accents, spaces, underscores, hyphens and apostrophes do not
    matter, so "First Name", "first_name" and "FirstName" are one column.
    """
    return "".join(ch for ch in fold(text) if ch.isalnum())


@dataclass(slots=True)
class Table:
    """One sheet of values: a header and rows of cells, all text.

    Every row has exactly one cell per header column (missing cells are
    empty). ``lines[i]`` is the 1-based line of the file where ``rows[i]``
    starts; ``row_problems`` holds, by row index, what was wrong with the
    row itself (more cells than the header).
    """

    name: str  # as the user knows it: file name, zip member, "book.xlsx [Sheet]"
    stem: str  # lookup key: "users" for users.csv or Users.CSV
    header: list[str]
    rows: list[list[str]] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)
    row_problems: dict[int, tuple[Problem, ...]] = field(default_factory=dict)
    encoding: str | None = None  # "utf-8", "utf-8-sig", "utf-16", "cp1252"
    delimiter: str | None = None  # None for Excel sheets
    _columns: dict[str, int] = field(default_factory=dict, init=False, repr=False)

    def __post_init__(self) -> None:
        for index, name in enumerate(self.header):
            self._columns.setdefault(header_key(name), index)

    def column(self, *names: str) -> int | None:
        """Index of the first of ``names`` the header has (see ``header_key``)."""
        for name in names:
            index = self._columns.get(header_key(name))
            if index is not None:
                return index
        return None


@dataclass(slots=True)
class _Entry:
    name: str
    stem: str
    load: Callable[[], Table]
    table: Table | None = None


class Source:
    """The tables of one input, loaded when first asked for.

    Names are looked up without case or extension: ``source.table("users")``
    finds users.csv, USERS.CSV or a sheet named Users.
    """

    def __init__(self, name: str, entries: list[_Entry]) -> None:
        self.name = name
        self._entries = {entry.stem: entry for entry in entries}

    def names(self) -> list[str]:
        return [entry.name for entry in self._entries.values()]

    def has(self, stem: str) -> bool:
        return stem.casefold() in self._entries

    def table(self, stem: str) -> Table | None:
        entry = self._entries.get(stem.casefold())
        if entry is None:
            return None
        if entry.table is None:
            entry.table = entry.load()
        return entry.table

    def stems(self) -> list[str]:
        return list(self._entries)


def open_source(path: Path) -> Source:
    """The tables of a file, folder or zip; RosterError if it cannot be read."""
    name = path.name or str(path)
    try:
        if path.is_dir():
            return _folder_source(path)
        if not path.is_file():
            raise RosterError(
                _problem(
                    name,
                    QCoreApplication.translate(
                        "Roster", "The file or folder does not exist."
                    ),
                )
            )
        if path.stat().st_size > MAX_BYTES:
            raise RosterError(_too_large(name))
        with path.open("rb") as stream:
            data = stream.read(MAX_BYTES + 1)
    except OSError as error:
        log.warning("Cannot read roster input: %s", error.strerror)
        raise RosterError(
            _problem(
                name, QCoreApplication.translate("Roster", "The file cannot be opened.")
            )
        ) from None
    if len(data) > MAX_BYTES:
        raise RosterError(_too_large(name))

    suffix = path.suffix.casefold()
    if data.startswith((_ZIP_MAGIC, _EMPTY_ZIP_MAGIC)):
        archive = _open_archive(data, name)
        if suffix == ".xlsx" or "xl/workbook.xml" in archive.namelist():
            return _workbook_source(data, name)
        return _zip_source(archive, name)
    if data.startswith(_OLE_MAGIC) or suffix == ".xls":
        raise RosterError(_old_excel(name))
    if suffix == ".xlsx":
        raise RosterError(_bad_workbook(name))
    table = parse_text(data, name)
    return Source(name, [_Entry(name, _stem(name), _loaded(table), table)])


def read_all(source: Source) -> list[Table]:
    """Every table of ``source``, in the order of its files."""
    tables: list[Table] = []
    for stem in source.stems():
        table = source.table(stem)
        if table is not None:
            tables.append(table)
    return tables


# Text files


def parse_text(data: bytes, name: str) -> Table:
    """A CSV, TSV or TXT file's table, its encoding and delimiter detected."""
    text, encoding = _decode(data, name)
    delimiter = detect_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)

    def numbered() -> Iterator[tuple[int, list[str]]]:
        # A quoted value may hold line breaks: a row starts on the line
        # after the one where the previous row ended.
        previous = 0
        for row in reader:
            start = previous + 1
            previous = reader.line_num
            yield start, row

    try:
        table = _build_table(name, numbered())
    except csv.Error:
        raise RosterError(
            Problem(
                name,
                reader.line_num or None,
                None,
                None,
                QCoreApplication.translate(
                    "Roster", "A value on this line is too long to be a roster value."
                ),
            )
        ) from None
    table.encoding = encoding
    table.delimiter = delimiter
    return table


def detect_delimiter(text: str) -> str:
    """Comma, semicolon or tab: the one the header line uses most outside quotes."""
    counts = dict.fromkeys(_DELIMITERS, 0)
    quoted = False
    started = False
    for ch in text[:65536]:
        if ch == '"':
            quoted = not quoted
        elif quoted:
            continue
        elif ch in "\r\n":
            if started:
                break
        else:
            started = True
            if ch in counts:
                counts[ch] += 1
    best = max(_DELIMITERS, key=counts.__getitem__)
    return best if counts[best] else ","


def _decode(data: bytes, name: str) -> tuple[str, str]:
    """The text of ``data`` and its encoding: UTF-8 first, then Windows-1252."""
    text: str | None = None
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
    elif b"\x00" in data:
        raise RosterError(
            _problem(
                name,
                QCoreApplication.translate(
                    "Roster", "This is not a text file (CSV) nor an Excel workbook."
                ),
            )
        )
    elif data.startswith(codecs.BOM_UTF8):
        encoding = "utf-8-sig"
    else:
        try:
            text = data.decode("utf-8")
            encoding = "utf-8"
        except UnicodeDecodeError:
            encoding = "cp1252"
    if text is None:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            raise RosterError(
                _problem(
                    name,
                    QCoreApplication.translate(
                        "Roster",
                        "The file's characters are not in a known encoding "
                        "(UTF-8, UTF-16 or Windows-1252).",
                    ),
                )
            ) from None
    if "\x00" in text:
        raise RosterError(
            _problem(
                name,
                QCoreApplication.translate(
                    "Roster", "This is not a text file (CSV) nor an Excel workbook."
                ),
            )
        )
    return text, encoding


def _build_table(name: str, numbered: Iterable[tuple[int, list[str]]]) -> Table:
    """Header (first non-empty row), then rows cut or padded to its width."""
    header: list[str] | None = None
    width = 0
    masked: list[int] = []
    rows: list[list[str]] = []
    lines: list[int] = []
    problems: dict[int, tuple[Problem, ...]] = {}
    for line, row in numbered:
        if not any(row):
            continue
        if header is None:
            header = [cell.strip() for cell in row]
            while header and not header[-1]:
                header.pop()
            width = len(header)
            masked = [i for i, h in enumerate(header) if header_key(h) in PASSWORD_KEYS]
            continue
        size = len(row)
        if size != width:
            if size < width:
                row.extend([""] * (width - size))
            else:
                if any(cell.strip() for cell in row[width:]):
                    problems[len(rows)] = (
                        Problem(
                            name,
                            line,
                            None,
                            None,
                            QCoreApplication.translate(
                                "Roster",
                                "This row has more values than the header has columns.",
                            ),
                        ),
                    )
                del row[width:]
        for index in masked:
            if row[index]:
                row[index] = MASKED
        rows.append(row)
        lines.append(line)
    if not header:
        raise RosterError(
            _problem(
                name,
                QCoreApplication.translate(
                    "Roster", "The file is empty: it has no header line."
                ),
            )
        )
    return Table(name, _stem(name), header, rows, lines, problems)


# Excel workbooks


def _workbook_source(data: bytes, name: str) -> Source:
    """Every non-empty sheet, looked up by its name (or the file's, if alone)."""
    sheets = _workbook_tables(data, name)
    return Source(
        name,
        [_Entry(table.name, table.stem, _loaded(table), table) for table in sheets],
    )


def _workbook_tables(
    data: bytes, name: str, *, first_only: bool = False
) -> list[Table]:
    _check_archive(_open_archive(data, name), name)
    tables: list[Table] = []
    # openpyxl warns about features it ignores (data validation, styles);
    # they do not change the values read.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            workbook = openpyxl.load_workbook(
                io.BytesIO(data), read_only=True, data_only=True
            )
        except Exception:
            # openpyxl parses untrusted XML and raises whatever the broken
            # part provokes (KeyError, ValueError, ParseError, TypeError…).
            raise RosterError(_bad_workbook(name)) from None
        try:
            sheets = workbook.worksheets
            for sheet in sheets:
                alone = len(sheets) == 1 or first_only
                label = name if alone else f"{name} [{sheet.title}]"
                sheet.reset_dimensions()
                rows = (
                    (number, [_cell_text(value) for value in values])
                    for number, values in enumerate(
                        sheet.iter_rows(values_only=True), start=1
                    )
                )
                try:
                    table = _build_table(label, rows)
                except RosterError:
                    continue  # an empty sheet
                if not alone:
                    table.stem = str(sheet.title).casefold()
                tables.append(table)
                if first_only:
                    break
        except Exception:
            raise RosterError(_bad_workbook(name)) from None
        finally:
            workbook.close()
    if not tables:
        raise RosterError(
            _problem(
                name,
                QCoreApplication.translate(
                    "Roster", "The file is empty: it has no header line."
                ),
            )
        )
    return tables


def _cell_text(value: object) -> str:
    """A cell's value as the text a CSV export would hold."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        if value.time() == dt.time():
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return str(value)


# Folders and zips


def _folder_source(path: Path) -> Source:
    entries: list[_Entry] = []
    files = sorted(
        (child for child in path.iterdir() if _is_table_name(child.name)),
        key=lambda child: child.name.casefold(),
    )
    for child in files:
        if not child.is_file():
            continue
        entries.append(_Entry(child.name, _stem(child.name), _file_loader(child)))
    _refuse_duplicates(entries, path.name)
    if not entries:
        raise RosterError(
            _problem(
                path.name,
                QCoreApplication.translate(
                    "Roster", "The folder holds no CSV or Excel file."
                ),
            )
        )
    return Source(path.name, entries)


def _file_loader(path: Path) -> Callable[[], Table]:
    def load() -> Table:
        try:
            with path.open("rb") as stream:
                data = stream.read(MAX_BYTES + 1)
        except OSError:
            raise RosterError(
                _problem(
                    path.name,
                    QCoreApplication.translate("Roster", "The file cannot be opened."),
                )
            ) from None
        if len(data) > MAX_BYTES:
            raise RosterError(_too_large(path.name))
        return _member_table(data, path.name)

    return load


def _zip_source(archive: zipfile.ZipFile, name: str) -> Source:
    infos = _check_archive(archive, name)
    budget = [MAX_BYTES]
    entries = [
        _Entry(
            info.filename, _stem(info.filename), _member_loader(archive, info, budget)
        )
        for info in infos
        if _is_table_name(info.filename)
    ]
    _refuse_duplicates(entries, name)
    if not entries:
        raise RosterError(
            _problem(
                name,
                QCoreApplication.translate(
                    "Roster", "The zip file holds no CSV or Excel file."
                ),
            )
        )
    return Source(name, entries)


def _member_loader(
    archive: zipfile.ZipFile, info: zipfile.ZipInfo, budget: list[int]
) -> Callable[[], Table]:
    """Read one member, never more than what is left of the size budget."""

    def load() -> Table:
        try:
            with archive.open(info) as member:
                data = member.read(budget[0] + 1)
        except RuntimeError:
            raise RosterError(
                _problem(
                    info.filename,
                    QCoreApplication.translate(
                        "Roster", "The zip file is protected by a password."
                    ),
                )
            ) from None
        except _ARCHIVE_ERRORS:
            raise RosterError(_bad_zip(info.filename)) from None
        if len(data) > budget[0]:
            raise RosterError(_too_large(info.filename))
        budget[0] -= len(data)
        return _member_table(data, info.filename)

    return load


def _member_table(data: bytes, name: str) -> Table:
    if data.startswith((_ZIP_MAGIC, _EMPTY_ZIP_MAGIC)):
        return _workbook_tables(data, name, first_only=True)[0]
    if data.startswith(_OLE_MAGIC):
        raise RosterError(_old_excel(name))
    return parse_text(data, name)


def _open_archive(data: bytes, name: str) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(io.BytesIO(data))
    except _ARCHIVE_ERRORS:
        raise RosterError(_bad_zip(name)) from None


def _check_archive(archive: zipfile.ZipFile, name: str) -> list[zipfile.ZipInfo]:
    """The archive's files, refusing bombs and paths that leave the archive."""
    infos = [info for info in archive.infolist() if not info.is_dir()]
    if len(infos) > MAX_MEMBERS or sum(info.file_size for info in infos) > MAX_BYTES:
        raise RosterError(_too_large(name))
    for info in infos:
        parts = info.filename.replace("\\", "/").split("/")
        if info.filename.startswith(("/", "\\")) or ".." in parts or ":" in parts[0]:
            raise RosterError(
                Problem(
                    name,
                    None,
                    None,
                    info.filename,
                    QCoreApplication.translate(
                        "Roster",
                        "The zip file holds a path that leads outside of it.",
                    ),
                )
            )
    return infos


def _refuse_duplicates(entries: list[_Entry], name: str) -> None:
    seen: set[str] = set()
    for entry in entries:
        if entry.stem in seen:
            raise RosterError(
                Problem(
                    name,
                    None,
                    None,
                    entry.name,
                    QCoreApplication.translate(
                        "Roster",
                        "Two files have this name: keep only one of them.",
                    ),
                )
            )
        seen.add(entry.stem)


def _is_table_name(name: str) -> bool:
    path = PurePosixPath(name.replace("\\", "/"))
    return (
        path.suffix.casefold() in TABLE_SUFFIXES
        and not path.name.startswith((".", "~$"))
        and "__MACOSX" not in path.parts
    )


def _stem(name: str) -> str:
    return PurePosixPath(name.replace("\\", "/")).stem.casefold()


def _loaded(table: Table) -> Callable[[], Table]:
    return lambda: table


# Problems


def _problem(name: str, message: str) -> Problem:
    return Problem(name, None, None, None, message)


def _too_large(name: str) -> Problem:
    return _problem(
        name,
        QCoreApplication.translate(
            "Roster", "The input is too large: more than {0} MB once uncompressed."
        ).format(MAX_BYTES // (1024 * 1024)),
    )


def _bad_zip(name: str) -> Problem:
    return _problem(
        name,
        QCoreApplication.translate("Roster", "The zip file is damaged."),
    )


def _bad_workbook(name: str) -> Problem:
    return _problem(
        name,
        QCoreApplication.translate(
            "Roster", "The Excel workbook is damaged or is not an .xlsx workbook."
        ),
    )


def _old_excel(name: str) -> Problem:
    return _problem(
        name,
        QCoreApplication.translate(
            "Roster",
            "Workbooks in the old Excel format (.xls) cannot be read: "
            "save the file as .xlsx or CSV.",
        ),
    )
