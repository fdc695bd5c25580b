"""Builds the .qm files from translations/*.ts with Qt's lrelease (also at install)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import PySide6

ROOT = Path(__file__).resolve().parents[2]
SOURCES = ROOT / "translations"


def qt_tool(name: str) -> Path:
    """Path of a Qt tool (lrelease, lupdate) shipped inside PySide6."""
    folder = Path(PySide6.__file__).parent
    for candidate in (
        folder / name,
        folder / f"{name}.exe",
        folder / "Qt" / "bin" / name,
    ):
        if candidate.exists():
            return candidate
    raise FileNotFoundError(f"{name} not found in {folder}")


def compile_translations(sources: Path, target: Path) -> list[Path]:
    """Run lrelease on every .ts of ``sources``; return the .qm files written."""
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for ts in sorted(sources.glob("cams_*.ts")):
        qm = target / ts.with_suffix(".qm").name
        subprocess.run(
            [str(qt_tool("lrelease")), "-silent", str(ts), "-qm", str(qm)],
            check=True,
        )
        written.append(qm)
    if not written:
        raise FileNotFoundError(f"no cams_*.ts in {sources}")
    return written


if __name__ == "__main__":
    for path in compile_translations(SOURCES, Path(__file__).parent):
        print(path.name)
    sys.exit(0)
