#!/usr/bin/env python3
"""layering.py: checks that polcmp's modules depend on each other in one direction only.

The modules, from the bottom up (a module may use only the ones before it):

    util < text < segment < taxonomy < classify < compare < eval < review < present
         < session < tui < cli

core/ has one folder per module; tui/ and cli/ are one module each (cli starts the UI, so it
may include tui). eval sits above compare: it measures the comparison's findings too. The order
allows several modules on one floor, which may not use each other (none shares one today).

Checked on the #include "..." lines of core/, tui/ and cli/:
  - every include resolves to a file of the tree (core headers are named with their folder);
  - no include reaches a module on the same floor or above the includer's;
  - a header named *_internal.h is included only from files of its own folder;
  - no cycle among the files' includes.
With --objects DIR (a build tree), the same order is checked on the symbols the object files
define and use (nm), and no two compilation units may depend on each other, even through
others: a cycle there is a cycle of the code even when the headers hide it.

Exit status 0 when everything holds, 1 when something does not (each violation on one line),
2 on a usage error. --self-test plants one violation of each kind in a copy of the tree and
checks that each is reported.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

ORDER = [
    ["util"], ["text"], ["segment"], ["taxonomy"], ["classify"], ["compare"], ["eval"],
    ["review"], ["present"], ["session"], ["tui"], ["cli"],
]
RANK = {m: floor for floor, mods in enumerate(ORDER) for m in mods}
INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)


def module_of(root, path):
    """The module of a file: its folder under core/, or tui, or cli."""
    rel = os.path.relpath(path, root).split(os.sep)
    if rel[0] == "core" and len(rel) == 3:
        return rel[1]
    if rel[0] in ("tui", "cli") and len(rel) == 2:
        return rel[0]
    return None


def sources(root):
    """Every .c and .h file of core/*/, tui/ and cli/."""
    out = []
    for top in ("core", "tui", "cli"):
        base = os.path.join(root, top)
        for dirpath, _, files in os.walk(base):
            for f in sorted(files):
                if f.endswith((".c", ".h")):
                    out.append(os.path.join(dirpath, f))
    return sorted(out)


def resolve(root, path, name):
    """The file an include names, looked up as the build does: beside the includer, then in
    core/ (headers named folder/file.h), then in tui/ (the UI's headers, for the command line)."""
    dirs = [os.path.dirname(path), os.path.join(root, "core"), os.path.join(root, "tui")]
    for cand in (os.path.join(d, name) for d in dirs):
        if os.path.isfile(cand):
            return os.path.normpath(cand)
    return None


def strong_components(graph):
    """The strongly connected components of more than one node (Tarjan), each sorted."""
    index, low, stack, on, out = {}, {}, [], set(), []

    def visit(v):
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return out


def cycle_in(graph, comp):
    """One cycle through the first node of a strongly connected component, as a path."""
    start, members = comp[0], set(comp)
    prev, queue = {start: None}, [start]
    while queue:
        v = queue.pop(0)
        for w in sorted(graph.get(v, ())):
            if w == start:
                path = [v]
                while prev[path[-1]] is not None:
                    path.append(prev[path[-1]])
                return list(reversed(path)) + [start]
            if w in members and w not in prev:
                prev[w] = v
                queue.append(w)
    return comp


def cycles(graph, what):
    return [f"{what}: " + " -> ".join(cycle_in(graph, c)) for c in strong_components(graph)]


def check_order(what, a, b, ma, mb, errors):
    """An arrow from module ma to module mb must point down the order."""
    if ma == mb:
        return
    if ma not in RANK or mb not in RANK:
        unknown = ma if ma not in RANK else mb
        errors.append(f"{what}: module '{unknown}' has no place in the order "
                      f"(add it to ORDER in scripts/layering.py)")
        return
    if RANK[mb] >= RANK[ma]:
        where = "on the same floor as" if RANK[mb] == RANK[ma] else "above"
        errors.append(f"{what}: {a} ({ma}) uses {b} ({mb}), which is {where} {ma}")


def check_includes(root):
    errors, graph = [], {}
    for path in sources(root):
        rel = os.path.relpath(path, root)
        mod = module_of(root, path)
        if mod is None:
            errors.append(f"{rel}: not in a module folder (core/MODULE/, tui/ or cli/)")
            continue
        with open(path, encoding="utf-8", errors="replace") as f:
            text = f.read()
        graph.setdefault(rel, set())
        for name in INCLUDE.findall(text):
            target = resolve(root, path, name)
            if target is None:
                errors.append(f"{rel}: #include \"{name}\" names no file of the tree")
                continue
            trel = os.path.relpath(target, root)
            graph[rel].add(trel)
            tmod = module_of(root, target)
            check_order(f"{rel}: #include \"{name}\"", rel, trel, mod, tmod, errors)
            if (target.endswith("_internal.h") and
                    os.path.dirname(target) != os.path.dirname(os.path.normpath(path))):
                errors.append(f"{rel}: #include \"{name}\": an internal header is private "
                              f"to {os.path.relpath(os.path.dirname(target), root)}/")
    return errors + cycles(graph, "include cycle")


def objects(root, build):
    """The object files of the current sources: a build tree may still hold objects of files
    that were moved or deleted since it was configured, and those are no unit any more."""
    found = []
    for dirpath, _, files in os.walk(build):
        m = re.search(r"CMakeFiles/(polcmp_core|polcmp_tui|polcmp)\.dir(/.*)?$", dirpath)
        if not m:
            continue
        sub = (m.group(2) or "").lstrip("/")
        found += [os.path.join(dirpath, f) for f in files if f.endswith(".c.o")
                  and os.path.exists(os.path.join(root, sub, f[:-2]))]
    return sorted(found)


def check_symbols(root, build):
    """Units (object files) as nodes, 'uses a symbol defined in' as arrows."""
    errors, defs, uses, mods = [], {}, {}, {}
    objs = objects(root, build)
    if not objs:
        return [f"{build}: no object files of polcmp_core, polcmp_tui or polcmp found"]
    for o in objs:
        rel = os.path.relpath(o, build)
        m = re.search(r"\.dir/(.*)\.o$", rel)
        unit = m.group(1) if m else rel
        mods[unit] = module_of(root, os.path.join(root, unit))
        out = subprocess.run(["nm", o], capture_output=True, text=True, check=True).stdout
        for line in out.splitlines():
            p = line.split()
            if len(p) == 3 and p[1] in "TDBRCV":
                defs[p[2]] = unit
            elif len(p) == 2 and p[0] == "U":
                uses.setdefault(unit, set()).add(p[1])
    graph = {u: set() for u in mods}
    for unit, syms in uses.items():
        for s in syms:
            t = defs.get(s)
            if t and t != unit:
                graph[unit].add(t)
    for unit in sorted(graph):
        for t in sorted(graph[unit]):
            check_order(f"{unit} uses a symbol of {t}", unit, t, mods[unit], mods[t], errors)
    return errors + cycles(graph, "cycle between compilation units")


def run(root, build):
    errors = check_includes(root)
    if build:
        errors += check_symbols(root, build)
    return errors


# ---- self-test ------------------------------------------------------------------------------

PLANTS = [
    # (what, file to append to, text, expected words in a message)
    ("a stage including one downstream", "core/segment/segment.h",
     '#include "classify/classify.h"\n', "(segment) uses core/classify/classify.h (classify)"),
    ("compare including review", "core/compare/compare.c",
     '#include "review/review.h"\n', "which is above compare"),
    ("compare including eval", "core/compare/compare.c",
     '#include "eval/eval.h"\n', "which is above compare"),
    ("the UI including the command line", "tui/app.c", '#include "../cli/cli.h"\n',
     "(tui) uses cli/cli.h (cli)"),
    ("an internal header from another folder", "core/classify/classify.c",
     '#include "segment/seg_internal.h"\n', "is private to core/segment/"),
    ("an include that names no file", "core/util/util.c", '#include "util/nothing.h"\n',
     "names no file"),
    ("a folder with no place in the order", "core/extra/extra.c", '#include "util/util.h"\n',
     "module 'extra' has no place"),
]


def plant_cycle(tmp):
    """Two headers of one module that include each other."""
    for a, b in (("one", "two"), ("two", "one")):
        with open(os.path.join(tmp, "core", "util", f"cyc_{a}.h"), "w") as f:
            f.write(f'#include "util/cyc_{b}.h"\n')
    return "include cycle: core/util/cyc_"


# Object files for the symbol check: units that use each other, and an arrow pointing up.
SYMBOL_PLANTS = {
    "core/util/ping.c": "int pc_pong(void);\nint pc_ping(void) { return pc_pong(); }\n",
    "core/util/pong.c": "int pc_ping(void);\nint pc_pong(void) { return pc_ping(); }\n",
    "core/text/up.c": "int pc_top(void);\nint pc_up(void) { return pc_top(); }\n",
    "core/present/top.c": "int pc_top(void) { return 1; }\n",
}


def self_test_symbols():
    """Compile the planted units as the build lays them out and check both are caught."""
    tmp = tempfile.mkdtemp(prefix="layering-objs-")
    try:
        for rel, text in SYMBOL_PLANTS.items():
            src = os.path.join(tmp, rel)
            obj = os.path.join(tmp, "build", "CMakeFiles", "polcmp_core.dir", rel + ".o")
            os.makedirs(os.path.dirname(src), exist_ok=True)
            os.makedirs(os.path.dirname(obj), exist_ok=True)
            with open(src, "w") as f:
                f.write(text)
            subprocess.run(["cc", "-c", src, "-o", obj], check=True)
        errors = check_symbols(tmp, os.path.join(tmp, "build"))
    finally:
        shutil.rmtree(tmp)
    failures = 0
    for what, expect in (("units using each other", "cycle between compilation units"),
                         ("a symbol used from below", "core/text/up.c (text) uses core/present")):
        hit = [e for e in errors if expect in e]
        status = "caught" if hit else "MISSED"
        print(f"self-test: {what}: {status}" + (f" ({hit[0]})" if hit else ""))
        failures += not hit
    return failures


def self_test(root):
    failures = self_test_symbols()

    def copy():
        tmp = tempfile.mkdtemp(prefix="layering-")
        for top in ("core", "tui", "cli"):
            shutil.copytree(os.path.join(root, top), os.path.join(tmp, top))
        return tmp

    tmp = copy()
    clean = run(tmp, None)
    shutil.rmtree(tmp)
    if clean:
        print("self-test: the unchanged tree already fails:\n  " + "\n  ".join(clean))
        return 1
    cases = [(w, f, t, e) for (w, f, t, e) in PLANTS] + [("an include cycle", None, None, None)]
    for what, rel, text, expect in cases:
        tmp = copy()
        if rel is None:
            expect = plant_cycle(tmp)
        else:
            os.makedirs(os.path.dirname(os.path.join(tmp, rel)), exist_ok=True)
            with open(os.path.join(tmp, rel), "a") as f:
                f.write(text)
        errors = run(tmp, None)
        shutil.rmtree(tmp)
        hit = [e for e in errors if expect in e]
        status = "caught" if hit else "MISSED"
        print(f"self-test: {what}: {status}" + (f" ({hit[0]})" if hit else ""))
        failures += not hit
    return 1 if failures else 0


def main(argv):
    args = argv[1:]
    build = None
    if "--objects" in args:
        i = args.index("--objects")
        if i + 1 >= len(args):
            print("usage: layering.py [--objects BUILD_DIR] [--self-test] [ROOT]", file=sys.stderr)
            return 2
        build = args[i + 1]
        del args[i:i + 2]
    selftest = "--self-test" in args
    args = [a for a in args if a != "--self-test"]
    root = os.path.abspath(args[0] if args else os.path.join(os.path.dirname(__file__), ".."))
    if selftest:
        return self_test(root)
    errors = run(root, build)
    for e in errors:
        print(e)
    if not errors:
        print("layering: every include" + (" and every symbol" if build else "") +
              " points down the order, no cycle")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
