#!/usr/bin/env python3
"""Evaluates the cases of tests/data/primitive_cases.txt under CPython with a given dsl.py and
reports every case whose expected side differs from what CPython gives; with --write, rewrites the
expected sides with CPython's results instead.

usage: check_primitive_cases.py --dsl DIR --cases FILE [--write]
"""
import argparse
import os
import sys
import types


def outcome(expr, names):
    try:
        value = eval(expr, names)
    except RecursionError:
        return "!RecursionError"
    except Exception as e:  # noqa: BLE001 - every failure is a result here
        return "!" + type(e).__name__
    return "<function>" if isinstance(value, types.FunctionType) else repr(value)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dsl", required=True)
    parser.add_argument("--cases", required=True)
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()
    sys.path.insert(0, os.path.abspath(args.dsl))
    import dsl
    import constants
    names = {k: v for m in (dsl, constants) for k, v in vars(m).items() if not k.startswith("_")}
    lines, differ = [], 0
    with open(args.cases) as f:
        for number, line in enumerate(f, 1):
            text = line.rstrip("\n")
            if " => " not in text or text.lstrip().startswith("#"):
                lines.append(text)
                continue
            expr, expected = text.split(" => ", 1)
            actual = outcome(expr, names)
            if actual != expected:
                differ += 1
                print(f"{args.cases}:{number}: {expr} => {expected}, CPython gives {actual}")
            lines.append(f"{expr} => {actual}")
    if args.write:
        with open(args.cases, "w") as f:
            f.write("\n".join(lines) + "\n")
    print(f"{differ} cases differ from CPython")


if __name__ == "__main__":
    main()
