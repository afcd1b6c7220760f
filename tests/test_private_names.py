"""No module uses another package's private names (`_name`): each package's are its own.

`otpvirt.client._sync` may use `otpvirt.client._wire`, but `otpvirt.activation` may not
use `otpvirt.inventory.pool._params`; that needs a public function in `inventory`. Tests
may use the private names of the package they mirror (`tests/client` ↔ `otpvirt.client`).
Checked: `from x import _y`, `import x._y` and `module._y` on an imported module.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TREES = {"otpvirt": ROOT / "src" / "otpvirt", "tests": ROOT / "tests", "bench": ROOT / "bench"}


def _module_names() -> dict[str, Path]:
    found: dict[str, Path] = {}
    for top, tree in TREES.items():
        for path in tree.rglob("*.py"):
            rel = path.relative_to(tree).with_suffix("")
            if "node_modules" in rel.parts:
                continue
            parts = [top, *rel.parts]
            if parts[-1] == "__init__":
                parts.pop()
            found[".".join(parts)] = path
    return found


MODULES = _module_names()
PACKAGES = {name for name, path in MODULES.items() if path.name == "__init__.py"}


def _private(segment: str) -> bool:
    return segment.startswith("_") and not (segment.startswith("__") and segment.endswith("__"))


def _owner(dotted: str) -> str | None:
    """The package whose private name `dotted` reaches (None: no private segment)."""
    parts = dotted.split(".")
    for i, segment in enumerate(parts):
        if i and _private(segment):
            prefix = ".".join(parts[:i])
            return (
                prefix if prefix in PACKAGES or prefix not in MODULES else prefix.rpartition(".")[0]
            )
    return None


def _allowed(importer: str, owner: str) -> bool:
    package = importer if importer in PACKAGES else importer.rpartition(".")[0]
    if package.startswith("tests.") or package == "tests":
        package = "otpvirt" + package[len("tests") :]  # tests mirror the source tree
    if package == "otpvirt.client" and owner == "otpvirt_client":
        return True  # tests/client tests the SDK, which otpvirt.client re-exports
    return package == owner or package.startswith(owner + ".")


def _absolute(importer: str, node: ast.ImportFrom) -> str:
    if not node.level:
        return node.module or ""
    package = importer if importer in PACKAGES else importer.rpartition(".")[0]
    base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
    return f"{base}.{node.module}" if node.module else base


def _dotted(node: ast.expr) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        inner = _dotted(node.value)
        return None if inner is None else f"{inner}.{node.attr}"
    return None


def _imports(importer: str, tree: ast.Module, bound: dict[str, str]) -> Iterator[tuple[int, str]]:
    """(line, dotted name) of every imported name; records names bound to our modules."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
                top = alias.name.partition(".")[0]
                bound[alias.asname or top] = alias.name if alias.asname else top
        elif isinstance(node, ast.ImportFrom):
            module = _absolute(importer, node)
            for alias in node.names:
                full = f"{module}.{alias.name}"
                yield node.lineno, full
                if full in MODULES:
                    bound[alias.asname or alias.name] = full


def _uses(importer: str, tree: ast.Module) -> Iterator[tuple[int, str]]:
    """(line, dotted name) of every imported name and module attribute used."""
    bound: dict[str, str] = {}  # local name -> the module it stands for
    yield from _imports(importer, tree, bound)
    for node in ast.walk(tree):
        if not isinstance(node, ast.Attribute):
            continue
        root, _, rest = (_dotted(node) or "").partition(".")
        if root in bound and rest:
            yield node.lineno, f"{bound[root]}.{rest}"


def test_the_checker_sees_a_reach_into_another_package() -> None:
    source = "from otpvirt.inventory.repositories import pool\n"
    source += "from otpvirt.inventory.repositories.pool import _where\n"
    source += "pool._params\nfrom otpvirt.client import _wire\n"
    uses = list(_uses("otpvirt.activation.dispatch", ast.parse(source)))
    owners = [(line, _owner(name)) for line, name in uses if _owner(name)]
    assert sorted(owners) == [
        (2, "otpvirt.inventory.repositories"),
        (3, "otpvirt.inventory.repositories"),
        (4, "otpvirt.client"),
    ]
    assert not _allowed("otpvirt.activation.dispatch", "otpvirt.inventory.repositories")
    assert _allowed("otpvirt.client._sync", "otpvirt.client")
    assert _allowed("tests.client.test_wire", "otpvirt.client")
    assert not _allowed("tests.cli.test_cli", "otpvirt.client")
    assert _allowed("tests.client.test_wire", "otpvirt_client")
    assert not _allowed("tests.cli.test_cli", "otpvirt_client")


@pytest.mark.parametrize("module", sorted(MODULES))
def test_no_private_name_of_another_package(module: str) -> None:
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    reaches = [
        f"line {line}: {name}"
        for line, name in _uses(module, tree)
        if (owner := _owner(name)) is not None and not _allowed(module, owner)
    ]
    assert not reaches, f"{module} uses private names of other packages: {reaches}"
