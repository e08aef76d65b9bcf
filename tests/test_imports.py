"""The package's imports run one way: every module can be imported first, on its own, and no
module imports another that (directly or not) imports it back.

Two checks. ``test_module_imports_on_its_own`` imports each module of the package first in a
process that holds no other module of lagebild: one helper process loads the libraries
lagebild uses (spaCy alone takes a second), then forks a child per module, so that the
whole package takes a few seconds. A cycle that the import order happens to resolve passes
there, so ``test_no_import_cycle`` reads the import statements themselves, those inside
functions too, and fails on any cycle among the package's modules.
"""

from __future__ import annotations

import ast
import fcntl
import functools
import json
import os
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

import lagebild

PACKAGE_DIR = Path(lagebild.__file__).parent
MODULES = ["lagebild"] + sorted(
    info.name for info in pkgutil.walk_packages(lagebild.__path__, "lagebild."))

#: The helper process: modules to import on stdin, {module: error or null} on stdout.
_IMPORT_EACH = r"""
import gc, importlib, json, os, shutil, sys, tempfile, traceback

asked = json.load(sys.stdin)
modules, core = asked["modules"], asked["core"]
result, running = {}, {}


def forget():
    for name in [m for m in sys.modules if m.split(".")[0] == "lagebild"]:
        del sys.modules[name]


def import_all():
    for name in modules:
        try:
            importlib.import_module(name)
        except BaseException:
            pass
    forget()


# every library lagebild uses loaded once here, then lagebild forgotten, so that each child
# below imports its module first (spaCy takes a module that registers its components again
# for the same functions); lagebild compiled once for all of them, not beside its sources
import_all()
sys.pycache_prefix, sys.dont_write_bytecode = tempfile.mkdtemp(), False
import_all()
# the core modules, which import no other module (so take part in no cycle), are imported
# here, each first in its own turn, and stay for the children
for name in core:
    try:
        importlib.import_module(name)
        result[name] = None
    except BaseException:
        result[name] = traceback.format_exc()[-3000:]
    forget()
for name in core:
    importlib.import_module(name)
gc.freeze()  # the children leave the parent's objects be (no copies of their pages)


def wait_one():
    pid, _ = os.waitpid(-1, 0)
    name, read_fd = running.pop(pid)
    with os.fdopen(read_fd, "rb") as pipe:
        result[name] = pipe.read().decode() or None


for name in modules:
    if name in result:
        continue
    if len(running) >= (os.cpu_count() or 1):
        wait_one()
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read_fd)
        try:
            importlib.import_module(name)
        except BaseException:
            os.write(write_fd, traceback.format_exc()[-3000:].encode())
        finally:
            os._exit(0)
    os.close(write_fd)
    running[pid] = (name, read_fd)
while running:
    wait_one()
shutil.rmtree(sys.pycache_prefix)
print(json.dumps(result))
"""


def core_modules() -> list[str]:
    """The package and its modules that import no other module of it (errors, model, ...)."""
    graph = import_graph(in_functions=False)
    core = [m for m in graph if m.count(".") == 1 and not graph[m]]
    return core + ["lagebild"] if graph["lagebild"] <= set(core) else core


def _import_each_alone() -> dict[str, str | None]:
    asked = json.dumps({"modules": MODULES, "core": core_modules()})
    result = subprocess.run([sys.executable, "-c", _IMPORT_EACH], input=asked,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="session")
def imported_alone(tmp_path_factory) -> dict[str, str | None]:
    """For each module, the traceback of importing it first in a fresh process, or None;
    found once for all the test processes (pytest-xdist's workers share the file)."""
    if not hasattr(os, "fork"):
        pytest.skip("needs os.fork")
    if "PYTEST_XDIST_WORKER" not in os.environ:
        return _import_each_alone()
    shared = tmp_path_factory.getbasetemp().parent  # this run's, above each worker's
    found = shared / "imported-alone.json"
    with open(shared / "imported-alone.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not found.is_file():
            found.write_text(json.dumps(_import_each_alone()), encoding="utf-8")
    return json.loads(found.read_text(encoding="utf-8"))


def test_the_modules_are_found():
    assert {"lagebild.lang", "lagebild.lang.de", "lagebild.store.sqlite", "lagebild.cli",
            "lagebild.nlp"} <= set(MODULES)


@pytest.mark.parametrize("module", MODULES)
def test_module_imports_on_its_own(module, imported_alone):
    assert imported_alone[module] is None, imported_alone[module]


def test_the_store_loads_neither_spacy_nor_httpx():
    code = ("import sys, lagebild.store; "
            "print(sorted({'spacy', 'httpx'} & {m.split('.')[0] for m in sys.modules}))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "[]"


def _module_of(path: Path) -> tuple[str, bool]:
    parts = list(path.relative_to(PACKAGE_DIR.parent).with_suffix("").parts)
    package = parts[-1] == "__init__"
    return ".".join(parts[:-1] if package else parts), package


@functools.cache
def import_graph(in_functions: bool = True) -> dict[str, set[str]]:
    """module -> the package's modules it imports, at its top or (``in_functions``) in a
    function; imports under ``if TYPE_CHECKING:`` left out. ``from . import x`` of a
    submodule ``x`` imports ``x`` (its package is being imported already), ``from . import
    name`` the package."""
    paths = {_module_of(p)[0]: p for p in PACKAGE_DIR.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for module, path in paths.items():
        package = path.name == "__init__.py"
        here = module.split(".") if package else module.split(".")[:-1]
        targets: set[str] = set()
        for node in _imports(ast.parse(path.read_text(encoding="utf-8")), in_functions):
            if isinstance(node, ast.Import):
                found = [alias.name for alias in node.names]
            else:
                base = here[:len(here) - node.level + 1] if node.level else []
                source = ".".join(base + ([node.module] if node.module else []))
                found = [f"{source}.{alias.name}" for alias in node.names
                         if f"{source}.{alias.name}" in paths]
                if len(found) < len(node.names):
                    found.append(source)
            for name in found:
                parts = name.split(".")
                # importing a.b.c runs a and a.b first, but those being imported already
                # (the packages this module lies in) are no edge
                for i in range(1, len(parts) + 1):
                    target = ".".join(parts[:i])
                    inside = module.startswith(target + ".") and target != name
                    if target in paths and target != module and not inside:
                        targets.add(target)
        graph[module] = targets
    return graph


def _imports(tree: ast.AST, in_functions: bool):
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, ast.Import | ast.ImportFrom):
            yield node
        elif isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            for child in node.orelse:
                yield from _imports(ast.Module([child], []), in_functions)
        elif in_functions or not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            yield from _imports(node, in_functions)


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for target in graph[node]:
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_no_import_cycle():
    graph = import_graph()
    assert graph["lagebild.lang.base"] and "lagebild.nlp" in graph["lagebild.pipeline"]
    found = cycles(graph)
    assert not found, "\n".join(
        " <-> ".join(component) + ": " + "; ".join(
            f"{m} -> {', '.join(sorted(graph[m] & set(component)))}" for m in component)
        for component in found)


def test_the_cycle_check_sees_a_cycle():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


#: What a language pack may import: the core modules and the place gazetteer (the GeoNames
#: data every language reads), never a layer.
PACK_MAY_IMPORT = ("lagebild", "lagebild.errors", "lagebild.model", "lagebild.tokens",
                   "lagebild.clauses", "lagebild.countries", "lagebild.urls", "lagebild.places",
                   "lagebild.places.gazetteer")


def test_a_language_pack_imports_no_layer():
    graph = import_graph()
    packs = [m for m in graph if m == "lagebild.lang" or m.startswith("lagebild.lang.")]
    reached = {m: sorted(t for t in graph[m] if not t.startswith("lagebild.lang")
                         and t not in PACK_MAY_IMPORT) for m in packs}
    assert {m: t for m, t in reached.items() if t} == {}


def test_the_store_imports_no_edge_and_serve_runs_no_sql():
    """The store stands below the HTTP API, the sources and the pipeline; the API reads
    through ``store.reads`` only, so a change of a table touches one package."""
    graph = import_graph()
    edges = ("lagebild.serve", "lagebild.ingest", "lagebild.pipeline", "lagebild.nlp",
             "lagebild.cli", "lagebild.scale")
    reached = {m: sorted(t for t in graph[m] if t.startswith(edges))
               for m in graph if m.startswith("lagebild.store")}
    assert {m: t for m, t in reached.items() if t} == {}
    sql = {p.name for p in (PACKAGE_DIR / "serve").glob("*.py")
           if ".execute(" in p.read_text(encoding="utf-8")}
    assert sql == set()
