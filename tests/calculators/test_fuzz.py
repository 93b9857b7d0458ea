"""Property-based fuzzing (Hypothesis) of every calculator with every rule set, through the engine and,
with fewer examples, through the command line.

The property: any input gives either a result (a JSON object without "error") or a refusal in Chinese
({"error": {"field", "message"}}, exit 2 on the command line); never an exception, a traceback or
English engine text. Deterministic (derandomize) and sized to keep the suite fast.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from calculators import engine, fields
from calculators.inputs import InputError

ROOT = Path(__file__).resolve().parents[2]
DESC = engine.describe()
RULE_IDS = sorted(DESC["rule_sets"])
PAIRS = [(calc, rid) for calc, spec in DESC["calculators"].items() for rid in spec["rule_sets"]]
CJK = re.compile(r"[\u4e00-\u9fff]")
ENGLISH = re.compile(r"Traceback|Error|error|invalid|Invalid|Expecting|exception|line \d+ column|NaN|None|"
                     r"Infinity|\bnan\b|\binf\b|object at 0x|<class")

FAST = settings(derandomize=True, database=None, deadline=None, max_examples=60,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

# --- strategies ------------------------------------------------------------------------------

# Whatever JSON can hold, including what Python's reader lets through (NaN, Infinity, huge numbers).
json_scalars = (st.none() | st.booleans() | st.integers() | st.integers(min_value=-10**60, max_value=10**60)
                | st.floats() | st.text(max_size=12) | st.sampled_from(["", " ", "\ud800", "\udcff", "0", "-0"]))
json_values = st.recursive(json_scalars, lambda inner: st.lists(inner, max_size=4)
                           | st.dictionaries(st.text(max_size=6), inner, max_size=4), max_leaves=12)

# Text a phone may type into a number box: digits of both widths, Chinese numerals, units, punctuation.
PHONE_ALPHABET = list("0123456789０１２３４５６７８９.．。｡,，、/／-－−+~～—–e 　\u00a0零〇一二两三四五六七八九十百千万半"
                      "天日个月年周票次人名%％小时岁到至或和分之xNa")
phone_text = st.text(alphabet=PHONE_ALPHABET, max_size=12)
VECTOR_TEXTS = sorted({text for rows in __import__("yaml").safe_load(
    (ROOT / "tests/calculators/input_vectors.yml").read_text(encoding="utf-8"))["vectors"].values()
    for text, _ in rows})


def field_values(f: dict) -> st.SearchStrategy:
    """Values aimed at one field: its valid range and just beyond, its choices, and near misses."""
    t = f["type"]
    if t in ("integer", "number"):
        lo = f.get("min", 0)
        hi = f.get("max") or max(f["max_by"]["values"].values())
        nums = st.integers(min_value=lo - 3, max_value=hi + 3) | st.sampled_from([lo, hi, hi + 1, lo - 1])
        if t == "number":
            nums = nums | st.floats(min_value=lo - 1, max_value=hi + 1) | st.sampled_from([0.5, 1.5, hi - 0.5])
        return (nums | nums.map(str) | phone_text | st.sampled_from(VECTOR_TEXTS)
                | st.sampled_from([float("nan"), float("inf"), -float("inf"), True, None, [], {}]))
    if t == "boolean":
        return st.booleans() | st.sampled_from([None, "true", 1, 0, "是", []])
    choices = [c["value"] for c in f["choices"]]
    if t == "choice":
        return st.sampled_from(choices) | st.sampled_from([None, "", "x", 1, [choices[0]], choices[0] + " "])
    return (st.lists(st.sampled_from(choices), max_size=3)
            | st.lists(st.sampled_from(choices + ["", "优", 3, None]), max_size=3) | st.sampled_from([None, "称职"]))


def field_payloads(calc: str) -> st.SearchStrategy:
    """Every field of the calculator, each given or not, plus now and then an unknown one."""
    optional = {f["name"]: field_values(f) for f in fields.fields_of(calc)}
    extra = st.dictionaries(st.sampled_from(["x", "Days", "\ud800", "", "days "]), json_values, max_size=1)
    return st.tuples(st.fixed_dictionaries({}, optional=optional), extra | st.just({})).map(
        lambda parts: {**parts[0], **parts[1]})


def payloads(calc: str) -> st.SearchStrategy:
    return field_payloads(calc) | st.dictionaries(
        st.sampled_from([f["name"] for f in fields.fields_of(calc)]) | st.text(max_size=6), json_values,
        max_size=5) | json_values


# --- the property ----------------------------------------------------------------------------

# What the user typed, quoted back in a message (an unknown field, rule set, calculator or argument).
ECHOED = re.compile(r"“.*”(?=这一项|的计算器|的规则集|。用法)")


def assert_chinese_error(error: dict) -> None:
    assert set(error) == {"field", "message"}, error
    assert error["field"] is None or isinstance(error["field"], str)
    message = error["message"]
    assert isinstance(message, str) and CJK.search(message), error
    ours = re.sub(r"“[^”]*”", "", ECHOED.sub("", message))
    assert not ENGLISH.search(ours), error
    message.encode("utf-8")  # printable: no lone surrogates


def assert_result_or_refusal(calc: str, rid: str, payload) -> None:
    try:
        result = engine.run(calc, rid, payload)
    except InputError as exc:
        assert_chinese_error(exc.as_dict()["error"])
        return
    assert isinstance(result, dict) and "error" not in result
    json.dumps(result, ensure_ascii=False, allow_nan=False).encode("utf-8")  # what the page gets


@pytest.mark.parametrize("calc,rid", PAIRS, ids=[f"{c}-{r}" for c, r in PAIRS])
@FAST
@given(data=st.data())
def test_engine_every_calculator_and_rule_set(calc, rid, data):
    assert_result_or_refusal(calc, rid, data.draw(payloads(calc)))


@FAST
@given(calc=st.sampled_from(sorted(fields.CALCULATORS)) | st.text(max_size=8),
       rid=st.sampled_from(RULE_IDS) | st.text(max_size=8) | st.sampled_from(["\ud800", ""]),
       payload=json_values)
def test_engine_any_names_and_values(calc, rid, payload):
    assert_result_or_refusal(calc, rid, payload)


@settings(FAST, max_examples=150)
@given(text=st.text(max_size=40) | json_values.map(json.dumps)
       | st.sampled_from(["[" * 5000 + "]" * 5000, "9" * 5000, '{"total_cadres": ' + "9" * 5000 + "}",
                          '{"\\ud800": 1}', "{'a': 1}", '{"a": 1,}', "", "\ufeff{}", "NaN"]))
def test_run_json_answers_json(text):
    """What the browser calls: always JSON text, a result or a Chinese error."""
    out = json.loads(engine.run_json("quota", "hebei-measures", text))
    if "error" in out:
        assert_chinese_error(out["error"])


# --- the command line ------------------------------------------------------------------------

def run_cli(args: list[bytes], stdin: bytes | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONIOENCODING": "ascii"}  # a hostile locale: output must still be UTF-8 JSON
    env.pop("ZHUCUN_DEBUG", None)
    return subprocess.run([sys.executable.encode(), b"-m", b"calculators", *args], cwd=ROOT, input=stdin,
                          capture_output=True, timeout=60, env=env)


def assert_cli_contract(proc: subprocess.CompletedProcess) -> None:
    assert proc.stderr == b"", proc.stderr.decode("utf-8", "replace")
    out = json.loads(proc.stdout.decode("utf-8"))
    if proc.returncode == 0:
        assert isinstance(out, dict) and "error" not in out
    else:
        assert proc.returncode == 2, (proc.returncode, out)
        assert_chinese_error(out["error"])


argv_bytes = st.binary(max_size=24).filter(lambda b: b"\0" not in b)
CLI_SETTINGS = settings(FAST, max_examples=12)


@CLI_SETTINGS
@given(pair=st.sampled_from(PAIRS), payload=st.data())
def test_cli_field_aware(pair, payload):
    calc, rid = pair
    text = json.dumps(payload.draw(field_payloads(calc)), ensure_ascii=False)
    assert_cli_contract(run_cli([calc.encode(), b"--rules", rid.encode(), b"--json",
                                 text.encode("utf-8", "surrogatepass").replace(b"\0", b"")]))


@CLI_SETTINGS
@given(calc=st.sampled_from([c.encode() for c in fields.CALCULATORS]) | argv_bytes.filter(lambda b: b[:1] != b"-"),
       rid=st.sampled_from([r.encode() for r in RULE_IDS]) | argv_bytes,
       raw=argv_bytes | json_values.map(lambda v: json.dumps(v).encode()),
       extra=st.lists(argv_bytes, max_size=2))
def test_cli_any_bytes_in_argv(calc, rid, raw, extra):
    if calc in (b"list", b"describe", b"compile", b"selfcheck", b"", b"-h", b"--help"):
        calc = b"leave"
    assert_cli_contract(run_cli([calc, b"--rules", rid, b"--json", raw, *extra]))


@CLI_SETTINGS
@given(raw=st.binary(max_size=64) | json_values.map(lambda v: json.dumps(v, ensure_ascii=False).encode(
    "utf-8", "surrogatepass")))
def test_cli_any_bytes_on_stdin(raw):
    assert_cli_contract(run_cli([b"leave", b"--rules", b"hebei-measures", b"--json", b"-"], stdin=raw))
