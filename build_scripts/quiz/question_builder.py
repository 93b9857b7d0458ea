"""The shared question builder of both generators (rule sets: rule_builder.RuleBuilder; source sentences:
fact_builder.FactBuilder): how a question names and cites a document, and the skeleton every generated
question starts from (stable id, 题型, document, topic, stem, explanation, citation)."""
from __future__ import annotations

import re

from build_scripts.corpus import Corpus

from . import emit


def inner_quotes(text: str) -> str:
    """Quotation marks inside a quotation become single ones: “严格实行‘教育整改’”."""
    return text.replace("“", "‘").replace("”", "’")


class QuestionBuilder:
    def __init__(self, corpus: Corpus, naming: dict[str, str]):
        """naming: how a sentence names each document (documents.yml `cited_as`)."""
        self.corpus, self.naming = corpus, naming

    def name(self, doc: str) -> str:
        """The document as a question's sentence names it; without `cited_as`, jurisdiction + 《title》."""
        if doc in self.naming:
            return self.naming[doc]
        meta = self.corpus.documents[doc].meta
        bare = re.sub(r"[（(][^）)]*[）)]$", "", meta["title"])
        return f"{meta.get('jurisdiction', '')}《{bare}》"

    def intro(self, doc: str) -> str:
        return f"根据{self.name(doc)}，"

    def clause(self, cite: str) -> str:
        """The cited clause's words with its sub-items', "" when it is not in the corpus."""
        doc, _, anchor = cite.partition("#")
        d = self.corpus.documents.get(doc)
        return (d.texts.get(anchor) or "") if d else ""

    def label_of(self, cite: str) -> str:
        doc, _, anchor = cite.partition("#")
        d = self.corpus.documents.get(doc)
        return d.labels.get(anchor, "") if d else ""

    def where(self, cite: str) -> str:
        return f"{self.name(cite.partition('#')[0])}{self.label_of(cite)}"

    def says(self, cite: str, words: str, again: bool = False) -> str:
        """An explanation's quotation: 《…》第几条规定：“…”。 (本文件… when the document was just named)."""
        where = f"本文件{self.label_of(cite)}" if again else self.where(cite)
        return f"{where}规定：“{inner_quotes(words)}”。"

    @staticmethod
    def question(doc: str, kind: str, id_parts: tuple, section: str, topic: str, stem: str, explanation: str,
                 cite: str) -> dict:
        """A grounded question's skeleton; the kind's module adds options, answer and fact."""
        return {"id": emit.qid(doc, kind, *id_parts), "section": section, "doc": doc, "topic": topic,
                "stem": stem, "explanation": explanation, "status": "grounded", "cite": cite}
