"""The command line: one thin Typer module per command."""
