#!/usr/bin/env python3
"""Prints how the core's top-level modules use each other, and every cycle.

Usage: scripts/module-cycles.py [src-dir]   (default: src-tauri/crates/core/src)
Exit status 1 when there is a cycle, so the test command can keep the layers.
"""
import os, re, sys

src = sys.argv[1] if len(sys.argv) > 1 else "src-tauri/crates/core/src"
mods = sorted({f[:-3] if f.endswith(".rs") else f for f in os.listdir(src)} - {"lib", "main"})
mods = [m for m in mods if not m.startswith(".")]

def files_of(m):
    p = os.path.join(src, m)
    if os.path.isdir(p):
        for root, _, fs in os.walk(p):
            for f in fs:
                if f.endswith(".rs"):
                    yield os.path.join(root, f)
    elif os.path.exists(p + ".rs"):
        yield p + ".rs"

def strip_tests(text):
    # Test modules may reach anywhere; only the code that ships forms the layers.
    # (A `#[cfg(test)] use` near the top is not a test module: db.rs has one.)
    m = re.search(r"#\[cfg\(test\)\]\s*mod\b", text)
    return text if m is None else text[:m.start()]

uses = {}
for m in mods:
    deps = set()
    for f in files_of(m):
        if re.search(r"(^|/)(tests|[a-z_]+_tests)\.rs$", f) or f.endswith("testing.rs"):
            continue
        text = strip_tests(open(f, encoding="utf-8").read())
        for dep in mods:
            if dep == m:
                continue
            if re.search(r"crate::" + dep + r"\b", text) or re.search(r"use crate::\{[^}]*\b" + dep + r"\b", text, re.S):
                deps.add(dep)
    uses[m] = deps

# Strongly connected components (Tarjan).
index, low, stack, on, sccs, n = {}, {}, [], set(), [], [0]
def visit(v):
    index[v] = low[v] = n[0]; n[0] += 1; stack.append(v); on.add(v)
    for w in uses[v]:
        if w not in index:
            visit(w); low[v] = min(low[v], low[w])
        elif w in on:
            low[v] = min(low[v], index[w])
    if low[v] == index[v]:
        comp = []
        while True:
            w = stack.pop(); on.discard(w); comp.append(w)
            if w == v: break
        sccs.append(sorted(comp))
sys.setrecursionlimit(10000)
for v in mods:
    if v not in index:
        visit(v)

for m in mods:
    print(f"{m:16} -> {', '.join(sorted(uses[m])) or '(leaf)'}")
knots = [c for c in sccs if len(c) > 1]
print()
if knots:
    for c in knots:
        print(f"cycle of {len(c)}: {', '.join(c)}")
    sys.exit(1)
print("no cycles")
