"""Dependencies point one way: only cli/ imports typer; only cli/ and report/ import rich;
only yamlio imports YAML libraries; core code never prints, exits or reads the clock."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "okrcli"


def _modules():
    for path in sorted(PACKAGE.rglob("*.py")):
        yield path.relative_to(PACKAGE).as_posix(), ast.parse(path.read_text(encoding="utf-8"))


def _imports(tree: ast.AST) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def _is_core(name: str) -> bool:
    return not name.startswith(("cli/", "report/")) and name != "__main__.py"


def test_only_cli_imports_typer_or_click():
    offenders = [name for name, tree in _modules() if not name.startswith("cli/") and _imports(tree) & {"typer", "click"}]
    assert offenders == []


def test_only_cli_and_report_import_rich():
    offenders = [name for name, tree in _modules() if _is_core(name) and "rich" in _imports(tree)]
    assert offenders == []


def test_only_yamlio_and_edits_import_yaml_libraries():
    allowed = {"yamlio.py", "yamlwrite.py"}
    offenders = [name for name, tree in _modules() if name not in allowed and _imports(tree) & {"yaml", "ruamel"}]
    assert offenders == []


def test_only_gitrepo_imports_git():
    offenders = [name for name, tree in _modules() if name != "gitrepo.py" and "git" in _imports(tree)]
    assert offenders == []


def test_core_never_prints_exits_or_reads_the_clock():
    forbidden_calls = {"print", "exit", "quit", "input"}
    forbidden_attrs = {("sys", "exit"), ("date", "today"), ("datetime", "now"), ("datetime", "today"), ("time", "time"), ("os", "_exit")}
    offenders = []
    for name, tree in _modules():
        if not _is_core(name):
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                func = node.func
                if isinstance(func, ast.Name) and func.id in forbidden_calls:
                    offenders.append(f"{name}:{node.lineno} {func.id}()")
                if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name):
                    if (func.value.id, func.attr) in forbidden_attrs:
                        offenders.append(f"{name}:{node.lineno} {func.value.id}.{func.attr}()")
    assert offenders == []


def test_report_never_imports_cli():
    offenders = [
        name
        for name, tree in _modules()
        if not name.startswith("cli/") and name != "__main__.py"  # the entry point, like the console script
        and any(
            isinstance(node, ast.ImportFrom) and (node.module or "").startswith("okrcli.cli")
            for node in ast.walk(tree)
        )
    ]
    assert offenders == []
