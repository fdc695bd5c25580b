"""Roster import (F-22): reading school files, previewing, applying."""
