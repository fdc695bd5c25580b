"""Main window and the views it shows."""
