"""Scoring as CONTRACT.md defines it, plus what the corpus reports need: lenient names, intervals, open dates."""
from __future__ import annotations

from extractor import extract
from extractor.scoring import Report, _lenient_score, score_article

TEXT = "안양시는 지난 6월 26일 페루의 5개 도시 시장이 통합관제시스템을 견학했다고 밝혔다."


def _gold(**fields):
    base = {"countries": [], "headcounts": [], "dates": [], "quotes": [], "systems": [], "programs": [],
            "organizations": [], "persons": [], "visits": [], "title": None, "published": None, "reporters": []}
    return base | fields


def test_lenient_names_match_when_one_contains_the_other_once():
    assert _lenient_score({"교통CCTV", "재난안전통합대응시스템"}, {"방범교통CCTV", "통합대응시스템"}) == (2, 0, 0)
    assert _lenient_score({"관제시스템"}, {"통합관제시스템", "교통관제시스템"}) == (1, 0, 1)
    assert _lenient_score({"플랫폼"}, {"홈택스"}) == (0, 1, 1)


def test_strict_and_lenient_system_rows_differ_on_a_boundary_disagreement():
    article = extract(TEXT, reference_date="2023-07-28")
    report = Report()
    score_article(article, _gold(systems=[{"name": "안양 통합관제시스템"}]), report, "a")
    assert (report.prf["systems"].tp, report.prf["systems_lenient"].tp) == (0, 1)


def test_specified_dates_count_only_fully_known_values():
    article = extract(TEXT, reference_date="2023-07-28")
    report = Report()
    score_article(article, _gold(dates=[{"value": "2023-06-26"}]), report, "a")
    accuracy = report.accuracy["specified_dates"]
    assert (accuracy.right, accuracy.total) == (1, 1)
    report = Report()
    score_article(article, _gold(dates=[{"value": "2022-06-26"}]), report, "a")
    assert report.accuracy["specified_dates"].right == 0


def _report_of(tallies: list[tuple[int, int, int]]) -> Report:
    report = Report()
    for i, (tp, fp, fn) in enumerate(tallies):
        report.add_prf(f"a{i}", "dates", tp, fp, fn)
    return report


def test_interval_brackets_the_pooled_figure_and_is_repeatable():
    report = _report_of([(5, 0, 0), (3, 2, 1), (0, 1, 4), (4, 0, 1), (2, 2, 2)])
    low, high = report.intervals()["dates"]
    assert low < report.prf["dates"].f1 < high
    assert report.intervals()["dates"] == (low, high)


def test_interval_is_a_point_when_every_article_scores_alike():
    assert _report_of([(2, 0, 0)] * 6).intervals()["dates"] == (1.0, 1.0)


def test_interval_narrows_with_more_articles():
    few = _report_of([(3, 1, 1), (1, 2, 2)] * 3).intervals()["dates"]
    many = _report_of([(3, 1, 1), (1, 2, 2)] * 60).intervals()["dates"]
    assert many[1] - many[0] < few[1] - few[0]


def test_the_page_address_is_read_from_either_form_of_a_gold_source():
    from extractor.scoring import _address

    assert _address("Yeoju City press release: https://owra.net/bbs/6910/?page=4301 (board)") == \
        "https://owra.net/bbs/6910/?page=4301"
    assert _address({"url": "https://m.etnews.com/20150622000214", "outlet": "전자신문"}) == \
        "https://m.etnews.com/20150622000214"
    assert _address("dailian.co.kr (scraped news page)") is None


def test_an_annotation_agrees_fully_with_itself_and_less_with_a_changed_copy(tmp_path):
    import json
    from pathlib import Path

    from extractor.scoring import agreement

    samples = Path(__file__).resolve().parent.parent / "samples"
    assert agreement([samples], samples).prf["dates"].f1 == 1.0
    gold = json.loads(next(samples.glob("*.gold.json")).read_text(encoding="utf-8"))
    gold["dates"] = gold["dates"][1:]
    (tmp_path / f"{gold['id']}.gold.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    report = agreement([samples], tmp_path)
    assert report.articles == 1 and report.prf["dates"].fn == 1 and report.prf["dates"].fp == 0
