"""Command line.

    python -m calculators list
    python -m calculators NAME --rules ID --json 'OBJECT'     (exit 0; bad input: exit 2)
    python -m calculators NAME --rules ID --json - < FILE     (the object from standard input, UTF-8)
    python -m calculators describe                            (the field/rule-set description)
    python -m calculators compile [--out PATH]                (rules/*.yml -> rules_compiled.json)
    python -m calculators selfcheck [CASES]                   (run a case table; exit 1 on failure)
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from . import engine
from .fields import INPUT_MAX_CHARS, MESSAGES
from .inputs import InputError, clean_text, clip


def _print(obj: object) -> None:
    text = clean_text(json.dumps(obj, ensure_ascii=False)) + "\n"
    out = getattr(sys.stdout, "buffer", None)
    if out is None:  # a replaced stdout (tests): text only
        sys.stdout.write(text)
    else:  # UTF-8 whatever the locale says
        sys.stdout.flush()
        out.write(text.encode("utf-8"))
        out.flush()


def _arg_error(what: str) -> InputError:
    return InputError("arguments", MESSAGES["arguments"].format(what=what), "arguments")


def _undecodable(text: str) -> int | None:
    """The 1-based byte position of the first byte that was not UTF-8 in an argument, else None."""
    try:
        text.encode("utf-8", "surrogateescape").decode("utf-8")
    except UnicodeError as exc:
        return exc.start + 1
    return None


def _options(argv: list[str]) -> dict[str, str]:
    """--rules ID and --json TEXT (or --json - : read standard input), each at most once."""
    found: dict[str, str] = {}
    i = 0
    while i < len(argv):
        arg = argv[i]
        name, eq, value = arg.partition("=")
        if name not in ("--rules", "--json"):
            raise _arg_error(f"不认识的参数“{clip(arg)}”")
        if name in found:
            raise _arg_error(f"“{name}”只能给一次")
        if not eq:
            if i + 1 >= len(argv):
                raise _arg_error(f"“{name}”后面缺少内容")
            i += 1
            value = argv[i]
        found[name[2:]] = value
        i += 1
    return found


def _stdin_text() -> str:
    raw = sys.stdin.buffer.read(INPUT_MAX_CHARS * 4 + 1)
    if len(raw) > INPUT_MAX_CHARS * 4:
        raise InputError("json", MESSAGES["input_too_big"].format(max=INPUT_MAX_CHARS), "input_too_big")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError("json", MESSAGES["not_utf8"].format(pos=exc.start + 1), "not_utf8") from None


def cmd_list() -> int:
    desc = engine.describe()
    titles = {name: c["title"] for name, c in desc["calculators"].items()}
    for rid, rs in desc["rule_sets"].items():
        calcs = "、".join(f"{c}（{titles[c]}{'：本文件未规定，结果会说明' if c in rs['silent'] else ''}）"
                         for c in rs["calculators"])
        print(f"{rid}\t{rs['short']}\t{rs['jurisdiction']}\t{calcs}")
    return 0


def cmd_run(name: str, argv: list[str]) -> int:
    """Run one calculator. Exit 0 with the result; bad input: exit 2 with {"error": {field, message}} in
    Chinese; a fault of the program itself: exit 1 with a Chinese error, never a traceback."""
    try:
        opts = _options(argv)
        if not opts.get("rules"):
            raise InputError("rules", "请用 --rules 指定规则集，可用 python -m calculators list 查看。", "rules")
        text = opts.get("json", "{}")
        text = _stdin_text() if text == "-" else text
        pos = _undecodable(text)
        if pos is not None:
            raise InputError("json", MESSAGES["not_utf8"].format(pos=pos), "not_utf8")
        result = engine.run(name, opts["rules"], engine.parse_payload(text))
    except InputError as exc:
        _print(exc.as_dict())
        return 2
    except Exception:  # noqa: BLE001 - a bug; the user gets Chinese, the developer a debug switch
        if os.environ.get("ZHUCUN_DEBUG"):
            raise
        _print({"error": {"field": None, "message": MESSAGES["internal"]}})
        return 1
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
