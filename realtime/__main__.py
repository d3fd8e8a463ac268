"""`python -m realtime` is the `codearena` command."""

import sys

from realtime.cli import main

sys.exit(main())
