"""Every diagnostic code okr prints, as a documented rule: one module each under lint/,
file_format/ and draft/, the registry that lists them, the options they declare
(options.py), and the runner that runs the lint rules."""
