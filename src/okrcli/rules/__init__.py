"""okr lint: the rules (one module each under rules/), the registry and the runner."""
