"""The data layer's shape, checked on the source tree.

- SQL statements are written only in repository modules (`<domain>/repository.py` or a
  `<domain>/repositories/` package), `db/` and `migrations/`.
- Only those modules talk to a connection (`conn.fetchone/fetchall/fetchval/execute/…`),
  so nothing else ever holds an untyped driver row.
- Repository functions return typed rows: dataclasses (not indexable, so `row[3]` is a
  mypy error anywhere) or plain values, never `Any`, a driver `Row` or a tuple.
- No import cycles between modules, nor between packages.

Each check is a function over source text, so the tests below also plant a violation
and see it reported: a check that finds nothing in the tree proves nothing by itself.
"""

from __future__ import annotations

import ast
import dataclasses
import importlib
import inspect
import re
import types
import typing
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "otpvirt"
# Packages not yet on repositories (none left): kept so a migration can be staged.
NOT_YET: frozenset[str] = frozenset()

SQL = re.compile(
    r"\b(SELECT\s[\s\S]*?\bFROM\b|SELECT\s+\w+\(|INSERT\s+INTO\s"
    r"|UPDATE\s+\w+(\s+AS\s+\w+)?\s+SET\s|DELETE\s+FROM\s|WITH\s+\w+\s+AS\s*\()"
)
CONN_METHODS = frozenset(
    {"fetchone", "fetchall", "fetchval", "fetch_all_slow", "execute", "executemany"}
    | {"fetch_one_as", "fetch_all_as"}
)


def may_hold_sql(rel: str) -> bool:
    """Whether a module (path relative to src/otpvirt) may contain SQL and use a connection."""
    parts = rel.split("/")
    return (
        parts[0] in ("db", "migrations")
        or parts[-1] == "repository.py"
        or "repositories" in parts[:-1]
        or parts[0] in NOT_YET
    )


def _docstrings(tree: ast.AST) -> set[int]:
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                out.add(id(body[0].value))
    return out


def _text(node: ast.AST) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(
            v.value if isinstance(v, ast.Constant) and isinstance(v.value, str) else "x"
            for v in node.values
        )
    return None


def sql_literals(source: str) -> list[tuple[int, str]]:
    """(line, text) of every string literal that holds a SQL statement (docstrings aside)."""
    tree = ast.parse(source)
    skip = _docstrings(tree)
    found = []
    for node in ast.walk(tree):
        text = _text(node)
        if text is not None and id(node) not in skip and SQL.search(text):
            found.append((getattr(node, "lineno", 0), text[:80]))
    return sorted(found)


def connection_calls(source: str) -> list[tuple[int, str]]:
    """(line, method) of every call of a connection method (`x.fetchall(...)`, …)."""
    return sorted(
        (node.lineno, node.func.attr)
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in CONN_METHODS
    )


def _modules() -> list[tuple[str, str]]:
    return [
        (str(p.relative_to(SRC)), p.read_text(encoding="utf-8")) for p in sorted(SRC.rglob("*.py"))
    ]


def test_sql_lives_in_repositories() -> None:
    bad = [
        f"{rel}:{line}: {text!r}"
        for rel, source in _modules()
        if not may_hold_sql(rel)
        for line, text in sql_literals(source)
    ]
    assert not bad, "SQL outside repositories:\n" + "\n".join(bad)


def test_only_repositories_use_a_connection() -> None:
    bad = [
        f"{rel}:{line}: .{method}()"
        for rel, source in _modules()
        if not may_hold_sql(rel)
        for line, method in connection_calls(source)
    ]
    assert not bad, "connection calls outside repositories:\n" + "\n".join(bad)


def test_the_checks_catch_planted_violations() -> None:
    planted = '''
"""A docstring may say SELECT x FROM y."""
async def f(conn, cols):
    a = await conn.fetchall("SELECT id FROM clients WHERE id = :i", {"i": 1})
    b = await conn.fetchval(f"SELECT {cols} FROM t")
    await conn.execute("UPDATE numbers SET enabled = FALSE " "WHERE id = 1")
    await conn.execute("DELETE FROM web_sessions")
    await conn.execute("INSERT INTO audit_log (at) VALUES (1)")
    await conn.fetchone("WITH due AS (SELECT 1) SELECT * FROM due")
    message = "press SELECT to pick; an UPDATE of prices; delete from the list"
    await conn.execute("SELECT pg_notify(:ch, '')")
    return a[0], b
'''
    assert [line for line, _ in sql_literals(planted)] == [4, 5, 6, 7, 8, 9, 11]
    assert [m for _, m in connection_calls(planted)] == [
        "fetchall",
        "fetchval",
        "execute",
        "execute",
        "execute",
        "fetchone",
        "execute",
    ]
    assert may_hold_sql("clients/repository.py") and may_hold_sql("webhook/repositories/x.py")
    assert not may_hold_sql("clients/service.py") and not may_hold_sql("portal/endpoints.py")


# -- typed rows ------------------------------------------------------------------------

_PLAIN: tuple[object, ...] = (int, str, bool, float, bytes, object, type(None), list, dict)


def untyped_parts(annotation: object) -> list[str]:
    """What in a return annotation is not a plain value or a dataclass (so is not typed)."""
    if annotation is typing.Any:
        return ["Any"]
    origin = typing.get_origin(annotation)
    if origin is not None:
        if origin is tuple:
            return [repr(annotation)]
        bad = [] if origin in (list, dict, typing.Union, types.UnionType) else [repr(origin)]
        return bad + [p for a in typing.get_args(annotation) for p in untyped_parts(a)]
    if annotation is Ellipsis or annotation in _PLAIN:
        return []
    if isinstance(annotation, type) and dataclasses.is_dataclass(annotation):
        return [] if not issubclass(annotation, tuple) else [annotation.__name__]
    return [repr(annotation)]


def _repository_modules() -> list[str]:
    return [
        "otpvirt." + rel[:-3].replace("/", ".").removesuffix(".__init__")
        for rel, _ in _modules()
        if may_hold_sql(rel) and rel.split("/")[0] not in ("db", "migrations", *NOT_YET)
    ]


def test_repositories_return_typed_rows() -> None:
    modules = _repository_modules()
    assert len(modules) >= 10, modules
    bad = []
    for name in modules:
        module = importlib.import_module(name)
        for fname, fn in vars(module).items():
            if fname.startswith("_") or not inspect.iscoroutinefunction(fn):
                continue
            if fn.__module__ != name:
                continue
            hint = typing.get_type_hints(fn)["return"]
            bad += [f"{name}.{fname} -> {part}" for part in untyped_parts(hint)]
    assert not bad, "repository functions returning untyped rows:\n" + "\n".join(bad)


def test_the_typed_row_check_catches_untyped_returns() -> None:
    class Pair(typing.NamedTuple):
        a: int

    @dataclasses.dataclass(frozen=True)
    class Row:
        a: int

    assert untyped_parts(list[Row] | None) == []
    assert untyped_parts(dict[str, int]) == []
    assert untyped_parts(typing.Any) == ["Any"]
    assert untyped_parts(list[typing.Any]) == ["Any"]
    assert untyped_parts(tuple[int, str]) != []
    assert untyped_parts(Pair) != []
    assert untyped_parts(Row | None) == []


# -- import cycles -----------------------------------------------------------------------


def import_graph(modules: dict[str, str]) -> dict[str, set[str]]:
    """Module -> the project modules it imports (at any depth of the file, not only the top)."""
    graph: dict[str, set[str]] = {}
    for name, source in modules.items():
        out = graph.setdefault(name, set())
        for node in ast.walk(ast.parse(source)):
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                targets = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
            out.update(t for t in targets if t in modules and t != name)
    return graph


def _pop_until(stack: list[str], v: str) -> set[str]:
    """Pop the stack down to `v` inclusive: one strongly connected component."""
    at = len(stack) - 1 - stack[::-1].index(v)
    comp = set(stack[at:])
    del stack[at:]
    return comp


def cycles(graph: dict[str, set[str]]) -> list[set[str]]:
    """The strongly connected components with more than one member (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[set[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in graph.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = _pop_until(stack, v)
            if len(comp) > 1:
                found.append(comp)

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def packages(graph: dict[str, set[str]]) -> dict[str, set[str]]:
    """The graph between top-level packages (`otpvirt.X...` -> X)."""

    def top(m: str) -> str:
        return m.split(".")[1] if "." in m else m

    out: dict[str, set[str]] = {}
    for a, bs in graph.items():
        out.setdefault(top(a), set()).update(top(b) for b in bs if top(b) != top(a))
    return out


def _project() -> dict[str, str]:
    return {
        "otpvirt." + rel[:-3].replace("/", ".").removesuffix(".__init__"): source
        for rel, source in _modules()
    }


def test_no_import_cycles() -> None:
    graph = import_graph(_project())
    assert cycles(graph) == [], "modules importing each other"
    assert cycles(packages(graph)) == [], "packages importing each other"


def test_the_cycle_check_catches_a_cycle() -> None:
    planted = {
        "otpvirt.config": "from otpvirt.auth.ratelimit import parse_rate\n",
        "otpvirt.auth.ratelimit": "def f():\n    from otpvirt.db import Conn\n",
        "otpvirt.db": "from otpvirt.config import Settings\n",
        "otpvirt.clock": "import otpvirt.config\n",
    }
    graph = import_graph(planted)
    assert cycles(graph) == [{"otpvirt.config", "otpvirt.auth.ratelimit", "otpvirt.db"}]
    assert cycles(packages(graph)) == [{"config", "auth", "db"}]
