"""The reference for start-up budgets: a minimal Typer app with one no-op command,
on the same Typer version as okr (python benchmarks/typer_noop.py noop)."""

import typer

app = typer.Typer()


@app.command()
def noop() -> None:
    """Do nothing."""


@app.command()
def other() -> None:
    """A second command, so that `noop` is a subcommand as okr's are."""


if __name__ == "__main__":
    app()
