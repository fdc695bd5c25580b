"""Dialogs opened from the main window and the View/Action menu."""
