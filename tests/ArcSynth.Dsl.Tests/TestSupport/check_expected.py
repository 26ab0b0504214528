#!/usr/bin/env python3
"""Checks the expectations of the primitive tests against CPython running arc-dsl.

Every `Check("<python>", "<repr>", ...)` and `Raises("<python>", "<ExceptionType>", ...)` in
tests/ArcSynth.Dsl.Tests/Primitives/*.cs is evaluated here with arc-dsl's dsl.py and the builders
below (the Python twins of TestSupport/Make.cs); the test's expectation must be exactly CPython's
repr of the value, or the name of the exception CPython raises.

    python3 check_expected.py --dsl /path/to/arc-dsl [--data /path/to/arc-data] [--fill]

--fill replaces expectations written as "?" with CPython's answer (nothing else is ever changed).
Exit status 1 when any expectation differs from CPython.
"""
import argparse
import glob
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
TESTS = os.path.join(HERE, '..', 'Primitives')

CALL = re.compile(r'\b(Check|Raises)\(\s*"((?:[^"\\]|\\.)*)"\s*,\s*"((?:[^"\\]|\\.)*)"', re.S)


def cs_unescape(s):
    return re.sub(r'\\(.)', lambda m: {'n': '\n', 't': '\t'}.get(m.group(1), m.group(1)), s)


def cs_escape(s):
    return s.replace('\\', '\\\\').replace('"', '\\"')


def builders(data_root):
    def G(s):
        s = s.strip()
        return () if s == '' else tuple(tuple(int(x) for x in r.split()) for r in s.split(';'))

    def P(a, b):
        return (a, b)

    def T(*items):
        return tuple(items)

    def S(*items):
        return frozenset(items)

    def Obj(*cells):
        return frozenset((c, (i, j)) for c, i, j in cells)

    def Idx(*locations):
        return frozenset(locations)

    def G30():
        return tuple(tuple((3 * i + 7 * j) % 10 for j in range(30)) for i in range(30))

    def Arc(task_id, n=0):
        with open(os.path.join(data_root, 'arc-agi-1', 'training', task_id + '.json')) as f:
            return tuple(tuple(r) for r in json.load(f)['train'][n]['input'])

    return dict(G=G, P=P, T=T, S=S, Obj=Obj, Idx=Idx, G30=G30, Arc=Arc)


def evaluate(expr, env):
    try:
        return 'value', repr(eval(expr, env))
    except RecursionError:
        return 'error', 'RecursionError'
    except Exception as e:  # the test names the exception type
        return 'error', type(e).__name__


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--dsl', required=True, help='folder holding arc-dsl dsl.py')
    ap.add_argument('--data', default=None, help='folder holding arc-agi-1 (default: found upwards)')
    ap.add_argument('--fill', action='store_true')
    args = ap.parse_args()
    sys.path.insert(0, args.dsl)
    import dsl
    data = args.data
    if data is None:
        d = HERE
        while d != os.path.dirname(d):
            for c in (os.path.join(d, 'shared', 'arc-data'), os.path.join(d, 'arc-data')):
                if os.path.isdir(os.path.join(c, 'arc-agi-1')):
                    data = c
                    break
            if data:
                break
            d = os.path.dirname(d)
    env = {k: getattr(dsl, k) for k in dir(dsl) if not k.startswith('_')}
    env.update(builders(data or ''))
    total = bad = filled = 0
    for path in sorted(glob.glob(os.path.join(TESTS, '*.cs'))):
        text = open(path).read()
        out = []
        last = 0
        for m in CALL.finditer(text):
            kind, expr, expected = m.group(1), cs_unescape(m.group(2)), cs_unescape(m.group(3))
            total += 1
            got_kind, got = evaluate(expr, env)
            want_kind = 'value' if kind == 'Check' else 'error'
            line = text.count('\n', 0, m.start()) + 1
            if expected == '?' and args.fill and got_kind == want_kind:
                out.append(text[last:m.start(3)] + cs_escape(got))
                last = m.end(3)
                filled += 1
                continue
            if got_kind != want_kind or got != expected:
                bad += 1
                print(f'{os.path.basename(path)}:{line}: {expr}\n  test:    {kind} {expected}\n  CPython: {got_kind} {got}')
        if filled and out:
            out.append(text[last:])
            open(path, 'w').write(''.join(out))
    print(f'{total} expectations, {bad} differ from CPython' + (f', {filled} filled' if args.fill else ''))
    sys.exit(1 if bad else 0)


if __name__ == '__main__':
    main()
