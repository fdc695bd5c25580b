"""Benchmark of parent letters: thousands of pages against a bare reportlab canvas.

``cams bench letters`` prints 2,000 parent letters (half French, half
English, names with diacritics, a school logo, some students with two
parents) the way the bulk print does: sorted, in files of 25 students, with
progress and cancel callbacks. In the same run it draws the very same lines
of text with the same fonts on a bare ``reportlab`` canvas (``setFont`` and
``drawString`` per line, files of the same sizes), with no layout, logo,
boxes or batching. Each is timed a few times, alternately, and the best time
of each is kept; the figures are pages per second and their ratio (goal: at
most 2×). A missed goal never changes the exit status.

The number of letters is fixed (the command line's ``--students`` belongs to
the list benchmark); code may pass ``letters`` on ``args``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import platform
import random
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import reportlab
from PIL import Image
from reportlab.lib.pagesizes import letter as letter_size
from reportlab.pdfgen.canvas import Canvas

from cams_desktop.printing.batches import print_in_batches
from cams_desktop.printing.fonts import register_fonts
from cams_desktop.printing.layout import TextLine, fit_logo, text_lines
from cams_desktop.printing.letters import (
    LOGO_MAX_HEIGHT,
    LOGO_MAX_WIDTH,
    Letter,
    layout_letter,
    render_letters,
)
from cams_desktop.text import name_sort_key

LETTERS = 2_000
RUNS = 3
GOAL = 2.0

FIRST = [
    "Zoé",
    "Hà",
    "Jiří",
    "Élodie",
    "Mathéo",
    "Siobhán",
    "Łukasz",
    "Noël",
    "Marie-Ève",
    "Björn",
    "Ngọc Anh",
    "Jean-François",
    "Aïcha",
    "Sofía",
]
LAST = ["Nguyễn", "Nováček", "O’Neil-Tremblay", "Émond", "Gagnon", "Côté",
        "Lévesque", "Øvergård", "Bouchard-Saint-Laurent", "Trần", "Dvořák",
        "Müller", "Ó Súilleabháin", "Bélanger", "Kowalczyk", "Roy"]  # fmt: skip


def make_letters(count: int, logo: Path, seed: int = 7) -> list[Letter]:
    """``count`` letters; about one student in eight has two parents."""
    rng = random.Random(seed)
    letters: list[Letter] = []
    while len(letters) < count:
        first, last = rng.choice(FIRST), rng.choice(LAST)
        key = f"{name_sort_key(last, first)}\x02{len(letters)}"
        for parent in range(2 if rng.random() < 0.125 else 1):
            letters.append(
                Letter(
                    language="fr" if rng.random() < 0.5 else "en",
                    school_name="École secondaire Saint-Jean-de-Brébeuf",
                    logo_path=logo,
                    parent_name=f"{rng.choice(FIRST)} {last}",
                    student_name=f"{first} {last}",
                    student_sort_key=key,
                    code="-".join(
                        "".join(rng.choices("ACDEFGHJKMNPQRTUVWXY3479", k=4))
                        for _ in range(3)
                    ),
                    expires_on=dt.date(2027, 1, 1) + dt.timedelta(days=parent),
                    portal_url="https://parents.example.ca",
                )
            )
    return letters[:count]


def _print_letters(
    letters: Sequence[Letter], out_dir: Path, files: list[list[Letter]]
) -> int:
    """The real bulk print; ``files`` receives what went into each file."""
    files.clear()

    def render(
        items: Sequence[Letter],
        path: Path,
        /,
        *,
        after_item: Callable[[int], None] | None = None,
    ) -> int:
        files.append(list(items))
        return render_letters(items, path, after_item=after_item)

    result = print_in_batches(
        letters,
        out_dir,
        "letters",
        render=render,
        progress=lambda done, total: None,
        cancel=lambda: False,
    )
    return result.pages


def _bare(files: Sequence[Sequence[Sequence[TextLine]]], out_dir: Path) -> int:
    """The same lines on a bare canvas: one file per batch, one page per letter."""
    pages = 0
    for number, letters in enumerate(files, start=1):
        canvas = Canvas(
            str(out_dir / f"bare-{number:03d}.pdf"),
            pagesize=letter_size,
            pageCompression=1,
        )
        for lines in letters:
            for line in lines:
                canvas.setFont(line.font, line.size)
                canvas.drawString(line.x, line.y, line.text)
            canvas.showPage()
            pages += 1
        canvas.save()
    return pages


def main(args: argparse.Namespace) -> int:
    count = int(getattr(args, "letters", LETTERS))
    register_fonts()
    with tempfile.TemporaryDirectory(prefix="cams-bench-letters-") as scratch:
        folder = Path(scratch)
        logo = folder / "logo.png"
        Image.new("RGB", (400, 160), (25, 70, 140)).save(logo)
        letters = make_letters(count, logo)

        # One untimed run first: it lays out what the bare canvas draws.
        files: list[list[Letter]] = []
        real_dir, bare_dir = folder / "real", folder / "bare"
        real_dir.mkdir()
        bare_dir.mkdir()
        pages = _print_letters(letters, real_dir, files)
        fitted = fit_logo(logo, LOGO_MAX_WIDTH, LOGO_MAX_HEIGHT)
        lines = [
            [text_lines(layout_letter(item, fitted)) for item in batch]
            for batch in files
        ]
        line_count = sum(len(page) for batch in lines for page in batch)

        real_times: list[float] = []
        bare_times: list[float] = []
        for _ in range(RUNS):
            start = time.perf_counter()
            _print_letters(letters, real_dir, files)
            real_times.append(time.perf_counter() - start)
            start = time.perf_counter()
            bare_pages = _bare(lines, bare_dir)
            bare_times.append(time.perf_counter() - start)

    real, bare = min(real_times), min(bare_times)
    ratio = real / bare
    print(
        f"letters: {count:,} letters, {pages:,} pages in {len(files)} files, "
        f"{line_count:,} lines of text; best of {RUNS} runs each "
        f"(Python {platform.python_version()}, reportlab {reportlab.Version})"
    )
    print(
        f"  CAMS letters (layout, logo, boxes, files of 25): "
        f"{real:6.2f} s  {pages / real:7.0f} pages/s"
    )
    print(
        f"  bare canvas, same lines (setFont + drawString): "
        f"{bare:6.2f} s  {bare_pages / bare:7.0f} pages/s"
    )
    verdict = "goal met" if ratio <= GOAL else "goal MISSED"
    print(f"  ratio {ratio:.2f}× (goal ≤ {GOAL:g}×): {verdict}")
    return 0
