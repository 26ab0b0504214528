#!/usr/bin/env python3
"""Runs arc-dsl style programs under CPython and writes the same JSONL as `arcsynth dsl check`.

This is the conformance reference: the port's output on every example is compared with what
CPython produces here. Nothing from arc-dsl is part of this project; the DSL module and the
programs file are passed in by path.

usage: run_python_dsl.py --dsl DIR --programs FILE --tasks DIR [--out FILE.jsonl] [--time]
"""
import argparse
import importlib.util
import json
import os
import sys
import time


def load_module(name, path, preload=()):
    """Loads a module from a file, with the public names of the preloaded modules already defined.

    re-arc's verifiers import only `dsl`, whose arc-dsl version keeps the constants in a module of
    their own; defining both first lets any programs file run against either DSL folder.
    """
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    for pre in preload:
        module.__dict__.update({k: v for k, v in vars(pre).items() if not k.startswith("_")})
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def as_grid(value):
    """The value as a list of rows when it is a non-empty rectangular tuple of non-empty int tuples."""
    if not isinstance(value, tuple) or len(value) == 0:
        return None
    rows = []
    for row in value:
        if not isinstance(row, tuple) or len(row) == 0:
            return None
        if not all(isinstance(v, int) and not isinstance(v, bool) for v in row):
            return None
        rows.append(list(row))
    if any(len(r) != len(rows[0]) for r in rows):
        return None
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dsl", required=True, help="folder holding dsl.py (and its imports)")
    parser.add_argument("--programs", required=True, help="file of def <name>_<taskid>(I) functions")
    parser.add_argument("--tasks", required=True, help="folder of ARC task JSON files")
    parser.add_argument("--out", help="JSONL output (default: standard output)")
    parser.add_argument("--time", action="store_true", help="print the in-process time of the program runs")
    args = parser.parse_args()

    sys.path.insert(0, os.path.abspath(args.dsl))
    dsl_dir = os.path.abspath(args.dsl)
    preload = [load_module(m, os.path.join(dsl_dir, m + ".py"))
               for m in ("dsl", "constants") if os.path.exists(os.path.join(dsl_dir, m + ".py"))]
    programs = load_module("programs_under_test", args.programs, preload)
    out = open(args.out, "w") if args.out else sys.stdout
    solved = total = 0
    elapsed = 0.0
    for name in sorted(n for n in dir(programs) if callable(getattr(programs, n)) and "_" in n):
        task_id = name.rsplit("_", 1)[1]
        path = os.path.join(args.tasks, task_id + ".json")
        if not os.path.exists(path):
            continue
        with open(path) as f:
            task = json.load(f)
        function = getattr(programs, name)
        total += 1
        all_correct = True
        for split in ("train", "test"):
            for index, example in enumerate(task[split]):
                grid = tuple(tuple(row) for row in example["input"])
                output = error = None
                start = time.perf_counter()
                try:
                    result = function(grid)
                    output = as_grid(result)
                    if output is None:
                        error = "not a grid"
                except RecursionError:
                    error = "RecursionError"
                except Exception as e:  # noqa: BLE001 - every failure is a result here
                    error = type(e).__name__
                elapsed += time.perf_counter() - start
                correct = output is not None and output == example["output"]
                all_correct &= correct
                out.write(json.dumps({"program": name, "task": task_id, "split": split, "index": index,
                                      "output": output, "error": error, "correct": correct}) + "\n")
        solved += all_correct
    if args.time:
        print(f"program_seconds={elapsed:.3f}", file=sys.stderr)
    print(f"solved {solved} of {total}", file=sys.stderr if out is sys.stdout else sys.stdout)


if __name__ == "__main__":
    main()
