"""Command line.

    python -m calculators list
    python -m calculators NAME --rules ID --json 'OBJECT'     (exit 0; bad input: exit 2)
    python -m calculators describe                            (the field/rule-set description)
    python -m calculators compile [--out PATH]                (rules/*.yml -> rules_compiled.json)
    python -m calculators selfcheck [CASES]                   (run a case table; exit 1 on failure)
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from . import engine
from .inputs import InputError


def _print(obj: object) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")


def cmd_list() -> int:
    desc = engine.describe()
    titles = {name: c["title"] for name, c in desc["calculators"].items()}
    for rid, rs in desc["rule_sets"].items():
        calcs = "、".join(f"{c}（{titles[c]}）" for c in rs["calculators"])
        print(f"{rid}\t{rs['short']}\t{rs['jurisdiction']}\t{calcs}")
    return 0


def cmd_run(name: str, argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog=f"python -m calculators {name}", add_help=True)
    parser.add_argument("--rules")
    parser.add_argument("--json", default="{}")
    try:
        args = parser.parse_args(argv)
    except SystemExit:
        _print(InputError("arguments", "参数不正确，用法：python -m calculators NAME --rules ID --json '{...}'").as_dict())
        return 2
    try:
        if not args.rules:
            raise InputError("rules", "请用 --rules 指定规则集，可用 python -m calculators list 查看。")
        result = engine.run(name, args.rules, engine.parse_payload(args.json))
    except InputError as exc:
        _print(exc.as_dict())
        return 2
    _print(result)
    return 0


def cmd_compile(argv: list[str]) -> int:
    from .loader import COMPILED, compile_rule_sets

    parser = argparse.ArgumentParser(prog="python -m calculators compile")
    parser.add_argument("--out", type=Path, default=COMPILED)
    out = compile_rule_sets(parser.parse_args(argv).out)
    print(out)
    return 0


def cmd_selfcheck(argv: list[str]) -> int:
    from .selfcheck import DEFAULT_CASES, load_cases, run_case_table

    path = Path(argv[0]) if argv else DEFAULT_CASES
    results = run_case_table(load_cases(path))
    failed = [r for r in results if not r["ok"]]
    for r in failed:
        print(f"FAIL {r['id']}: {'; '.join(r['problems'])}")
    print(f"{len(results) - len(failed)}/{len(results)} cases passed")
    return 1 if failed else 0


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0] in ("-h", "--help"):
        print(__doc__)
        return 0 if argv else 2
    cmd, rest = argv[0], argv[1:]
    if cmd == "list":
        return cmd_list()
    if cmd == "describe":
        _print(engine.describe())
        return 0
    if cmd == "compile":
        return cmd_compile(rest)
    if cmd == "selfcheck":
        return cmd_selfcheck(rest)
    return cmd_run(cmd, rest)


if __name__ == "__main__":
    sys.exit(main())
