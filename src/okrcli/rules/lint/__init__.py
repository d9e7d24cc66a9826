"""One module per lint rule; the module docstring is the rule's documentation."""
