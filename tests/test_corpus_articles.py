"""The annotated corpus (corpus/dev, corpus/blind): well-formed, grounded gold, sourced, and no repeat of
the shipped samples or of the shared dev set (25-character runs, whitespace ignored).

Accuracy on it is reported by `extractor eval corpus/dev` (and, never for diagnosis, corpus/blind).
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from extractor.scoring import gold_pairs

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
SPLITS = ("dev", "blind")
PAIRS = [pair for split in SPLITS for pair in gold_pairs(CORPUS / split)]
SHARED_DEV_SET = ROOT.parent / "shared" / "dev-set"
RUN = 25
UNITS = {"people", "countries", "organizations", "cities"}
TYPES = {"DATE", "TIME", "DURATION", "SET"}
TIMEX_PART = re.compile(r"^(P[0-9YMWDTHS.]+|[0-9X]{2,4}(-[0-9X]{2}(-[0-9X]{2})?)?(T([0-9:]+|MO|AF|EV|NI))?"
                        r"|T[0-9:]+|[0-9X]{4}-W[0-9X]{2}(-[0-9])?|XXXX-WXX-[0-9]|[0-9X]{4}-(SP|SU|FA|WI|H[12]|Q[1-4])"
                        r"|PRESENT_REF|PAST_REF|FUTURE_REF)$")


def _timex(value) -> bool:
    return isinstance(value, str) and all(TIMEX_PART.match(part) for part in value.split("/"))


def _day_or_range(value) -> bool:
    """A visit's date is its day or range (docs/CONTRACT.md), never a time of day."""
    return _timex(value) and not re.search(r"[0-9X]T", value)


COPYRIGHT_LINE = re.compile(r"무단\s*전재|재배포|[Cc]opyright|[©ⓒ]")


def _squeezed(path: Path) -> str:
    """The text without whitespace and without outlets' copyright lines (the same on every page of a site)."""
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    return re.sub(r"\s+", "", "".join(line for line in lines if not COPYRIGHT_LINE.search(line)))


def _runs(text: str) -> set[str]:
    return {text[i:i + RUN] for i in range(len(text) - RUN + 1)}


def _ungrounded(text: str, gold: dict) -> list[str]:
    strings = [gold.get("title"), *gold.get("subtitles", []), *(r.get("name") for r in gold.get("reporters", []))]
    strings += [m if isinstance(m, str) else m["text"] for c in gold["countries"] for m in c.get("mentions", [])]
    strings += [item["text"] for row in ("headcounts", "dates", "quotes") for item in gold[row]]
    strings += [visit["evidence"] for visit in gold["visits"] if visit.get("evidence")]
    return [s for s in strings if s is not None and s not in text]


def _malformed(gold: dict) -> list[str]:
    problems = [f"headcount {h}" for h in gold["headcounts"] if h.get("unit") not in UNITS or type(h.get("value")) is not int]
    problems += [f"date {d}" for d in gold["dates"] if d.get("type") not in TYPES or not _timex(d.get("value"))]
    problems += [f"country {c}" for c in gold["countries"]
                 if not re.fullmatch(r"[A-Z]{2}", c.get("code", "")) or not isinstance(c.get("visiting"), bool)]
    problems += [f"visit date {v['date']}" for v in gold["visits"] if v.get("date") is not None and not _day_or_range(v["date"])]
    problems += [f"{row} {n}" for row in ("systems", "programs", "organizations", "persons") for n in gold[row]
                 if not n.get("name")]
    persons = {re.sub(r"\s+", "", p["name"]) for p in gold["persons"] if p.get("name")}
    problems += [f"reporter {r['name']} is no person" for r in gold.get("reporters", [])
                 if r.get("name") and re.sub(r"\s+", "", r["name"]) not in persons]
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(gold.get("reference_date"))):
        problems.append("reference_date is not YYYY-MM-DD")
    return problems


def test_the_corpus_has_a_dev_and_a_blind_split():
    assert len(gold_pairs(CORPUS / "dev")) >= 100
    assert len(gold_pairs(CORPUS / "blind")) >= 50


def test_every_text_has_its_gold_file():
    texts = {path.stem for split in SPLITS for path in (CORPUS / split).glob("*.txt")}
    assert texts == {text.stem for text, _ in PAIRS}


@pytest.mark.parametrize("text_path,gold_path", PAIRS, ids=lambda p: p.stem if isinstance(p, Path) else "")
def test_gold_is_well_formed_and_grounded(text_path, gold_path):
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    assert not _malformed(gold)
    assert not _ungrounded(text_path.read_text(encoding="utf-8"), gold)
    assert gold.get("source"), "every article says where it came from"


def test_every_article_is_listed_in_sources():
    sources = (CORPUS / "SOURCES.md").read_text(encoding="utf-8")
    assert [text.stem for text, _ in PAIRS if f"| {text.stem} |" not in sources] == []


def test_no_article_repeats_a_sample_or_the_shared_dev_set():
    reference = [*(ROOT / "samples").glob("*.txt"), *SHARED_DEV_SET.glob("*.txt")]
    known = set().union(*(_runs(_squeezed(path)) for path in reference))
    repeated = [text.name for text, _ in PAIRS if _runs(_squeezed(text)) & known]
    assert repeated == []


def test_no_story_is_in_both_splits():
    """A blind article shares at most page furniture with any one dev article, never a third of its text."""
    dev = [_runs(_squeezed(text)) for text, _ in gold_pairs(CORPUS / "dev")]
    blind = [(text.name, _runs(_squeezed(text))) for text, _ in gold_pairs(CORPUS / "blind")]
    assert [name for name, runs in blind if any(len(runs & other) > len(runs) / 3 for other in dev)] == []
