"""Benchmark of the student list: opening, filtering, sorting and memory at scale.

``cams bench list`` loads a demo school of ``--students`` students (generated
once into the temporary directory and reused, or the demo file named with
``--db``), opens the real StudentListView on it offscreen and measures, in one
run:

* open → first painted rows, against a bare ``sqlite3`` fetch of the very
  statements ``list_students`` runs (captured from the engine and replayed);
* a filter keystroke and clearing the filter (median over many);
* sorting by last name and by grade, first time (cold) and again (warm);
* the resident memory the list adds;
* the same figures for the straightforward QStandardItemModel +
  QSortFilterProxyModel list over the same rows and texts.

Every figure is printed with its ratio to the baselines and whether its goal is
met; a missed goal never changes the exit status. Only counts and timings are
printed, never names.
"""

from __future__ import annotations

import argparse
import collections
import ctypes
import gc
import os
import platform
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

import PySide6
import shiboken6
from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QEvent,
    QMessageLogContext,
    QObject,
    QSortFilterProxyModel,
    Qt,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import event

from cams_desktop.db.engine import Database
from cams_desktop.models.student_table import Column, StudentTableModel, column_title
from cams_desktop.services.access import Actor, actor_for
from cams_desktop.services.students import StudentRow, list_students
from cams_desktop.text import fold
from cams_desktop.views.student_list import StudentListView

ACTOR = "admin"  # the demo program administrator: sees every student
LANGUAGE = "fr"
WINDOW_SIZE = (1280, 800)
COLUMN_WIDTHS = (170, 150, 70, 150, 120, 100, 200, 90)  # as StudentListView
OPEN_RUNS = 3  # warm opens after the first (cold) one
BARE_RUNS = 5
QSIM_KEYSTROKES = 5
QSIM_CLEARS = 3
SORT_REPEATS = 4
PAINT_TIMEOUT = 30.0  # seconds to wait for a paint before giving up

GOAL_OPEN_VS_BARE = 1.5
GOAL_SPEED_UP = 5.0
GOAL_KEYSTROKE = 0.050
GOAL_CLEAR = 0.050


class BenchError(Exception):
    """The benchmark cannot run (no database, no Qt, no demo account)."""


# --- measuring helpers -----------------------------------------------------


class _PaintWatcher(QObject):
    """Notes the paint events of a table's viewport, and whether rows were there."""

    def __init__(self, table: QTableView, model: QAbstractItemModel) -> None:
        super().__init__()
        self._model = model
        self.viewport = table.viewport()
        self.viewport.installEventFilter(self)
        self.painted = False
        self.rows_painted = False

    def reset(self) -> None:
        self.painted = False
        self.rows_painted = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.painted = True
            if self._model.rowCount() > 0:
                self.rows_painted = True
        return False


def _wait_for_paint(watcher: _PaintWatcher, *, rows: bool) -> None:
    """Process events until the viewport painted (with rows, if asked)."""
    deadline = time.perf_counter() + PAINT_TIMEOUT
    while not (watcher.rows_painted if rows else watcher.painted):
        QCoreApplication.processEvents()
        if time.perf_counter() > deadline:
            raise BenchError(f"the table did not paint within {PAINT_TIMEOUT:.0f} s")


def _timed(action: Callable[[], object], watcher: _PaintWatcher) -> float:
    """Seconds from ``action()`` until the viewport has painted its result.

    A change that leaves the shown rows as they were (QSortFilterProxyModel
    then signals nothing) asks for no paint: the viewport is asked for one,
    which a view repainting anyway merges with its own.
    """
    QCoreApplication.processEvents()
    watcher.reset()
    started = time.perf_counter()
    action()
    watcher.viewport.update()
    _wait_for_paint(watcher, rows=False)
    return time.perf_counter() - started


def _dispose(widget: QWidget, *owned: QObject) -> None:
    """Close and delete a window and the parentless models it showed.

    The student list owns its models; the QStandardItemModel baseline's are
    parentless and connected to each other, so they are deleted explicitly.
    """
    widget.close()
    shiboken6.delete(widget)
    for item in owned:
        shiboken6.delete(item)
    QCoreApplication.processEvents()
    gc.collect()


@dataclass(frozen=True, slots=True)
class Memory:
    """Resident memory in bytes, and what kind of figure it is."""

    bytes: int
    kind: str  # "current" or "peak"


def resident_memory() -> Memory | None:
    """This process's resident set size, or None where it cannot be read."""
    try:
        if sys.platform == "win32":
            from ctypes import wintypes

            class _Counters(ctypes.Structure):
                _fields_ = (
                    ("cb", wintypes.DWORD),
                    ("PageFaultCount", wintypes.DWORD),
                    ("PeakWorkingSetSize", ctypes.c_size_t),
                    ("WorkingSetSize", ctypes.c_size_t),
                    ("QuotaPeakPagedPoolUsage", ctypes.c_size_t),
                    ("QuotaPagedPoolUsage", ctypes.c_size_t),
                    ("QuotaPeakNonPagedPoolUsage", ctypes.c_size_t),
                    ("QuotaNonPagedPoolUsage", ctypes.c_size_t),
                    ("PagefileUsage", ctypes.c_size_t),
                    ("PeakPagefileUsage", ctypes.c_size_t),
                )

            counters = _Counters()
            counters.cb = ctypes.sizeof(counters)
            process = ctypes.windll.kernel32.GetCurrentProcess()
            if not ctypes.windll.psapi.GetProcessMemoryInfo(
                process, ctypes.byref(counters), counters.cb
            ):
                return None
            return Memory(int(counters.WorkingSetSize), "current")
        statm = Path("/proc/self/statm")
        if statm.exists():
            pages = int(statm.read_text().split()[1])
            return Memory(pages * os.sysconf("SC_PAGE_SIZE"), "current")
        import resource

        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        # ru_maxrss is in bytes on macOS and in kilobytes elsewhere.
        return Memory(peak if sys.platform == "darwin" else peak * 1024, "peak")
    except (OSError, ValueError, AttributeError, ImportError):
        return None


def _memory_used(before: Memory | None, after: Memory | None) -> float | None:
    if before is None or after is None:
        return None
    return max(0, after.bytes - before.bytes) / 1_000_000


# --- the database ------------------------------------------------------------


def _database(args: argparse.Namespace) -> tuple[Path, str]:
    """The demo file to measure, and how it was found."""
    if args.db is not None:
        path = Path(args.db)
        if not path.is_file():
            raise BenchError(
                f"{path} does not exist; make a demo school first with "
                f"cams demo --out {path} --students {args.students}"
            )
        return path, "given with --db"
    folder = Path(tempfile.gettempdir()) / "cams-bench"
    path = folder / f"list-{args.students}-seed{args.seed}.sqlite"
    if path.is_file():
        return path, "cached"
    folder.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.stem + ".partial.sqlite")
    for leftover in _sqlite_files(partial):
        leftover.unlink(missing_ok=True)
    print(
        f"generating a demo school of {args.students:,} students "
        f"(seed {args.seed}) into {path}; later runs reuse it…",
        flush=True,
    )
    started = time.perf_counter()
    # In a child process, so that the generator's memory does not blur ours.
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "cams_desktop",
            "demo",
            "--out",
            str(partial),
            "--students",
            str(args.students),
            "--seed",
            str(args.seed),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise BenchError(f"generating the demo school failed: {done.stderr.strip()}")
    for source, target in zip(_sqlite_files(partial), _sqlite_files(path), strict=True):
        if source.exists():
            source.replace(target)
    return path, f"generated in {time.perf_counter() - started:.0f} s"


def _sqlite_files(path: Path) -> list[Path]:
    return [path, Path(f"{path}-wal"), Path(f"{path}-shm")]


# --- the figures -------------------------------------------------------------


@dataclass(slots=True)
class Figures:
    """What one list implementation measured, in seconds (memory in MB)."""

    open_total: float = 0.0
    open_fetch: float = 0.0
    open_cold: float = 0.0
    keystrokes: list[float] = field(default_factory=list)
    clears: list[float] = field(default_factory=list)
    sort_name_cold: list[float] = field(default_factory=list)
    sort_name_warm: list[float] = field(default_factory=list)
    sort_grade_cold: list[float] = field(default_factory=list)
    sort_grade_warm: list[float] = field(default_factory=list)
    memory_mb: float | None = None
    rows_listed: int = 0
    rows_shown: int = 0


@dataclass(frozen=True, slots=True)
class Typing:
    """What is typed into the filter: texts set one after the other."""

    keystrokes: list[str]  # each text after one more key
    clear_after: set[int]  # keystroke indexes after which the filter is cleared
    words: int
    letters: int


def typing_plan(rows: Sequence[StudentRow]) -> Typing:
    """Prefixes of common last and first names, and a few single letters."""

    def common(names: list[str], count: int) -> list[str]:
        folded = collections.Counter(
            fold(n) for n in names if len(n) >= 4 and n.isalpha()
        )
        return [name for name, _ in folded.most_common(count)]

    words = common([r.last_name for r in rows], 3)
    words += common([r.first_name for r in rows], 2)
    keystrokes: list[str] = []
    clear_after: set[int] = set()
    for word in words:
        keystrokes += [word[:n] for n in range(1, min(len(word), 8) + 1)]
        clear_after.add(len(keystrokes) - 1)
    letters = [ch for ch in "aemls" if ch not in {w[0] for w in words}][:5]
    for letter in letters:
        keystrokes.append(letter)
        clear_after.add(len(keystrokes) - 1)
    return Typing(keystrokes, clear_after, len(words), len(letters))


def _quiet_offscreen(mode: QtMsgType, context: QMessageLogContext, text: str) -> None:
    """Qt's messages, less the offscreen platform's note on every window shown."""
    if "does not support propagateSizeHints" not in text:
        print(text, file=sys.stderr)


class Bench:
    """The application, database and actor shared by every measurement."""

    def __init__(self, path: Path) -> None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        self._messages = qInstallMessageHandler(_quiet_offscreen)
        existing = QApplication.instance()
        if existing is None:
            self.app = QApplication([sys.argv[0]])
        elif isinstance(existing, QApplication):
            self.app = existing
        else:
            raise BenchError("a non-widget Qt application is already running")
        self.db = Database(path)
        try:
            self.actor: Actor = actor_for(self.db, ACTOR)
        except Exception as error:
            raise BenchError(
                f"{path.name} has no demo account {ACTOR!r}: is it a demo school? "
                f"({error})"
            ) from error
        self.statements: list[tuple[str, Any]] = []

    def list_students(self, *, capture: bool = False) -> list[StudentRow]:
        if not capture:
            return list_students(self.db, self.actor)

        def record(*args: Any) -> None:
            # (connection, cursor, statement, parameters, context, executemany)
            self.statements.append((args[2], args[3]))

        self.statements.clear()
        event.listen(self.db.engine, "before_cursor_execute", record)
        try:
            return list_students(self.db, self.actor)
        finally:
            event.remove(self.db.engine, "before_cursor_execute", record)

    def bare_fetch(self) -> tuple[float, int]:
        """Seconds to run the captured statements with sqlite3 and fetch all rows."""
        if not self.statements:
            raise BenchError("no statement of list_students was captured")
        with sqlite3.connect(self.db.path) as connection:
            connection.execute("SELECT count(*) FROM sqlite_master").fetchall()
            gc.collect()
            started = time.perf_counter()
            fetched = sum(
                len(connection.execute(sql, parameters).fetchall())
                for sql, parameters in self.statements
            )
            seconds = time.perf_counter() - started
        connection.close()
        return seconds, fetched

    def close(self) -> None:
        self.db.close()
        qInstallMessageHandler(self._messages)


def warm_up_qt(bench: Bench) -> None:
    """Show an empty list once, so fonts and styles are not counted below."""
    view = StudentListView(LANGUAGE, True)
    watcher = _PaintWatcher(view.table, view.proxy)
    view.resize(*WINDOW_SIZE)
    view.show()
    _wait_for_paint(watcher, rows=False)
    _dispose(view)


def _open_ours(
    bench: Bench, *, capture: bool = False
) -> tuple[StudentListView, _PaintWatcher, float, float]:
    gc.collect()
    started = time.perf_counter()
    rows = bench.list_students(capture=capture)
    fetched = time.perf_counter()
    view = StudentListView(LANGUAGE, True)
    watcher = _PaintWatcher(view.table, view.proxy)
    view.resize(*WINDOW_SIZE)
    view.set_rows(rows)
    view.show()
    _wait_for_paint(watcher, rows=True)
    return view, watcher, fetched - started, time.perf_counter() - started


def measure_ours(bench: Bench, figures: Figures) -> Typing:
    """Open the real StudentListView, type, clear and sort; returns what it typed."""
    before = resident_memory()
    view, watcher, _, figures.open_cold = _open_ours(bench, capture=True)
    figures.memory_mb = _memory_used(before, resident_memory())
    # Each list is gone before the next opens, as when the application starts.
    _dispose(view)
    del view, watcher

    totals: list[float] = []
    fetches: list[float] = []
    for _ in range(OPEN_RUNS - 1):
        view, watcher, fetch, total = _open_ours(bench)
        totals.append(total)
        fetches.append(fetch)
        _dispose(view)
        del view, watcher
    view, watcher, fetch, total = _open_ours(bench)
    totals.append(total)
    fetches.append(fetch)
    figures.open_total = statistics.median(totals)
    figures.open_fetch = statistics.median(fetches)
    figures.rows_listed = view.model.rowCount()
    figures.rows_shown = view.proxy.rowCount()

    plan = typing_plan(view.model.rows())
    for index, text in enumerate(plan.keystrokes):
        figures.keystrokes.append(
            _timed(partial(view.filter_edit.setText, text), watcher)
        )
        if index in plan.clear_after:
            figures.clears.append(_timed(view.filter_edit.clear, watcher))

    view.filter_edit.clear()
    _sort_sequence(view.table, watcher, figures)
    _dispose(view)
    return plan


def _sort_sequence(table: QTableView, watcher: _PaintWatcher, figures: Figures) -> None:
    """Click-equivalent sorts by last name then grade, first time and again.

    The list opens sorted by last name ascending, so only descending is new
    there; a grade sort is new both ways (one order is cached per column and
    direction). The list is left sorted by last name ascending.
    """
    descending = Qt.SortOrder.DescendingOrder
    ascending = Qt.SortOrder.AscendingOrder
    again = [ascending, descending] * (SORT_REPEATS // 2)
    for column, orders, into in (
        (Column.LAST_NAME, [descending], figures.sort_name_cold),
        (Column.LAST_NAME, again, figures.sort_name_warm),
        (Column.GRADE, [ascending, descending], figures.sort_grade_cold),
        (Column.GRADE, again, figures.sort_grade_warm),
    ):
        for order in orders:
            into.append(_timed(partial(table.sortByColumn, column, order), watcher))
    table.sortByColumn(Column.LAST_NAME, ascending)
    QCoreApplication.processEvents()


# --- the QStandardItemModel baseline -----------------------------------------


def measure_standard(bench: Bench, figures: Figures, keystrokes: list[str]) -> None:
    """The same list on QStandardItemModel + QSortFilterProxyModel."""
    gc.collect()
    before = resident_memory()
    started = time.perf_counter()
    rows = bench.list_students()
    fetched = time.perf_counter()
    texts = StudentTableModel(LANGUAGE)
    texts.set_rows(rows)
    model = QStandardItemModel(0, len(Column))
    model.setHorizontalHeaderLabels([column_title(c) for c in Column])
    for row_index, row in enumerate(rows):
        items = []
        for column in Column:
            item = QStandardItem(texts.display(row_index, column))
            if column == Column.GRADE:
                item.setData(row.grade, Qt.ItemDataRole.DisplayRole)
            item.setEditable(False)
            items.append(item)
        model.appendRow(items)
    texts.set_rows([])
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.setFilterKeyColumn(-1)
    proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    proxy.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    window = QWidget()
    edit = QLineEdit()
    table = QTableView()
    table.setModel(proxy)
    table.setSortingEnabled(True)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(24)
    table.horizontalHeader().setStretchLastSection(True)
    for column_index, width in enumerate(COLUMN_WIDTHS):
        table.setColumnWidth(column_index, width)
    table.sortByColumn(Column.LAST_NAME, Qt.SortOrder.AscendingOrder)
    edit.textChanged.connect(proxy.setFilterFixedString)
    layout = QVBoxLayout(window)
    layout.addWidget(edit)
    layout.addWidget(table)
    watcher = _PaintWatcher(table, proxy)
    window.resize(*WINDOW_SIZE)
    window.show()
    _wait_for_paint(watcher, rows=True)
    figures.open_total = time.perf_counter() - started
    figures.open_fetch = fetched - started
    figures.memory_mb = _memory_used(before, resident_memory())
    figures.rows_shown = proxy.rowCount()
    del rows

    for index, text in enumerate(keystrokes):
        figures.keystrokes.append(_timed(partial(edit.setText, text), watcher))
        if index < QSIM_CLEARS:
            figures.clears.append(_timed(edit.clear, watcher))

    edit.clear()
    _sort_sequence(table, watcher, figures)
    _dispose(window, proxy, model)


def _spread(items: list[str], count: int) -> list[int]:
    """Indexes of ``count`` items spread evenly over ``items``."""
    if len(items) <= count:
        return list(range(len(items)))
    step = len(items) / count
    return [int(i * step) for i in range(count)]


# --- the report ----------------------------------------------------------------


def _seconds(value: float | None) -> str:
    if value is None:
        return "—"
    if value >= 1:
        return f"{value:.2f} s"
    return f"{value * 1000:.1f} ms"


def _ratio(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}×"


def _median(values: list[float]) -> float | None:
    return statistics.median(values) if values else None


def _divide(top: float | None, bottom: float | None) -> float | None:
    if top is None or bottom is None or bottom <= 0:
        return None
    return top / bottom


class Table:
    WIDTHS = (36, 10, 11, 8, 19, 10, 22)
    HEAD = (
        "measure",
        "ours",
        "bare fetch",
        "ratio",
        "QStandardItemModel",
        "speed-up",
        "goal",
    )

    def __init__(self) -> None:
        self.lines: list[str] = [self._line([*self.HEAD, ""])]

    def _line(self, cells: Sequence[str]) -> str:
        parts = [
            cell.ljust(width) for cell, width in zip(cells, self.WIDTHS, strict=False)
        ]
        return ("".join(parts) + cells[-1]).rstrip()

    def add(
        self,
        measure: str,
        ours: str,
        bare: str = "—",
        ratio: str = "—",
        standard: str = "—",
        speed_up: str = "—",
        goal: str = "",
        verdict: str = "",
    ) -> None:
        self.lines.append(
            self._line([measure, ours, bare, ratio, standard, speed_up, goal, verdict])
        )

    def print(self) -> None:
        for line in self.lines:
            print(line)


def _verdict(*checks: tuple[bool | None, str]) -> str:
    missed = [name for ok, name in checks if ok is False]
    if missed:
        return "goal MISSED (" + ", ".join(missed) + ")"
    if any(ok is None for ok, _ in checks):
        return "not measured"
    return "goal met"


def report(
    ours: Figures,
    standard: Figures,
    bare: float,
    qsim_ours_keys: list[float],
) -> list[str]:
    """Print the table; return the goals missed."""
    table = Table()
    missed: list[str] = []

    open_ratio = _divide(ours.open_total, bare)
    open_speed = _divide(standard.open_total, ours.open_total)
    verdict = _verdict(
        (None if open_ratio is None else open_ratio <= GOAL_OPEN_VS_BARE, "bare"),
        (None if open_speed is None else open_speed >= GOAL_SPEED_UP, "QSIM"),
    )
    if "MISSED" in verdict:
        missed.append("open")
    table.add(
        "open → first painted rows",
        _seconds(ours.open_total),
        _seconds(bare),
        _ratio(open_ratio),
        _seconds(standard.open_total),
        _ratio(open_speed),
        f"≤{GOAL_OPEN_VS_BARE}× bare, ≥{GOAL_SPEED_UP:.0f}× QSIM",
        verdict,
    )
    table.add(
        "  of which list_students()",
        _seconds(ours.open_fetch),
        _seconds(bare),
        _ratio(_divide(ours.open_fetch, bare)),
        _seconds(standard.open_fetch),
    )
    ours_build = ours.open_total - ours.open_fetch
    standard_build = standard.open_total - standard.open_fetch
    table.add(
        "  of which model, view, first paint",
        _seconds(ours_build),
        standard=_seconds(standard_build),
        speed_up=_ratio(_divide(standard_build, ours_build)),
    )
    table.add("open, first in the process (cold)", _seconds(ours.open_cold))

    key = _median(ours.keystrokes)
    key_speed = _divide(_median(qsim_ours_keys), _median(standard.keystrokes))
    key_speed = None if key_speed is None else 1 / key_speed
    verdict = _verdict(
        (None if key is None else key < GOAL_KEYSTROKE, "<50 ms"),
        (None if key_speed is None else key_speed >= GOAL_SPEED_UP, "QSIM"),
    )
    if "MISSED" in verdict:
        missed.append("keystroke")
    table.add(
        f"filter keystroke (median of {len(ours.keystrokes)})",
        _seconds(key),
        standard=_seconds(_median(standard.keystrokes)),
        speed_up=_ratio(key_speed),
        goal=f"<{GOAL_KEYSTROKE * 1000:.0f} ms, ≥{GOAL_SPEED_UP:.0f}× QSIM",
        verdict=verdict,
    )
    table.add(
        "filter keystroke (slowest)",
        _seconds(max(ours.keystrokes, default=None)),
        standard=_seconds(max(standard.keystrokes, default=None)),
    )
    clear = _median(ours.clears)
    verdict = _verdict((None if clear is None else clear < GOAL_CLEAR, "<50 ms"))
    if "MISSED" in verdict:
        missed.append("clear")
    table.add(
        f"clear the filter (median of {len(ours.clears)})",
        _seconds(clear),
        standard=_seconds(_median(standard.clears)),
        speed_up=_ratio(_divide(_median(standard.clears), clear)),
        goal=f"<{GOAL_CLEAR * 1000:.0f} ms",
        verdict=verdict,
    )
    for label, mine, theirs in (
        ("sort by last name, first time", ours.sort_name_cold, standard.sort_name_cold),
        (
            "sort by last name, again (median)",
            ours.sort_name_warm,
            standard.sort_name_warm,
        ),
        (
            "sort by grade, first time (median)",
            ours.sort_grade_cold,
            standard.sort_grade_cold,
        ),
        (
            "sort by grade, again (median)",
            ours.sort_grade_warm,
            standard.sort_grade_warm,
        ),
    ):
        table.add(
            label,
            _seconds(_median(mine)),
            standard=_seconds(_median(theirs)),
            speed_up=_ratio(_divide(_median(theirs), _median(mine))),
        )
    table.add(
        "memory used by the list (RSS)",
        "—" if ours.memory_mb is None else f"{ours.memory_mb:.0f} MB",
        standard="—" if standard.memory_mb is None else f"~{standard.memory_mb:.0f} MB",
        speed_up=_ratio(_divide(standard.memory_mb, ours.memory_mb)),
    )
    table.print()
    return missed


def _run(args: argparse.Namespace) -> int:
    if args.students < 1:
        raise BenchError(f"--students must be at least 1, not {args.students}")
    path, origin = _database(args)
    bench = Bench(path)
    try:
        warm_up_qt(bench)
        ours = Figures()
        plan = measure_ours(bench, ours)
        bare_runs = [bench.bare_fetch() for _ in range(BARE_RUNS)]
        bare = statistics.median(seconds for seconds, _ in bare_runs)
        bare_rows = bare_runs[0][1]
        picks = _spread(plan.keystrokes, QSIM_KEYSTROKES)
        standard = Figures()
        measure_standard(bench, standard, [plan.keystrokes[i] for i in picks])
    finally:
        bench.close()

    memory = resident_memory()
    listed = ours.rows_listed
    print()
    print(
        f"cams bench list — {listed:,} students (seed {args.seed}), "
        f"Python {platform.python_version()}, PySide6 {PySide6.__version__}, "
        f"{QApplication.platformName()}"
    )
    print(f"database: {path} ({origin})")
    print(
        f"{listed:,} students listed for {ACTOR!r}, {ours.rows_shown:,} shown "
        f"(active plans); bare fetch = {len(bench.statements)} statements, "
        f"{bare_rows:,} rows"
    )
    print()
    missed = report(ours, standard, bare, [ours.keystrokes[i] for i in picks])
    print()
    print(
        f"ours: median of {OPEN_RUNS} opens after the first; bare fetch: median of "
        f"{BARE_RUNS}; typed {len(plan.keystrokes)} keystrokes (prefixes of "
        f"{plan.words} common names, {plan.letters} single letters)."
    )
    print(
        f"QStandardItemModel: one open, {len(standard.keystrokes)} of the same "
        f"keystrokes (speed-up against ours on those), {len(standard.clears)} "
        "clears; all rows, case-insensitive fixed-string filter over every "
        "column, no plan-status filter; its memory is approximate (measured "
        "after ours was freed) and its speed-up there is its MB ÷ ours."
    )
    if memory is None:
        print("memory: resident set size cannot be read on this platform.")
    elif memory.kind == "peak":
        print("memory: only the peak resident set size is available here.")
    if missed:
        print("goals missed: " + ", ".join(missed) + " (see above).")
    return 0


def main(args: argparse.Namespace) -> int:
    """Run the list benchmark; 1 only if it could not run."""
    try:
        return _run(args)
    except Exception as error:
        print(f"cams bench list: {error}", file=sys.stderr)
        return 1
