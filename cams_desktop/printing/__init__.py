"""Printed documents (reportlab): parent letters, login slips and bulk batches.

UI-free like services/: the GUI runs a print job on a worker thread and
passes progress and cancel callables. Callers map their rows to the plain
dataclasses here (Letter, LoginSlip), so this package depends on no service.
Text is drawn in the shipped DejaVu Sans (fonts.py), laid out line by line
(layout.py) and never parsed as markup.
"""
