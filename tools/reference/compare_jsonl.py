#!/usr/bin/env python3
"""Compares two `dsl check` JSONL files (e.g. the port's and CPython's, from run_python_dsl.py).

An example agrees when both outputs are the same grid, or both runs failed (error texts may differ).
Prints each disagreement and a summary line; exit code 1 when any example disagrees.

usage: compare_jsonl.py OURS.jsonl REFERENCE.jsonl
"""
import json
import sys


def load(path):
    rows = {}
    with open(path) as f:
        for line in f:
            line = line.strip()
            if line.startswith("{"):
                r = json.loads(line)
                rows[(r["program"], r["split"], r["index"])] = r
    return rows


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    ours, ref = load(sys.argv[1]), load(sys.argv[2])
    differ = 0
    for key in sorted(set(ours) | set(ref)):
        a, b = ours.get(key), ref.get(key)
        if a is None or b is None:
            differ += 1
            print(f"{key}: only in {'reference' if a is None else 'ours'}")
            continue
        same = a["output"] == b["output"] and (a["output"] is not None or (a["error"] is not None and b["error"] is not None))
        if not same or a["correct"] != b["correct"]:
            differ += 1
            print(f"{key}: ours {a['error'] or 'a grid'}, reference {b['error'] or 'a grid'}")
    solved = lambda rows: len({p for (p, _, _) in rows} - {p for (p, _, _), r in rows.items() if not r["correct"]})
    print(f"{len(ref)} examples compared, {differ} differ; solved: ours {solved(ours)}, reference {solved(ref)}")
    sys.exit(1 if differ else 0)


if __name__ == "__main__":
    main()
