"""The exception every long operation raises when its user cancels it."""


class Cancelled(Exception):
    """The user cancelled; the operation left everything as it was."""
