"""Bulk printing (F-80): sorted, split into files of 25 students, cancellable.

Office staff print hundreds of letters or slips at once and hand them out by
homeroom, so the pages come in alphabetical order of last name and in files
small enough to send to a printer one at a time: 25 students per file, named
so the files sort in printing order.

The job runs on a worker thread (the window stays responsive; nothing here
touches Qt): ``progress`` and ``cancel`` are called from that thread, so a
GUI passes callables that only emit a signal and read a flag.
"""

from __future__ import annotations

import contextlib
import functools
import itertools
import os
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol, TypeVar, cast

from cams_desktop.cancel import Cancelled
from cams_desktop.printing.letters import Letter, render_letters
from cams_desktop.printing.slips import LoginSlip, render_slips

BATCH_SIZE = 25
# Fields: stem, n (the file's number) and total (how many files), both
# zero-padded to the same width so the names sort in order. A French screen
# may pass "{stem}-{n}-de-{total}.pdf".
DEFAULT_PATTERN = "{stem}-{n}-of-{total}.pdf"


class Printable(Protocol):
    """What batching needs of a letter or slip: whose it is, and its sort key."""

    @property
    def student_sort_key(self) -> str: ...

    @property
    def student_name(self) -> str: ...


_Item = TypeVar("_Item", bound=Printable)
_Contra = TypeVar("_Contra", bound=Printable, contravariant=True)


class Renderer(Protocol[_Contra]):
    """Draws items into one PDF and returns its page count (render_letters).

    ``after_item(index)`` must be called after each item's pages: that is
    where the job reports progress and stops on a cancel (by raising). The
    first two parameters are positional, so any names fit.
    """

    def __call__(
        self,
        items: Sequence[_Contra],
        path: Path,
        /,
        *,
        after_item: Callable[[int], None] | None = None,
    ) -> int: ...


@dataclass(frozen=True)
class BatchResult:
    """The files written, in printing order, and how many pages they hold."""

    files: list[Path]
    pages: int


class PrintCancelled(Cancelled):
    """The user cancelled a print job; it left no file behind."""


def print_in_batches(
    items: Sequence[_Item],
    out_dir: Path,
    stem: str,
    *,
    render: Renderer[_Item] | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancel: Callable[[], bool] | None = None,
    pattern: str = DEFAULT_PATTERN,
) -> BatchResult:
    """Print ``items`` (letters or slips) into PDF files of 25 students each.

    Items are sorted by ``(student_sort_key, student_name)``; the caller
    passes keys from ``text.name_sort_key`` (last name, then first name,
    accents and case ignored, in the interface language). The sort is stable,
    so a student's items keep the caller's order. Items with the same key
    and name belong to one student: a student's two letters (one per parent)
    stay in the same file and count once towards the 25. Two different
    students with the very same name would count once too; a caller that
    wants them apart appends a unique id to the key (``key + "\\x02" + id``
    sorts the same way).

    Files are named by ``pattern`` (see DEFAULT_PATTERN), e.g.
    ``letters-001-of-003.pdf``, and replace files of the same names in
    ``out_dir``, which must exist. ``render`` defaults to render_letters or
    render_slips according to the items. ``progress(done, total)`` counts
    students, starting at (0, total).

    All or nothing: each file is drawn under a hidden temporary name in
    ``out_dir`` and the files get their names only once every file is drawn.
    ``cancel()`` is checked between pages; when it answers True, or on any
    error, every file of the job is removed, those finished before too (a
    cancelled job leaves nothing, so no one prints half a run), and
    PrintCancelled or the error is raised.
    """
    if not items:
        return BatchResult([], 0)
    draw = render if render is not None else _default_renderer(items)

    ordered = sorted(items, key=lambda item: (item.student_sort_key, item.student_name))
    students = [
        list(group)
        for _, group in itertools.groupby(
            ordered, key=lambda item: (item.student_sort_key, item.student_name)
        )
    ]
    batches = [
        students[start : start + BATCH_SIZE]
        for start in range(0, len(students), BATCH_SIZE)
    ]
    names = _file_names(stem, len(batches), pattern)

    def check_cancel() -> None:
        if cancel is not None and cancel():
            raise PrintCancelled

    done = 0

    def after_item(last_items: set[int], index: int) -> None:
        nonlocal done
        if index + 1 in last_items:
            done += 1
            if progress is not None:
                progress(done, len(students))
        check_cancel()

    if progress is not None:
        progress(done, len(students))
    drawn: list[Path] = []
    named: list[Path] = []
    pages = 0
    try:
        for batch, name in zip(batches, names, strict=True):
            check_cancel()
            flat = [item for student in batch for item in student]
            # Where each student's last item is in the file: that student done.
            last_items = set(itertools.accumulate(len(student) for student in batch))
            handle, part = tempfile.mkstemp(
                dir=out_dir, prefix=f".{name}.", suffix=".part"
            )
            os.close(handle)
            drawn.append(Path(part))
            pages += draw(
                flat, drawn[-1], after_item=functools.partial(after_item, last_items)
            )
        for part_path, name in zip(drawn, names, strict=True):
            named.append(part_path.replace(out_dir / name))
    except BaseException:
        # Also on KeyboardInterrupt: a stopped job must not leave files.
        for path in (*drawn, *named):
            with contextlib.suppress(OSError):
                path.unlink(missing_ok=True)
        raise
    return BatchResult(named, pages)


def _file_names(stem: str, count: int, pattern: str) -> list[str]:
    width = max(3, len(str(count)))
    total = str(count).zfill(width)
    names = [
        pattern.format(stem=stem, n=str(n).zfill(width), total=total)
        for n in range(1, count + 1)
    ]
    for name in names:
        if Path(name).name != name or name.startswith("."):
            raise ValueError(f"{name!r} is not a plain file name")
    return names


def _default_renderer(items: Sequence[Printable]) -> Renderer[Any]:
    if all(isinstance(item, Letter) for item in items):
        return cast(Renderer[Any], render_letters)
    if all(isinstance(item, LoginSlip) for item in items):
        return cast(Renderer[Any], render_slips)
    raise TypeError("print_in_batches prints letters or login slips, not a mix")
