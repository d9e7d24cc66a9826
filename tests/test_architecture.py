"""The package's layers, enforced from its own imports.

cli -> report -> usecases -> rules -> scoring -> language -> repo -> yamlio -> model:
a module may import its own package or any package to the right, never one to the left.
Only cli/ imports typer; only cli/ and report/ import rich; only yamlio/ imports a YAML
library; only repo/git.py imports gitpython; core code never prints, exits or reads the
clock; no module imports another module's private (underscore) names.

Each check is a function over a package folder, so the tests at the end can show that
it fails when a violation is planted in a copy of the package.
"""

from __future__ import annotations

import ast
import shutil
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "okrcli"

LAYERS = ("model", "yamlio", "repo", "language", "scoring", "rules", "usecases", "report", "cli")
"""Lowest first. The package root (``okrcli/__init__.py``: the version) is below all of them."""

CORE = frozenset(LAYERS) - {"report", "cli"}


def modules(package: Path):
    for path in sorted(package.rglob("*.py")):
        yield path.relative_to(package).as_posix(), ast.parse(path.read_text(encoding="utf-8"))


def layer_of(name: str) -> str | None:
    """The layer of a module path like ``repo/loader.py`` or a dotted ``okrcli.repo.loader``."""
    parts = name.replace(".py", "").replace("/", ".").split(".")
    if parts and parts[0] == "okrcli":
        parts = parts[1:]
    return parts[0] if parts and parts[0] in LAYERS else None


def dotted(name: str) -> str:
    stem = name[: -len(".py")].replace("/", ".")
    return "okrcli." + stem.removesuffix(".__init__")


def project_imports(name: str, tree: ast.AST):
    """(line, imported module, imported names) for every import of an okrcli module."""
    package = dotted(name).rsplit(".", 1)[0] if not name.endswith("__init__.py") else dotted(name)
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] == "okrcli":
                    yield node.lineno, alias.name, []
        elif isinstance(node, ast.ImportFrom):
            module = node.module or ""
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                module = ".".join(base + ([module] if module else []))
            if module.split(".")[0] == "okrcli":
                yield node.lineno, module, [alias.name for alias in node.names]


def third_party_imports(tree: ast.AST) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def upward_imports(package: Path) -> list[str]:
    """Imports that point from a lower layer to a higher one."""
    offenders = []
    for name, tree in modules(package):
        mine = layer_of(name)
        if mine is None:
            continue
        for line, module, imported in project_imports(name, tree):
            targets = [module] if layer_of(module) else [f"{module}.{n}" for n in imported]
            for target in targets:
                theirs = layer_of(target)
                if theirs and LAYERS.index(theirs) > LAYERS.index(mine):
                    offenders.append(f"{name}:{line} ({mine}) imports {target} ({theirs})")
    return offenders


def private_imports(package: Path) -> list[str]:
    """``from okrcli.x import _name`` anywhere but in x itself."""
    offenders = []
    for name, tree in modules(package):
        for line, module, imported in project_imports(name, tree):
            for item in imported:
                if item.startswith("_") and not item.startswith("__") and module != dotted(name):
                    offenders.append(f"{name}:{line} imports {module}.{item}")
    return offenders


def test_layers_point_one_way():
    assert upward_imports(PACKAGE) == []


def test_no_module_imports_another_modules_private_names():
    assert private_imports(PACKAGE) == []


def test_every_module_sits_in_a_layer():
    loose = [name for name, _ in modules(PACKAGE) if layer_of(name) is None and name not in ("__init__.py", "__main__.py")]
    assert loose == []


def test_only_cli_imports_typer_or_click():
    offenders = [name for name, tree in modules(PACKAGE) if layer_of(name) != "cli" and third_party_imports(tree) & {"typer", "click"}]
    assert offenders == []


def test_only_cli_and_report_import_rich():
    offenders = [name for name, tree in modules(PACKAGE) if layer_of(name) in CORE and "rich" in third_party_imports(tree)]
    assert offenders == []


def test_only_yamlio_imports_yaml_libraries():
    offenders = [name for name, tree in modules(PACKAGE) if layer_of(name) != "yamlio" and third_party_imports(tree) & {"yaml", "ruamel"}]
    assert offenders == []


def test_only_repo_git_imports_gitpython():
    offenders = [name for name, tree in modules(PACKAGE) if name != "repo/git.py" and "git" in third_party_imports(tree)]
    assert offenders == []


def test_core_never_prints_exits_or_reads_the_clock():
    forbidden_calls = {"print", "exit", "quit", "input"}
    forbidden_attrs = {("sys", "exit"), ("date", "today"), ("datetime", "now"), ("datetime", "today"), ("time", "time"), ("os", "_exit")}
    offenders = []
    for name, tree in modules(PACKAGE):
        if layer_of(name) not in CORE:
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


def _copy(tmp_path: Path) -> Path:
    copy = tmp_path / "okrcli"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    return copy


def test_the_layer_check_reports_a_planted_upward_import(tmp_path):
    copy = _copy(tmp_path)
    target = copy / "model" / "periods.py"
    target.write_text(target.read_text(encoding="utf-8") + "\nfrom okrcli.report import views  # planted\n", encoding="utf-8")
    relative = copy / "scoring" / "planted.py"
    relative.write_text("from ..cli import app\n", encoding="utf-8")
    found = upward_imports(copy)
    assert any(f.startswith("model/periods.py:") and "okrcli.report" in f for f in found)
    assert any(f.startswith("scoring/planted.py:1") and "okrcli.cli" in f for f in found)


def test_the_private_check_reports_a_planted_private_import(tmp_path):
    copy = _copy(tmp_path)
    (copy / "report" / "planted.py").write_text("from okrcli.model.periods import _planted\n", encoding="utf-8")
    assert "report/planted.py:1 imports okrcli.model.periods._planted" in private_imports(copy)
