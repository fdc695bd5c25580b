"""Builds the translations while packaging (everything else is in pyproject.toml)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).parent


def _compile(target: Path) -> None:
    spec = importlib.util.spec_from_file_location(
        "build_translations", HERE / "cams_desktop" / "translations" / "build.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.compile_translations(HERE / "translations", target)


class BuildWithTranslations(build_py):
    """build_py that also turns translations/*.ts into .qm files."""

    def run(self) -> None:
        super().run()
        if self.editable_mode:
            # Editable installs load the package from the source tree.
            _compile(HERE / "cams_desktop" / "translations")
        else:
            _compile(Path(self.build_lib) / "cams_desktop" / "translations")


setup(cmdclass={"build_py": BuildWithTranslations})
