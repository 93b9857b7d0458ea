"""Result links carry the clause numbering as each document writes it, taken from the corpus."""

from build_scripts.calculator_pages.spec import clause_labels
from build_scripts.corpus import load_corpus


def test_labels_follow_each_documents_own_numbering():
    labels = clause_labels(["guizhou-2017", "shenmu-2021", "hebei-measures"])
    assert labels["guizhou-2017#s1-2"] == "一、2."
    assert labels["shenmu-2021#s7-2-3"] == "七、（二）3."
    assert labels["hebei-measures#art-17-3"] == "第十七条（三）"


def test_every_rule_set_citation_has_a_label_from_the_corpus():
    corpus = load_corpus()
    labels = clause_labels(["hebei-measures", "hebei-opinions", "shenmu-2021", "guizhou-2017",
                            "yongxing-2017", "town-rules", "school-pingna", "county-trial"])
    assert len(labels) > 50
    for cite, label in labels.items():
        assert label == corpus.resolve(cite)[1].label
