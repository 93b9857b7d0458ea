"""The builder of questions from source sentences (quiz_bank/sources/facts.yml) over the shared question
builder: a sentence's question skeleton, stem and explanation. Each question kind is a mixin in its own
module (fact_keys, fact_statement, fact_which, fact_multi) over this class."""
from __future__ import annotations

import pathlib

from . import emit
from .keyed_text import render
from .question_builder import QuestionBuilder
from .synonyms import conflict

SOURCE = pathlib.Path(__file__).resolve().parents[2] / "quiz_bank/sources/facts.yml"


class SourceError(ValueError):
    pass


class FactBuilder(QuestionBuilder):
    def base(self, fact: dict, kind: str, section: str, seed, stem: str, explanation: str) -> dict:
        doc = fact["cite"].split("#")[0]
        q = self.question(doc, kind, (fact["cite"], seed), section, fact["topic"], stem, explanation, fact["cite"])
        if fact.get("importance"):
            q["importance"] = fact["importance"]
        return q

    def fact_intro(self, fact) -> str:
        return self.intro(fact["cite"].split("#")[0])

    def explain(self, fact, plain) -> str:
        body = emit.sentence(plain).rstrip("。")
        if fact.get("context"):
            body = f"{fact['context'].rstrip('：:，,')}……{body}"
        return self.says(fact["cite"], body)

    def stem(self, fact, pieces, fills) -> str:
        body = fact.get("lead", "") + render(pieces, fills) + fact.get("tail", "")
        return self.fact_intro(fact) + emit.sentence(body)

    def check_keys(self, fact, keys) -> None:
        for key in keys:
            for d in key.distractors:
                why = conflict(key.answer, d)
                if why:
                    raise SourceError(f"{SOURCE.name}: {fact['cite']}: distractor {why}")
