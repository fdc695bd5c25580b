"""python -m cams_desktop runs the command line."""

import sys

from cams_desktop.cli import main

sys.exit(main())
