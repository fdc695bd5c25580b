"""Where the application keeps its files on this computer."""

from __future__ import annotations

from pathlib import Path

import platformdirs

APP_NAME = "CAMS Desktop"
APP_AUTHOR = "CAMS"


def data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))


def log_dir() -> Path:
    return Path(platformdirs.user_log_dir(APP_NAME, APP_AUTHOR))


def default_database() -> Path:
    """The user's own local database."""
    return data_dir() / "cams.sqlite"


def demo_database() -> Path:
    """The demo school lives apart, so it never mixes with real data."""
    return data_dir() / "demo" / "demo-school.sqlite"


def private_folder(path: Path) -> Path:
    """Create ``path`` readable by its owner only (the data holds personal data)."""
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    return path
