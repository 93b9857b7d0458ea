"""A county's rule file is untrusted input: whatever shape any part of it takes, the schema check
answers with its list of problems (RuleSetError), never a crash of its own (KeyError, TypeError …).

Every mapping and list of every shipped rule set, and every value under them, is replaced in turn by
each wrong shape below and the result validated."""

from __future__ import annotations

import copy

import pytest

from calculators.loader import JOINED, load_rule_sets
from calculators.schema import RuleSetError, validate_rule_set

WRONG_SHAPES = ({}, [], None, "", "文字", 0, -1, 1.5, True, [{}], {"x": None})


def _paths(node, path=()):
    yield path
    if isinstance(node, dict):
        for k, v in node.items():
            yield from _paths(v, path + (k,))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from _paths(v, path + (i,))


def _replaced(doc, path, value):
    out = copy.deepcopy(doc)
    node = out
    for step in path[:-1]:
        node = node[step]
    node[path[-1]] = value
    return out


def _as_written():
    return {rid: {k: v for k, v in copy.deepcopy(doc).items() if k not in JOINED}
            for rid, doc in load_rule_sets().items()}


@pytest.mark.parametrize("rule_set_id", sorted(load_rule_sets()))
def test_every_wrong_shape_is_a_listed_problem_not_a_crash(rule_set_id):
    doc = _as_written()[rule_set_id]
    validate_rule_set(copy.deepcopy(doc), "x.yml")  # the shipped file itself is valid
    tried = refused = 0
    for path in _paths(doc):
        if not path:
            continue
        for wrong in WRONG_SHAPES:
            mutated = _replaced(doc, path, wrong)
            tried += 1
            try:
                validate_rule_set(mutated, "x.yml")
            except RuleSetError as e:
                refused += 1
                assert e.problems, (path, wrong)
            except Exception as e:  # noqa: BLE001 - the point of the test
                pytest.fail(f"{rule_set_id}: {'.'.join(map(str, path))} = {wrong!r} crashed the check: "
                            f"{type(e).__name__}: {e}")
    assert refused > tried // 4, (tried, refused)  # the mutations mostly are problems: the check looks
