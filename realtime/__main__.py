"""`python -m realtime` is the `codearena` command."""

import sys

from realtime.commands.cli import main

sys.exit(main())
