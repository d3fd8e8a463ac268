"""Command-line entry points: thin subcommands over library functions."""
