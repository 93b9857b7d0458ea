"""The Lighthouse benchmark's audit order and report, on made-up audits (no browser)."""

from build_scripts.benchmarks import lighthouse_run as lh


def _audit(perf: int, load: float = 3.0) -> dict:
    return {"scores": {"performance": perf, "accessibility": 100, "best-practices": 100, "seo": 100},
            "failing": [] if perf >= 90 else ["total-blocking-time"], "load": load, "benchmark_index": 900,
            "metrics": {"largest-contentful-paint": 1500, "total-blocking-time": 100 * (100 - perf),
                        "mainthread-work-breakdown": 2000, "dom-size": 400}}


def test_every_page_of_ours_is_audited_right_after_the_plain_page():
    order = lh.rounds(lh.PAGES, 2)
    ours = [n for n in lh.PAGES if n != lh.PLAIN]
    assert [n for _, n in order] == [x for n in ours for x in (lh.PLAIN, n)] * 2
    assert [i for i, _ in order] == [0] * 2 * len(ours) + [1] * 2 * len(ours)


def test_report_gives_medians_ranges_and_the_gap_to_the_plain_page_of_the_same_pair():
    ours = [n for n in lh.PAGES if n != lh.PLAIN]
    res = {n: [_audit(96), _audit(70, 20.0), _audit(98)] for n in ours}
    # the plain page before each page of ours, round by round: 100 in rounds 1 and 3, 80 in the loaded round 2
    res[lh.PLAIN] = [_audit(100)] * len(ours) + [_audit(80, 20.0)] * len(ours) + [_audit(100)] * len(ours)
    text = lh.report(res, 3)
    home = next(line for line in text.splitlines() if line.startswith(f"| {ours[0]} |"))
    assert "| 96（70–98） | -4 |" in home
    assert "3 轮" in text and "3.0–20.0" in text and "`total-blocking-time`" in text
