"""CAMS Desktop: the counsellor administration tool of a career planning program."""

__version__ = "0.1.0"
