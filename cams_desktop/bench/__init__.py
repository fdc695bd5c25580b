"""Benchmarks: each prints its figures and their ratio to a baseline of the same run."""

from __future__ import annotations

import argparse


def run(name: str, args: argparse.Namespace) -> int:
    if name == "list":
        from cams_desktop.bench.list_bench import main

        code: int = main(args)
        return code
    if name == "letters":
        from cams_desktop.bench.letters_bench import main as letters_main

        letters_code: int = letters_main(args)
        return letters_code
    if name == "rollover":
        from cams_desktop.bench.rollover_bench import main as rollover_main

        rollover_code: int = rollover_main(args)
        return rollover_code
    if name == "import":
        from cams_desktop.bench.import_bench import main as import_main

        import_code: int = import_main(args)
        return import_code
    if name == "sync":
        from cams_desktop.bench.sync_bench import main as sync_main

        sync_code: int = sync_main(args)
        return sync_code
    raise ValueError(f"unknown benchmark {name}")
