"""Benchmarks: each prints its figures and their ratio to a baseline of the same run."""

from __future__ import annotations

import argparse


def run(name: str, args: argparse.Namespace) -> int:
    if name == "list":
        from cams_desktop.bench.list_bench import main

        code: int = main(args)
        return code
    raise ValueError(f"unknown benchmark {name}")
