"""`python -m okrcli` runs the okr command line."""

from okrcli.cli.app import main

main()
