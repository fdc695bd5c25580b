"""Bulk printing: last-name order, files of 25 students, progress, cancel."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
from pypdf import PdfReader

from cams_desktop.cancel import Cancelled
from cams_desktop.printing.batches import (
    BATCH_SIZE,
    PrintCancelled,
    print_in_batches,
)
from cams_desktop.printing.letters import Letter, render_letters
from cams_desktop.printing.slips import LoginSlip
from cams_desktop.text import name_sort_key

pytestmark = pytest.mark.unit

# Typed in no particular order; "Émond" sorts between "Eddy" and "Eon".
SPECIAL = [("Eon", "Paul"), ("Émond", "Julie"), ("Eddy", "Marc")]


def letter(last: str, first: str, parent: str = "Parent", language: str = "fr"):
    return Letter(
        language=language,
        school_name="École Test",
        logo_path=None,
        parent_name=f"{parent} {last}",
        student_name=f"{first} {last}",
        student_sort_key=name_sort_key(last, first),
        code="K7QM-3XPD-VH9A",
        expires_on=dt.date(2027, 1, 1),
        portal_url="https://parents.example.ca",
    )


def fifty_one_students() -> list[Letter]:
    # 48 ordinary names out of order, plus the three E names.
    names = [(f"Nom{(i * 37) % 48:02d}", f"Élève{i}") for i in range(48)]
    return [letter(last, first) for last, first in names + SPECIAL]


class Recorder:
    """A renderer that writes a small file and remembers what it was given."""

    def __init__(self) -> None:
        self.files: list[list[Letter]] = []

    def __call__(
        self,
        items: Sequence[Letter],
        path: Path,
        *,
        after_item: Callable[[int], None] | None = None,
    ) -> int:
        self.files.append(list(items))
        path.write_bytes(b"%PDF-1.4\n")
        for index in range(len(items)):
            if after_item is not None:
                after_item(index)
        return len(items)


def everything_in(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_51_students_make_files_of_25_25_and_1_in_last_name_order(tmp_path):
    items = fifty_one_students()
    result = print_in_batches(items, tmp_path, "letters")

    names = [f"letters-00{n}-of-003.pdf" for n in (1, 2, 3)]
    assert [p.name for p in result.files] == names
    assert everything_in(tmp_path) == names  # no temporary file left over
    assert result.pages == 51

    printed = []
    for path in result.files:
        texts = [page.extract_text() for page in PdfReader(path).pages]
        printed.append([text.splitlines()[2] for text in texts])  # parent's name
    assert [len(students) for students in printed] == [25, 25, 1]
    expected = sorted(items, key=lambda item: item.student_sort_key)
    assert [name for names in printed for name in names] == [
        item.parent_name for item in expected
    ]
    # Accents ignored: Émond between Eddy and Eon, at the head of the list.
    assert printed[0][:3] == ["Parent Eddy", "Parent Émond", "Parent Eon"]


def test_a_student_with_two_parents_gets_both_letters_in_one_file(tmp_path):
    items = [letter(f"Nom{i:02d}", "A") for i in range(30)]
    # The 25th student (Nom24) has a second parent, whose letter comes last.
    items.append(letter("Nom24", "A", parent="Autre", language="en"))
    recorder = Recorder()
    result = print_in_batches(items, tmp_path, "letters", render=recorder)

    first, second = recorder.files
    assert len(first) == BATCH_SIZE + 1
    assert [item.parent_name for item in first[-2:]] == ["Parent Nom24", "Autre Nom24"]
    assert len(second) == 5
    assert result.pages == 31


def test_progress_counts_students_up_to_the_total(tmp_path):
    items = [letter(f"Nom{i:02d}", "A") for i in range(30)]
    items += [letter("Nom03", "A", parent="Autre")]
    seen: list[tuple[int, int]] = []
    print_in_batches(
        items, tmp_path, "x", render=Recorder(), progress=lambda *a: seen.append(a)
    )
    assert seen == [(done, 30) for done in range(31)]


def test_cancel_half_way_leaves_nothing(tmp_path):
    (tmp_path / "unrelated.txt").write_text("keep me")
    items = fifty_one_students()
    done = 0

    def progress(students: int, total: int) -> None:
        nonlocal done
        done = students

    # Cancelled in the second file, after the first was finished.
    with pytest.raises(PrintCancelled) as raised:
        print_in_batches(
            items, tmp_path, "letters", progress=progress, cancel=lambda: done >= 30
        )
    assert isinstance(raised.value, Cancelled)
    assert done == 30
    assert everything_in(tmp_path) == ["unrelated.txt"]


def test_cancel_before_the_first_page(tmp_path):
    with pytest.raises(PrintCancelled):
        print_in_batches([letter("A", "B")], tmp_path, "x", cancel=lambda: True)
    assert everything_in(tmp_path) == []


def test_an_error_leaves_nothing_and_is_raised(tmp_path):
    calls = 0

    def failing(items, path, *, after_item=None):
        nonlocal calls
        calls += 1
        if calls == 2:
            raise OSError("disk full")
        return render_letters(items, path, after_item=after_item)

    with pytest.raises(OSError, match="disk full"):
        print_in_batches(fifty_one_students(), tmp_path, "x", render=failing)
    assert everything_in(tmp_path) == []


def test_file_names_sort_in_order_with_any_pattern(tmp_path):
    items = [letter(f"Nom{i:04d}", "A") for i in range(BATCH_SIZE * 11 + 1)]
    result = print_in_batches(
        items,
        tmp_path,
        "lettres",
        render=Recorder(),
        pattern="{stem}-{n}-de-{total}.pdf",
    )
    names = [path.name for path in result.files]
    assert names[0] == "lettres-001-de-012.pdf"
    assert names[-1] == "lettres-012-de-012.pdf"
    assert sorted(names) == names == everything_in(tmp_path)


def test_a_pattern_cannot_write_elsewhere(tmp_path):
    with pytest.raises(ValueError, match="plain file name"):
        print_in_batches([letter("A", "B")], tmp_path, "../x", render=Recorder())


def test_nothing_to_print_makes_no_file(tmp_path):
    assert print_in_batches([], tmp_path, "x").files == []
    assert everything_in(tmp_path) == []


def test_slips_print_through_the_default_renderer(tmp_path):
    slips = [
        LoginSlip(
            "en",
            "School",
            f"Ann {last}",
            name_sort_key(last, "Ann"),
            9,
            f"u{last}",
            None,
            "https://plan.example.ca",
        )
        for last in ("Zed", "Émond", "Eddy")
    ]
    result = print_in_batches(slips, tmp_path, "slips")
    texts = [p.extract_text() for p in PdfReader(result.files[0]).pages]
    assert [t.split("Grade")[0].split("\n")[-2] for t in texts] == [
        "Ann Eddy",
        "Ann Émond",
        "Ann Zed",
    ]


def test_letters_and_slips_do_not_mix(tmp_path):
    slip = LoginSlip("en", "S", "A B", "b\x01a", 9, "u", None, "https://x")
    with pytest.raises(TypeError):
        print_in_batches([letter("A", "B"), slip], tmp_path, "x")  # type: ignore[list-item]
