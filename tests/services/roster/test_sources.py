"""Opening roster inputs: encodings, delimiters, folders, zips, workbooks, limits."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import openpyxl
import pytest

from cams_desktop.services.roster import sources
from cams_desktop.services.roster.records import Problem, RosterError
from cams_desktop.services.roster.sources import (
    MASKED,
    detect_delimiter,
    header_key,
    open_source,
    read_all,
)

pytestmark = pytest.mark.unit

TOO_MANY = "This row has more values than the header has columns."


def only_table(path: Path) -> sources.Table:
    tables = read_all(open_source(path))
    assert len(tables) == 1
    return tables[0]


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_utf8_without_bom(tmp_path):
    path = write(tmp_path / "eleves.csv", "Prénom,Nom\nZoé,Bédard\n".encode())
    table = only_table(path)
    assert (table.encoding, table.delimiter) == ("utf-8", ",")
    assert table.header == ["Prénom", "Nom"]
    assert table.rows == [["Zoé", "Bédard"]]
    assert table.lines == [2]
    assert (table.name, table.stem) == ("eleves.csv", "eleves")


def test_utf8_with_bom_keeps_the_first_header_clean(tmp_path):
    path = write(
        tmp_path / "e.csv", b"\xef\xbb\xbfPr\xc3\xa9nom;Nom\r\nZo\xc3\xa9;B\r\n"
    )
    table = only_table(path)
    assert (table.encoding, table.delimiter) == ("utf-8-sig", ";")
    assert table.header == ["Prénom", "Nom"]
    assert table.column("prenom") == 0
    assert table.rows == [["Zoé", "B"]]


def test_windows_1252_is_detected(tmp_path):
    text = "Prénom\tNom de famille\nÉlodie\tGagné\n“Zoë”\tœuvre\n"
    path = write(tmp_path / "export.txt", text.encode("cp1252"))
    table = only_table(path)
    assert (table.encoding, table.delimiter) == ("cp1252", "\t")
    assert table.header == ["Prénom", "Nom de famille"]
    assert table.rows == [["Élodie", "Gagné"], ["“Zoë”", "œuvre"]]


def test_utf16_from_excel_unicode_text(tmp_path):
    path = write(tmp_path / "u.txt", "Prénom\tNom\nÉlodie\tGagné\n".encode("utf-16"))
    table = only_table(path)
    assert (table.encoding, table.delimiter) == ("utf-16", "\t")
    assert table.rows == [["Élodie", "Gagné"]]


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("a,b,c", ","),
        ("a;b;c", ";"),
        ("a\tb\tc", "\t"),
        ('"Nom, complet";"Année, scolaire";Groupe', ";"),
        ('"a;b;c",d', ","),
        ("\n\nPrénom;Nom\nx,y,z,w", ";"),
        ("seule", ","),
        ("", ","),
    ],
)
def test_delimiter_comes_from_the_header_outside_quotes(header, expected):
    assert detect_delimiter(header) == expected


def test_quoted_newlines_keep_the_starting_line(tmp_path):
    text = 'Nom,Note\nA,"ligne 1\nligne 2\nligne 3"\nB,simple\n\n\nC,"x"\n'
    table = only_table(write(tmp_path / "q.csv", text.encode()))
    assert table.rows == [
        ["A", "ligne 1\nligne 2\nligne 3"],
        ["B", "simple"],
        ["C", "x"],
    ]
    assert table.lines == [2, 5, 8]


def test_short_rows_are_padded_and_long_rows_reported(tmp_path):
    text = "a,b,c\n1\n1,2,3,4\n1,2,3,,\n,,\n5,6,7\n"
    table = only_table(write(tmp_path / "cells.csv", text.encode()))
    assert table.rows == [
        ["1", "", ""],
        ["1", "2", "3"],
        ["1", "2", "3"],
        ["5", "6", "7"],
    ]
    assert table.lines == [2, 3, 4, 6]
    # Empty trailing cells (Excel's habit) are not a problem.
    assert table.row_problems == {1: (Problem("cells.csv", 3, None, None, TOO_MANY),)}


def test_leading_blank_lines_and_trailing_header_cells(tmp_path):
    text = "\n\nPrénom, Nom ,,\nZoé,B,,\n"
    table = only_table(write(tmp_path / "b.csv", text.encode()))
    assert table.header == ["Prénom", "Nom"]
    assert table.rows == [["Zoé", "B"]]
    assert table.lines == [4]


def test_passwords_are_masked_while_reading(tmp_path):
    text = "Username,Password,Mot de passe\nzoe,s3cret!,\nleo,,autre\n"
    table = only_table(write(tmp_path / "p.csv", text.encode()))
    assert table.rows == [["zoe", MASKED, ""], ["leo", "", MASKED]]
    assert "s3cret!" not in repr(table)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"Nom\x00,Pr\n", "This is not a text file (CSV) nor an Excel workbook."),
        (b"", "The file is empty: it has no header line."),
        (b"\n \n,,\n", "The file is empty: it has no header line."),
        (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100),
            "Workbooks in the old Excel format (.xls) cannot be read: "
            "save the file as .xlsx or CSV.",
        ),
    ],
)
def test_unreadable_files_name_the_file(tmp_path, data, message):
    path = write(tmp_path / "eleves.csv", data)
    with pytest.raises(RosterError) as raised:
        open_source(path)
    assert raised.value.problem == Problem("eleves.csv", None, None, None, message)


def test_undecodable_bytes(tmp_path):
    # 0x81 is undefined in Windows-1252 and invalid in UTF-8.
    path = write(tmp_path / "x.csv", b"Nom\n\x81\x81\n")
    with pytest.raises(RosterError) as raised:
        open_source(path)
    assert raised.value.problem.message == (
        "The file's characters are not in a known encoding "
        "(UTF-8, UTF-16 or Windows-1252)."
    )


def test_missing_path(tmp_path):
    with pytest.raises(RosterError) as raised:
        open_source(tmp_path / "absent.csv")
    assert raised.value.problem == Problem(
        "absent.csv", None, None, None, "The file or folder does not exist."
    )


def test_a_huge_value_is_refused_with_its_line(tmp_path):
    text = "Nom,Note\nA,b\nB," + "x" * 200_000 + "\n"
    with pytest.raises(RosterError) as raised:
        open_source(write(tmp_path / "h.csv", text.encode()))
    assert (raised.value.problem.file, raised.value.problem.line) == ("h.csv", 3)


def test_folder_lookup_ignores_case_and_extension(tmp_path):
    folder = tmp_path / "export"
    folder.mkdir()
    write(folder / "USERS.CSV", b"sourcedId\nu1\n")
    write(folder / "Roles.txt", b"userSourcedId;role\nu1;student\n")
    write(folder / "notes.pdf", b"%PDF")
    write(folder / "~$lock.csv", b"\x00")
    source = open_source(folder)
    assert source.name == "export"
    assert source.names() == ["Roles.txt", "USERS.CSV"]
    assert source.has("users") and source.has("ROLES") and not source.has("notes")
    users = source.table("Users")
    assert users is not None and users.name == "USERS.CSV"
    roles = source.table("roles")
    assert roles is not None and roles.rows == [["u1", "student"]]
    assert source.table("manifest") is None


def test_folder_without_tables(tmp_path):
    (tmp_path / "vide").mkdir()
    with pytest.raises(RosterError) as raised:
        open_source(tmp_path / "vide")
    assert raised.value.problem.message == "The folder holds no CSV or Excel file."


def test_a_broken_file_of_a_folder_fails_only_when_read(tmp_path):
    write(tmp_path / "good.csv", b"a\n1\n")
    write(tmp_path / "bad.csv", b"a\x00")
    source = open_source(tmp_path)
    assert source.table("good") is not None
    with pytest.raises(RosterError) as raised:
        source.table("bad")
    assert raised.value.problem.file == "bad.csv"


def make_zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_zip_members_in_a_sub_folder(tmp_path):
    data = make_zip(
        {
            "export-2025/": b"",
            "export-2025/manifest.csv": b"propertyName,value\nfile.users,bulk\n",
            "export-2025/Users.csv": b"sourcedId,givenName\nu1,Zo\xc3\xa9\n",
            "__MACOSX/export-2025/._Users.csv": b"\x00\x05\x16\x07",
            "export-2025/readme.md": b"hello",
        }
    )
    source = open_source(write(tmp_path / "bundle.zip", data))
    assert source.names() == ["export-2025/manifest.csv", "export-2025/Users.csv"]
    users = source.table("users")
    assert users is not None
    assert (users.name, users.rows, users.lines) == (
        "export-2025/Users.csv",
        [["u1", "Zoé"]],
        [2],
    )


@pytest.mark.parametrize("member", ["../evil.csv", "a/../../evil.csv", "/abs.csv"])
def test_zip_paths_leaving_the_archive_are_refused(tmp_path, member):
    data = make_zip({"users.csv": b"a\n1\n", member: b"a\n1\n"})
    with pytest.raises(RosterError) as raised:
        open_source(write(tmp_path / "b.zip", data))
    assert raised.value.problem == Problem(
        "b.zip",
        None,
        None,
        member,
        "The zip file holds a path that leads outside of it.",
    )


def test_zip_bomb_is_refused_before_reading(tmp_path, monkeypatch):
    monkeypatch.setattr(sources, "MAX_BYTES", 10_000)
    data = make_zip({"users.csv": b"a\n" + b"0\n" * 6000})
    assert len(data) < 1000
    with pytest.raises(RosterError) as raised:
        open_source(write(tmp_path / "bomb.zip", data))
    assert raised.value.problem == Problem(
        "bomb.zip",
        None,
        None,
        None,
        "The input is too large: more than 0 MB once uncompressed.",
    )


def test_zip_member_that_lies_about_its_size(tmp_path, monkeypatch):
    monkeypatch.setattr(sources, "MAX_BYTES", 10_000)
    data = bytearray(make_zip({"users.csv": b"a\n" + b"0\n" * 6000}))
    # The central directory claims 100 bytes for 12,002: passes the size check,
    # then reading stops at the claimed size and the checksum gives it away.
    central = data.rfind(b"PK\x01\x02")
    data[central + 24 : central + 28] = (100).to_bytes(4, "little")
    source = open_source(write(tmp_path / "liar.zip", bytes(data)))
    with pytest.raises(RosterError) as raised:
        source.table("users")
    assert raised.value.problem == Problem(
        "users.csv", None, None, None, "The zip file is damaged."
    )


def test_members_together_over_the_limit(tmp_path, monkeypatch):
    monkeypatch.setattr(sources, "MAX_BYTES", 10_000)
    data = make_zip({"users.csv": b"a\n" * 3000, "roles.csv": b"b\n" * 3000})
    with pytest.raises(RosterError) as raised:
        open_source(write(tmp_path / "two.zip", data))
    assert raised.value.problem.file == "two.zip"


def test_damaged_zip(tmp_path):
    data = make_zip({"users.csv": b"a\n1\n" * 50})
    with pytest.raises(RosterError) as raised:
        open_source(write(tmp_path / "cut.zip", data[: len(data) // 2]))
    assert raised.value.problem == Problem(
        "cut.zip", None, None, None, "The zip file is damaged."
    )


def test_two_files_with_one_name_in_a_zip(tmp_path):
    data = make_zip({"a/users.csv": b"x\n1\n", "b/Users.csv": b"x\n2\n"})
    with pytest.raises(RosterError) as raised:
        open_source(write(tmp_path / "two.zip", data))
    assert raised.value.problem.value == "b/Users.csv"


def test_zip_without_tables(tmp_path):
    with pytest.raises(RosterError) as raised:
        open_source(write(tmp_path / "z.zip", make_zip({"a.pdf": b"%PDF"})))
    assert raised.value.problem.message == "The zip file holds no CSV or Excel file."


def workbook(path: Path, sheets: dict[str, list[list[object]]]) -> Path:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    book.save(path)
    return path


def test_xlsx_values_become_csv_like_text(tmp_path):
    path = workbook(
        tmp_path / "eleves.xlsx",
        {
            "Feuil1": [
                ["Prénom", "Année", "Naissance", "Arrivée", "Moyenne", "Actif", None],
                [
                    "Zoé",
                    9.0,
                    dt.date(2010, 3, 15),
                    dt.datetime(2024, 8, 28, 8, 30),
                    81.5,
                    True,
                ],
                [],
                ["Léo", 10, dt.datetime(2009, 12, 1), None, None, False],
            ]
        },
    )
    table = only_table(path)
    assert (table.name, table.stem, table.encoding, table.delimiter) == (
        "eleves.xlsx",
        "eleves",
        None,
        None,
    )
    assert table.header == [
        "Prénom",
        "Année",
        "Naissance",
        "Arrivée",
        "Moyenne",
        "Actif",
    ]
    assert table.rows == [
        ["Zoé", "9", "2010-03-15", "2024-08-28 08:30:00", "81.5", "TRUE"],
        ["Léo", "10", "2009-12-01", "", "", "FALSE"],
    ]
    assert table.lines == [2, 4]


def test_xlsx_formulas_give_their_cached_values(tmp_path):
    path = workbook(tmp_path / "f.xlsx", {"Sheet": [["Nom", "Année"], ["Zoé", "=4+5"]]})
    # openpyxl writes no cached value; add the one Excel would have saved.
    with zipfile.ZipFile(path) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    sheet = members["xl/worksheets/sheet1.xml"]
    assert b"<f>4+5</f><v />" in sheet
    members["xl/worksheets/sheet1.xml"] = sheet.replace(
        b"<f>4+5</f><v />", b"<f>4+5</f><v>9</v>"
    )
    write(path, make_zip(members))
    assert only_table(path).rows == [["Zoé", "9"]]


def test_xlsx_sheets_are_tables_named_like_files(tmp_path):
    path = workbook(
        tmp_path / "bundle.xlsx",
        {
            "Lisez-moi": [],
            "Users": [[None], ["sourcedId", "givenName"], ["u1", "Zoé"]],
            "roles": [["userSourcedId", "role"], ["u1", "student"]],
        },
    )
    source = open_source(path)
    assert source.names() == ["bundle.xlsx [Users]", "bundle.xlsx [roles]"]
    users = source.table("users")
    assert users is not None
    assert (users.rows, users.lines) == ([["u1", "Zoé"]], [3])


def test_xlsx_in_a_folder_gives_its_first_sheet(tmp_path):
    workbook(tmp_path / "Eleves.xlsx", {"A": [["Nom"], ["Zoé"]], "B": [["x"], ["y"]]})
    table = only_table(tmp_path)
    assert (table.name, table.stem, table.rows) == ("Eleves.xlsx", "eleves", [["Zoé"]])


def test_damaged_xlsx(tmp_path):
    data = make_zip({"xl/workbook.xml": b"<not-xml", "[Content_Types].xml": b"?"})
    with pytest.raises(RosterError) as raised:
        open_source(write(tmp_path / "broken.xlsx", data))
    assert raised.value.problem == Problem(
        "broken.xlsx",
        None,
        None,
        None,
        "The Excel workbook is damaged or is not an .xlsx workbook.",
    )


def test_text_named_xlsx_is_refused(tmp_path):
    with pytest.raises(RosterError) as raised:
        open_source(write(tmp_path / "faux.xlsx", b"Nom,Prenom\n"))
    assert raised.value.problem.file == "faux.xlsx"


@pytest.mark.parametrize(
    ("header", "key"),
    [
        ("Nom d'utilisateur", "nomdutilisateur"),
        ("  First_Name ", "firstname"),
        ("givenName", "givenname"),
        ("Numéro d’élève", "numerodeleve"),
        ("p-first name", "pfirstname"),
    ],
)
def test_header_key(header, key):
    assert header_key(header) == key
