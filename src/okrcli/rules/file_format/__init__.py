"""One module per code that loading reports (``okr validate``, and every command that reads the files).

The checks themselves run in the load pipeline (yamlio/reader.py, repo/reading.py,
repo/schema_errors.py, rules/format.py, rules/cross_file.py); these modules are the
codes' documentation, so ``okr rules`` can explain every code any command prints.
"""
