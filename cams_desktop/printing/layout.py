"""Pages laid out as plain drawing operations, then drawn on a reportlab canvas.

Letters and slips are laid out first (where every line goes) and drawn after.
Keeping the two apart lets the benchmark draw exactly the same lines on a bare
canvas, and keeps the drawing loop as thin as drawString itself: a print run
of thousands of pages spends its time in reportlab, not here.

Nothing here reads markup: text typed by people is drawn character for
character, so "<b>" or "&" print as typed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeAlias

from reportlab.lib.pagesizes import letter
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from cams_desktop.printing.fonts import BOLD, REGULAR, register_fonts, wrap

# Canadian schools print on US Letter paper.
PAGE_WIDTH, PAGE_HEIGHT = letter
MARGIN_X = 72.0
MARGIN_TOP = 54.0
MARGIN_BOTTOM = 54.0
CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN_X
BODY_SIZE = 10.5
LABEL_GREY = 0.35
LEADING = 1.3  # line height, in ems


@dataclass(frozen=True, slots=True)
class TextLine:
    """One line of text; ``y`` is its baseline."""

    x: float
    y: float
    font: str
    size: float
    text: str
    grey: float = 0.0


@dataclass(frozen=True, slots=True)
class Box:
    """A rectangle, filled and/or framed; ``y`` is its bottom edge."""

    x: float
    y: float
    width: float
    height: float
    fill_grey: float | None = None
    stroke_grey: float | None = None


@dataclass(frozen=True, slots=True)
class Rule:
    """A horizontal line from (x, y), ``width`` long."""

    x: float
    y: float
    width: float
    grey: float


@dataclass(frozen=True, slots=True)
class Picture:
    """An image file drawn in a box (already sized to keep its proportions)."""

    path: str
    x: float
    y: float
    width: float
    height: float


Operation: TypeAlias = TextLine | Box | Rule | Picture
Page: TypeAlias = list[Operation]


@dataclass(frozen=True)
class Logo:
    """An image file and the size it prints at (read once per document)."""

    path: str
    width: float
    height: float


def fit_logo(path: Path | None, max_width: float, max_height: float) -> Logo | None:
    """The logo scaled to fit the box, keeping its proportions; None → none.

    Raises ValueError when the file cannot be read as an image, before any
    page is drawn, rather than printing a thousand letters without it.
    """
    if path is None:
        return None
    try:
        pixel_width, pixel_height = ImageReader(str(path)).getSize()
    except Exception as error:  # reportlab wraps every decoder's own error
        raise ValueError(f"the school logo {path} cannot be read: {error}") from error
    scale = min(max_width / pixel_width, max_height / pixel_height)
    return Logo(str(path), pixel_width * scale, pixel_height * scale)


@dataclass
class Layout:
    """A cursor that moves down the page, starting a new page when one is full."""

    pages: list[Page] = field(default_factory=lambda: [[]])
    y: float = PAGE_HEIGHT - MARGIN_TOP

    @property
    def page(self) -> Page:
        return self.pages[-1]

    def need(self, height: float) -> None:
        """Start a new page unless ``height`` points fit above the bottom margin.

        Letters fit one page with names of any sensible length; this only
        keeps absurdly long input from running off the paper.
        """
        if self.y - height < MARGIN_BOTTOM and self.page:
            self.pages.append([])
            self.y = PAGE_HEIGHT - MARGIN_TOP

    def space(self, height: float) -> None:
        self.y -= height

    def lines(
        self,
        lines: Sequence[str],
        *,
        font: str = REGULAR,
        size: float = BODY_SIZE,
        x: float = MARGIN_X,
        grey: float = 0.0,
        leading: float | None = None,
    ) -> None:
        """Lines already broken, one below the other from the cursor."""
        step = leading or size * LEADING
        for text in lines:
            self.need(step)
            self.page.append(
                TextLine(x, _baseline(self.y, size, step), font, size, text, grey)
            )
            self.y -= step

    def paragraph(
        self,
        text: str,
        *,
        font: str = REGULAR,
        size: float = BODY_SIZE,
        x: float = MARGIN_X,
        width: float = CONTENT_WIDTH,
        grey: float = 0.0,
        after: float = 6.0,
    ) -> None:
        """A block of text wrapped to ``width``, then ``after`` points of space."""
        self.lines(wrap(text, font, size, width), font=font, size=size, x=x, grey=grey)
        self.space(after)

    def numbered(self, items: Sequence[str], *, after: float = 6.0) -> None:
        """A numbered list with hanging indents (the text aligns past "1.")."""
        indent = 18.0
        step = BODY_SIZE * LEADING
        for number, item in enumerate(items, start=1):
            lines = wrap(item, REGULAR, BODY_SIZE, CONTENT_WIDTH - indent)
            # Room for the first line now, so the number and it share a page.
            self.need(step)
            self.page.append(
                TextLine(
                    MARGIN_X,
                    _baseline(self.y, BODY_SIZE, step),
                    REGULAR,
                    BODY_SIZE,
                    f"{number}.",
                )
            )
            self.lines(lines, x=MARGIN_X + indent)
            self.space(4.0)
        self.space(after - 4.0)

    def header(self, school_name: str, logo: Logo | None, subtitle: str) -> None:
        """Logo at the left, the school's name beside it, a rule underneath."""
        text_x = MARGIN_X + (logo.width + 14.0 if logo else 0.0)
        width = PAGE_WIDTH - MARGIN_X - text_x
        name_lines = wrap(school_name, BOLD, 16.0, width)
        sub_lines = wrap(subtitle, REGULAR, 10.0, width)
        text_height = len(name_lines) * 20.0 + 4.0 + len(sub_lines) * 13.0
        height = max(text_height, logo.height if logo else 0.0)
        top = self.y
        if logo:
            self.page.append(
                Picture(logo.path, MARGIN_X, top - logo.height, logo.width, logo.height)
            )
        # The school's name is centred on the logo's height.
        self.y = top - (height - text_height) / 2
        self.lines(name_lines, font=BOLD, size=16.0, x=text_x, leading=20.0)
        self.space(4.0)
        self.lines(sub_lines, size=10.0, x=text_x, grey=LABEL_GREY, leading=13.0)
        self.y = top - height - 10.0
        self.page.append(Rule(MARGIN_X, self.y, CONTENT_WIDTH, 0.6))
        self.space(18.0)

    def fields(
        self, rows: Sequence[tuple[str, str, str, float]], *, after: float = 14.0
    ) -> None:
        """Labelled values in a shaded box: (label, value, value font, size).

        Labels sit in a left column and values in a right one, each wrapped
        in its own column, so a long name stays inside the box.
        """
        pad = 12.0
        label_width = 150.0
        value_x = MARGIN_X + pad + label_width
        value_width = PAGE_WIDTH - MARGIN_X - pad - value_x
        laid: list[tuple[list[str], list[str], str, float, float]] = []
        height = 2 * pad - 6.0
        for label, value, font, size in rows:
            label_lines = wrap(label, REGULAR, 10.0, label_width - 8.0)
            value_lines = wrap(value, font, size, value_width)
            step = size * 1.3
            row_height = max(len(label_lines) * 13.0, len(value_lines) * step) + 6.0
            laid.append((label_lines, value_lines, font, size, row_height))
            height += row_height
        self.need(height)
        top = self.y
        self.page.append(
            Box(
                MARGIN_X,
                top - height,
                CONTENT_WIDTH,
                height,
                fill_grey=0.95,
                stroke_grey=0.75,
            )
        )
        self.y = top - pad
        for label_lines, value_lines, font, size, row_height in laid:
            row_top = self.y
            # Label and value share the first baseline, whatever their sizes.
            baseline = row_top - size * 0.9
            for index, text in enumerate(label_lines):
                self.page.append(
                    TextLine(
                        MARGIN_X + pad,
                        baseline - index * 13.0,
                        REGULAR,
                        10.0,
                        text,
                        LABEL_GREY,
                    )
                )
            for index, text in enumerate(value_lines):
                self.page.append(
                    TextLine(value_x, baseline - index * size * 1.3, font, size, text)
                )
            self.y = row_top - row_height
        self.y = top - height - after


def _baseline(top: float, size: float, step: float) -> float:
    """Baseline of a line whose box starts at ``top``: about one ascent (0.8
    em) below it, with the leading's extra space shared above and below."""
    return top - size * 0.8 - (step - size) / 2


def text_lines(pages: Iterable[Page]) -> list[TextLine]:
    """Every line of text of some pages, in drawing order (for the benchmark)."""
    return [op for page in pages for op in page if isinstance(op, TextLine)]


def draw_documents(
    documents: Iterable[list[Page]],
    path: Path,
    *,
    title: str,
    after_document: Callable[[int], None] | None = None,
) -> int:
    """Draw each document's pages into one PDF at ``path``; return the page count.

    ``after_document(index)`` runs after each document's last page, which is
    where a print job checks for a cancel and reports progress.
    """
    register_fonts()
    # The initial font is written on every page: DejaVu rather than the
    # default Helvetica, so the file names only fonts it embeds.
    canvas = Canvas(
        str(path), pagesize=letter, pageCompression=1, initialFontName=REGULAR
    )
    # Only generic words go into the file's properties: never personal data.
    canvas.setTitle(title)
    canvas.setCreator("CAMS Desktop")
    pages = 0
    for index, document in enumerate(documents):
        for page in document:
            _draw_page(canvas, page)
            canvas.showPage()
            pages += 1
        if after_document is not None:
            after_document(index)
    canvas.save()
    return pages


def _draw_page(canvas: Canvas, page: Page) -> None:
    font: tuple[str, float] | None = None
    grey: float | None = None
    for op in page:
        if isinstance(op, TextLine):
            # setFont and setFillGray write to the page each time: only on change.
            if font != (op.font, op.size):
                font = (op.font, op.size)
                canvas.setFont(op.font, op.size)
            if grey != op.grey:
                grey = op.grey
                canvas.setFillGray(op.grey)
            canvas.drawString(op.x, op.y, op.text)
        elif isinstance(op, Box):
            canvas.saveState()
            if op.fill_grey is not None:
                canvas.setFillGray(op.fill_grey)
            if op.stroke_grey is not None:
                canvas.setStrokeGray(op.stroke_grey)
            canvas.rect(
                op.x,
                op.y,
                op.width,
                op.height,
                stroke=int(op.stroke_grey is not None),
                fill=int(op.fill_grey is not None),
            )
            # Puts back the fill colour the text cache above believes in.
            canvas.restoreState()
        elif isinstance(op, Rule):
            canvas.saveState()
            canvas.setStrokeGray(op.grey)
            canvas.line(op.x, op.y, op.x + op.width, op.y)
            canvas.restoreState()
        else:
            canvas.drawImage(op.path, op.x, op.y, op.width, op.height, mask="auto")
