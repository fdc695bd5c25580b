"""Parent portal dialog and bulk printing from the window and the command line."""

from __future__ import annotations

import pytest
from pypdf import PdfReader
from PySide6.QtPdf import QPdfDocument

from cams_desktop import cli
from cams_desktop.dialogs.parents_dialog import ParentPortalDialog
from cams_desktop.dialogs.print_dialog import PrintDialog, PrintKind
from cams_desktop.services import auth, parents
from cams_desktop.services.access import actor_for
from cams_desktop.services.demo import DEMO_SITE_ACCOUNT
from cams_desktop.services.parents import StudentCriteria

pytestmark = pytest.mark.gui


@pytest.fixture
def admin(demo_db):
    return actor_for(demo_db, "admin")


def test_parent_portal_dialog_in_both_languages(
    qtbot, demo_db, admin, settings, languages
):
    dialog = ParentPortalDialog(demo_db, admin, settings)
    qtbot.addWidget(dialog)
    accounts = parents.list_parent_accounts(demo_db, admin)
    assert dialog.accounts.rowCount() == len(accounts)
    assert dialog.windowTitle() == "Comptes du portail des parents"
    assert [dialog.tabs.tabText(i) for i in range(3)] == [
        "Comptes des parents",
        "Codes d'activation",
        "Commentaires du parent",
    ]
    first = accounts[0]
    assert dialog.accounts.item(0, 0).text() == f"{first.last_name}, {first.first_name}"
    assert dialog.accounts.item(0, 3).text() == "; ".join(first.students)

    languages.set_language("en")
    assert dialog.windowTitle() == "Parent portal accounts"
    assert dialog.tabs.tabText(1) == "Activation codes"
    comments = parents.comment_log(demo_db, admin)
    assert dialog.comments.rowCount() == len(comments)
    assert dialog.comments.item(0, 3).text() == comments[0].body


def test_print_dialog_makes_the_letters_and_previews_them(
    qtbot, demo_db, admin, settings, tmp_path, languages
):
    made = parents.generate_codes(demo_db, admin, StudentCriteria(grade=9))
    expected = parents.letter_recipients(demo_db, admin, StudentCriteria(grade=9))
    assert made >= len(expected) > 25
    dialog = PrintDialog(demo_db, admin, PrintKind.PARENT_LETTERS, settings)
    qtbot.addWidget(dialog)
    dialog.grade_box.setCurrentIndex(dialog.grade_box.findData(9))
    out = tmp_path / "lettres"
    out.mkdir()
    dialog.folder.setText(str(out))

    with qtbot.waitSignal(dialog.files.currentRowChanged, timeout=60000):
        dialog._on_print_clicked()

    assert dialog.result_ is not None
    names = sorted(p.name for p in out.iterdir())
    students = len({r.student_id for r in expected})
    files = (students + 24) // 25
    assert names == [
        f"lettres-parents-{n:03d}-de-{files:03d}.pdf" for n in range(1, files + 1)
    ]
    assert dialog.result_.pages == len(expected)
    assert dialog.files.count() == files
    qtbot.waitUntil(lambda: dialog.document.status() == QPdfDocument.Status.Ready)
    assert dialog.document.pageCount() == len(PdfReader(out / names[0]).pages)
    first_text = PdfReader(out / names[0]).pages[0].extract_text()
    assert expected[0].code in first_text
    assert dialog.open_button.isEnabled()


def test_print_letters_from_the_command_line(
    demo_db, admin, tmp_path, capsys, monkeypatch
):
    result = auth.sign_in(demo_db, *DEMO_SITE_ACCOUNT, "admin", "demo-admin")
    assert result.agreement_to_accept is not None
    auth.accept_agreement(demo_db, result.actor, result.agreement_to_accept.edition)
    parents.generate_codes(demo_db, admin, StudentCriteria(grade=10))
    expected = parents.letter_recipients(demo_db, admin, StudentCriteria(grade=10))
    out = tmp_path / "lettres"
    out.mkdir()
    for name, value in (
        ("CAMS_SITE_USERNAME", DEMO_SITE_ACCOUNT[0]),
        ("CAMS_SITE_PASSWORD", DEMO_SITE_ACCOUNT[1]),
        ("CAMS_USERNAME", "admin"),
        ("CAMS_PASSWORD", "demo-admin"),
    ):
        monkeypatch.setenv(name, value)
    db_path = str(demo_db.path)
    demo_db.close()

    code = cli.main(
        [
            "print",
            "letters",
            "--db",
            db_path,
            "--grade",
            "10",
            "--out",
            str(out),
            "--language",
            "en",
        ]
    )

    assert code == 0
    printed = capsys.readouterr()
    files = sorted(out.iterdir())
    assert printed.out.splitlines() == [str(p) for p in files]
    assert files[0].name.startswith("parent-letters-001-of-")
    pages = sum(len(PdfReader(p).pages) for p in files)
    assert pages == len(expected)
    assert printed.err.strip() == f"{pages} pages in {len(files)} files"


def test_the_command_line_refuses_without_credentials(
    tmp_path, capsys, monkeypatch, demo_db
):
    for name in (
        "CAMS_SITE_USERNAME",
        "CAMS_SITE_PASSWORD",
        "CAMS_USERNAME",
        "CAMS_PASSWORD",
    ):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    code = cli.main(
        ["print", "slips", "--db", str(demo_db.path), "--out", str(tmp_path)]
    )
    assert code == 2
    assert capsys.readouterr().err.strip() == (
        "cams print: set CAMS_SITE_USERNAME (no terminal to ask for it)"
    )
    assert [p for p in tmp_path.iterdir() if p.suffix == ".pdf"] == []
