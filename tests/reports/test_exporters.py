"""Tests of the table exporters: exact bytes, read-back values, atomicity."""

from __future__ import annotations

import csv
import datetime as dt
import math
import re
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from openpyxl.worksheet import _writer as openpyxl_sheet_writer
from python_calamine import CalamineWorkbook

from cams_desktop.reports.exporters import (
    Cell,
    ExportCancelled,
    ExportFormat,
    ExportResult,
    clean_sheet_title,
    export_table,
    is_formula_like,
)

UTC = dt.UTC
BOM = b"\xef\xbb\xbf"

HEADERS = [
    "Name",
    "Note",
    "Formula",
    "At",
    "Negative",
    "Phone",
    "Count",
    "Ratio",
    "Born",
    "Updated",
]
ROWS: list[list[Cell]] = [
    [
        "Zoé",
        'Says "hi", then leaves',
        "=1+2",
        "@SUM(A1)",
        "-12.5",
        "+1 514 555 0000",
        42,
        0.5,
        dt.date(2010, 3, 4),
        dt.datetime(2026, 1, 15, 15, 30, tzinfo=UTC),
    ],
    [
        "O’Neil",
        None,
        True,
        False,
        Decimal("12.50"),
        "",
        -3,
        1234.5678,
        dt.date(2026, 12, 31),
        # Summer: Toronto is UTC-4.
        dt.datetime(2026, 7, 1, 12, 0, tzinfo=UTC),
    ],
]


def _leftover_files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


# --- CSV and text ---------------------------------------------------------


def test_csv_exact_bytes(tmp_path: Path) -> None:
    path = tmp_path / "students.csv"

    result = export_table(path, ExportFormat.CSV, HEADERS, ROWS)

    expected = (
        "Name,Note,Formula,At,Negative,Phone,Count,Ratio,Born,Updated\r\n"
        'Zoé,"Says ""hi"", then leaves",\'=1+2,\'@SUM(A1),-12.5,'
        "'+1 514 555 0000,42,0.5,2010-03-04,2026-01-15 10:30\r\n"
        "O’Neil,,TRUE,FALSE,12.50,,-3,1234.5678,2026-12-31,2026-07-01 08:00\r\n"
    )
    assert path.read_bytes() == BOM + expected.encode("utf-8")
    assert result == ExportResult(
        path=path, rows_written=2, cleaned_cells=0, neutralised_cells=3
    )
    assert _leftover_files(tmp_path) == ["students.csv"]


def test_text_exact_bytes_tab_and_newline_inside_values(tmp_path: Path) -> None:
    path = tmp_path / "students.txt"
    rows: list[list[Cell]] = [
        ["Zoé", "a\tb"],
        ["O’Neil", "line 1\nline 2"],
        ["-", "\tindented"],
        ['He said "no"', 7],
    ]

    result = export_table(path, ExportFormat.TEXT, ["Name", "Comment"], rows)

    expected = (
        "Name\tComment\r\n"
        'Zoé\t"a\tb"\r\n'
        'O’Neil\t"line 1\nline 2"\r\n'
        "'-\t\"'\tindented\"\r\n"
        '"He said ""no"""\t7\r\n'
    )
    assert path.read_bytes() == BOM + expected.encode("utf-8")
    assert result.neutralised_cells == 2
    assert result.cleaned_cells == 0
    assert result.rows_written == 4


def test_csv_keeps_control_characters_and_neutralises_headers(tmp_path: Path) -> None:
    path = tmp_path / "out.csv"

    result = export_table(path, ExportFormat.CSV, ["=H", "ok"], [["a\x07b", "\r=x"]])

    assert path.read_bytes() == BOM + b"'=H,ok\r\na\x07b,\"'\r=x\"\r\n"
    assert result.neutralised_cells == 2
    assert result.cleaned_cells == 0


def test_csv_refuses_rather_than_guesses(tmp_path: Path) -> None:
    path = tmp_path / "out.csv"
    path.write_bytes(b"previous export")

    naive = dt.datetime(2026, 1, 15, 10, 30)
    with pytest.raises(ValueError, match=r"Row 2, column “When”: .* has no time zone"):
        export_table(path, ExportFormat.CSV, ["When"], [[None], [naive]])
    with pytest.raises(ValueError, match="Row 1, column “When”: nan"):
        export_table(path, ExportFormat.CSV, ["When"], [[math.nan]])
    with pytest.raises(ValueError, match="Row 1, column “When”: Decimal"):
        export_table(path, ExportFormat.CSV, ["When"], [[Decimal("Infinity")]])
    with pytest.raises(TypeError, match=r"Row 1, column “When”: .* type list"):
        export_table(path, ExportFormat.CSV, ["When"], [[[1, 2]]])  # type: ignore[list-item]

    assert path.read_bytes() == b"previous export"
    assert _leftover_files(tmp_path) == ["out.csv"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("=1+2", True),
        ("+1 514 555 0000", True),
        ("-", True),
        ("@SUM(A1)", True),
        ("\tx", True),
        ("\rx", True),
        ("-12.5", False),
        ("+3", False),
        ("-1,5", False),
        ("-12.5\n", True),
        ("-١٢", True),  # non-ASCII digits are not a plain number
        ("", False),
        ("Zoé", False),
        (" =1", False),
    ],
)
def test_is_formula_like(text: str, expected: bool) -> None:
    assert is_formula_like(text) is expected


# --- Excel ------------------------------------------------------------------

XLSX_HEADERS = [
    "Name",
    "Formula",
    "Count",
    "Ratio",
    "Amount",
    "Active",
    "Born",
    "Updated",
    "Note",
]
XLSX_ROWS: list[list[Cell]] = [
    [
        "Zoé",
        "=1+2",
        42,
        0.5,
        Decimal("12.50"),
        True,
        dt.date(2010, 3, 4),
        dt.datetime(2026, 1, 15, 15, 30, tzinfo=UTC),
        "bell\x07 here",
    ],
    [
        "O’Neil",
        "@SUM(A1)",
        -3,
        1234.5678,
        None,
        False,
        dt.date(2026, 12, 31),
        dt.datetime(2026, 7, 1, 12, 0, tzinfo=UTC),
        "a\r\nb _x0041_",
    ],
]


@pytest.fixture
def xlsx_export(tmp_path: Path) -> tuple[Path, ExportResult]:
    path = tmp_path / "students.xlsx"
    result = export_table(
        path,
        ExportFormat.XLSX,
        XLSX_HEADERS,
        XLSX_ROWS,
        sheet_title="Grades 9/10: [Fall]",
    )
    return path, result


def test_xlsx_counts(xlsx_export: tuple[Path, ExportResult]) -> None:
    path, result = xlsx_export
    assert result == ExportResult(
        path=path, rows_written=2, cleaned_cells=1, neutralised_cells=2
    )
    assert _leftover_files(path.parent) == ["students.xlsx"]


def test_xlsx_read_back_with_openpyxl(xlsx_export: tuple[Path, ExportResult]) -> None:
    path, _ = xlsx_export
    workbook = openpyxl.load_workbook(path)
    assert workbook.sheetnames == ["Grades 9-10 Fall"]
    ws = workbook.active

    values = [list(r) for r in ws.iter_rows(values_only=True)]
    assert values == [
        XLSX_HEADERS,
        [
            "Zoé",
            "=1+2",
            42,
            0.5,
            12.5,
            True,
            dt.datetime(2010, 3, 4, 0, 0),
            dt.datetime(2026, 1, 15, 10, 30),
            "bell here",
        ],
        [
            "O’Neil",
            "@SUM(A1)",
            -3,
            1234.5678,
            None,
            False,
            dt.datetime(2026, 12, 31, 0, 0),
            dt.datetime(2026, 7, 1, 8, 0),
            # openpyxl does not decode OOXML "_xHHHH_" escapes; Excel and
            # calamine do (see the calamine test).
            "a\nb _x005F_x0041_",
        ],
    ]
    assert [c.data_type for c in ws[2]] == ["s", "s", "n", "n", "n", "b", "d", "d", "s"]
    assert ws["B2"].value == "=1+2"  # a string cell, not a formula
    assert ws["G2"].number_format == "yyyy-mm-dd"
    assert ws["H2"].number_format == "yyyy-mm-dd hh:mm"
    assert all(cell.font.bold for cell in ws[1])
    assert not any(cell.font.bold for cell in ws[2])
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == "A1:I3"
    widths = [ws.column_dimensions[letter].width for letter in "ABCDEFGHI"]
    assert all(8 <= w <= 60 for w in widths)
    # "Updated" must fit "2026-01-15 10:30" (16 characters) or Excel shows ####.
    assert widths[7] >= 16


def test_xlsx_read_back_with_calamine(xlsx_export: tuple[Path, ExportResult]) -> None:
    path, _ = xlsx_export
    sheet = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0)
    assert sheet.name == "Grades 9-10 Fall"

    rows = sheet.to_python()
    assert rows == [
        XLSX_HEADERS,
        [
            "Zoé",
            "=1+2",
            42,
            0.5,
            12.5,
            True,
            dt.date(2010, 3, 4),
            dt.datetime(2026, 1, 15, 10, 30),
            "bell here",
        ],
        [
            "O’Neil",
            "@SUM(A1)",
            -3,
            1234.5678,
            "",
            False,
            dt.date(2026, 12, 31),
            dt.datetime(2026, 7, 1, 8, 0),
            "a\nb _x0041_",
        ],
    ]
    numeric = [type(v) for v in rows[1][2:5]]
    assert all(t in (int, float) for t in numeric)
    assert type(rows[1][5]) is bool
    assert type(rows[1][6]) is dt.date
    assert type(rows[1][7]) is dt.datetime


def test_xlsx_removes_what_xml_cannot_hold(tmp_path: Path) -> None:
    path = tmp_path / "odd.xlsx"
    row = ["\x00a\x1f", "b\ufffe\uffff", "tab\tkept", "\x85\u2028 kept"]

    result = export_table(path, ExportFormat.XLSX, ["A", "B", "C", "D"], [row])

    assert result.cleaned_cells == 2
    expected = ["a", "b", "tab\tkept", "\x85\u2028 kept"]
    assert [c.value for c in openpyxl.load_workbook(path).active[2]] == expected
    sheet = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0)
    assert sheet.to_python()[1] == expected


def test_xlsx_long_text_is_cut_and_counted(tmp_path: Path) -> None:
    path = tmp_path / "long.xlsx"

    result = export_table(path, ExportFormat.XLSX, ["Note"], [["x" * 40_000]])

    assert result.cleaned_cells == 1
    ws = openpyxl.load_workbook(path).active
    assert ws["A2"].value == "x" * 32_767


def test_xlsx_refuses_naive_datetime_and_cleans_up(tmp_path: Path) -> None:
    path = tmp_path / "out.xlsx"
    path.write_bytes(b"previous export")

    with pytest.raises(ValueError, match="Row 1, column “When”"):
        export_table(
            path, ExportFormat.XLSX, ["When"], [[dt.datetime(2026, 1, 15, 10, 30)]]
        )

    assert path.read_bytes() == b"previous export"
    assert _leftover_files(tmp_path) == ["out.xlsx"]
    assert openpyxl_sheet_writer.ALL_TEMP_FILES == []


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Grades 9/10: [Fall]", "Grades 9-10 Fall"),
        ("What?*", "What"),
        ("a" * 40, "a" * 31),
        ("'quoted'", "quoted"),
        ("", "Export"),
        ("[]", "Export"),
        ("History", "History_"),
        ("line\nbreak\ttab", "linebreaktab"),
    ],
)
def test_clean_sheet_title(title: str, expected: str) -> None:
    assert clean_sheet_title(title) == expected


# --- Atomicity, cancel, progress, shape -------------------------------------


@pytest.mark.parametrize("fmt", list(ExportFormat))
def test_cancel_half_way_leaves_nothing(tmp_path: Path, fmt: ExportFormat) -> None:
    rows: list[list[Cell]] = [[f"student {i}", i] for i in range(2_000)]
    path = tmp_path / f"export.{fmt.value}"
    existing = tmp_path / f"existing.{fmt.value}"
    existing.write_bytes(b"previous export")
    reported: list[tuple[int, int]] = []

    def cancel() -> bool:
        # Half-way through writing: 1,000 of 2,000 rows are written.
        return reported[-1:] == [(500, 2_000)]

    def progress(done: int, total: int) -> None:
        reported.append((done, total))

    for target in (path, existing):
        reported.clear()
        with pytest.raises(ExportCancelled):
            export_table(
                target, fmt, ["Name", "N"], rows, progress=progress, cancel=cancel
            )
        assert reported == [(0, 2_000), (500, 2_000)]

    assert not path.exists()
    assert existing.read_bytes() == b"previous export"
    assert _leftover_files(tmp_path) == [existing.name]
    assert openpyxl_sheet_writer.ALL_TEMP_FILES == []


@pytest.mark.parametrize("fmt", list(ExportFormat))
def test_progress_and_overwrite(tmp_path: Path, fmt: ExportFormat) -> None:
    path = tmp_path / f"export.{fmt.value}"
    path.write_bytes(b"previous export")
    reported: list[tuple[int, int]] = []

    result = export_table(
        path,
        fmt,
        ["N"],
        [[i] for i in range(1_200)],
        progress=lambda done, total: reported.append((done, total)),
        cancel=lambda: False,
    )

    assert reported == [(0, 1_200), (500, 1_200), (1_000, 1_200), (1_200, 1_200)]
    assert result.rows_written == 1_200
    assert path.read_bytes() != b"previous export"
    assert _leftover_files(tmp_path) == [path.name]


@pytest.mark.parametrize("fmt", list(ExportFormat))
def test_empty_table(tmp_path: Path, fmt: ExportFormat) -> None:
    path = tmp_path / f"empty.{fmt.value}"
    reported: list[tuple[int, int]] = []

    result = export_table(
        path, fmt, ["Name"], [], progress=lambda d, t: reported.append((d, t))
    )

    assert result.rows_written == 0
    assert reported == [(0, 0)]
    if fmt is ExportFormat.XLSX:
        ws = openpyxl.load_workbook(path).active
        assert [list(r) for r in ws.iter_rows(values_only=True)] == [["Name"]]
        assert ws.auto_filter.ref == "A1:A1"
    else:
        assert path.read_bytes() == BOM + b"Name\r\n"


@pytest.mark.parametrize("fmt", list(ExportFormat))
def test_row_length_mismatch(tmp_path: Path, fmt: ExportFormat) -> None:
    path = tmp_path / f"export.{fmt.value}"

    with pytest.raises(ValueError, match=r"^Row 2 has 1 cells but there are 2 columns"):
        export_table(path, fmt, ["A", "B"], [["a", "b"], ["only one"], ["a", "b"]])
    with pytest.raises(ValueError, match="at least one column"):
        export_table(path, fmt, [], [])

    assert _leftover_files(tmp_path) == []


def test_missing_folder_raises_oserror(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        export_table(tmp_path / "nope" / "x.csv", ExportFormat.CSV, ["A"], [])


# --- Properties ---------------------------------------------------------------

_XLSX_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_table = st.lists(st.lists(st.text(), min_size=3, max_size=3), max_size=4)


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rows=_table, fmt=st.sampled_from([ExportFormat.CSV, ExportFormat.TEXT]))
def test_text_round_trips_through_csv_and_text(
    tmp_path_factory: pytest.TempPathFactory,
    rows: list[list[str]],
    fmt: ExportFormat,
) -> None:
    path = tmp_path_factory.mktemp("prop") / f"t.{fmt.value}"

    export_table(path, fmt, ["a", "b", "c"], rows)

    delimiter = "," if fmt is ExportFormat.CSV else "\t"
    with path.open(encoding="utf-8-sig", newline="") as stream:
        read = list(csv.reader(stream, delimiter=delimiter))
    expected = [[("'" + s) if is_formula_like(s) else s for s in row] for row in rows]
    assert read == [["a", "b", "c"], *expected]


@settings(deadline=None, max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(rows=_table)
@example(rows=[["\ufffe", "\uffff\x00", "\r\n\r"], ["=", "_x0041_", " "]])
@example(rows=[["", "", "\n\xa0"]])
def test_text_survives_xlsx_minus_illegal_characters(
    tmp_path_factory: pytest.TempPathFactory, rows: list[list[str]]
) -> None:
    path = tmp_path_factory.mktemp("prop") / "t.xlsx"

    result = export_table(path, ExportFormat.XLSX, ["a", "b", "c"], rows)

    def expected_text(text: str) -> str:
        cleaned = _XLSX_ILLEGAL.sub("", text)
        cleaned = cleaned.replace("\r\n", "\n").replace("\r", "\n")
        # Whitespace-only text (as str.strip() sees it) becomes an empty cell.
        return cleaned if cleaned.strip() else ""

    expected = [[expected_text(s) for s in row] for row in rows]
    read = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()
    # calamine stops at the last non-empty row; the missing rows are empty.
    read += [["", "", ""]] * (len(rows) + 1 - len(read))
    assert read == [["a", "b", "c"], *expected]
    assert result.cleaned_cells == sum(
        bool(_XLSX_ILLEGAL.search(s)) for row in rows for s in row
    )
    assert result.neutralised_cells == sum(
        is_formula_like(s) for row in rows for s in row
    )
    openpyxl.load_workbook(path)  # a valid file for openpyxl too
