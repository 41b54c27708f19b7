"""Countries, persons and organisations against KLUE-NER's dev set (news sentences), through `extract()`.

Countries: as in klue_countries.py (KLUE `LC` entities that are, or start with, a country
form). Persons: KLUE `PS` entities against our persons' mentions, counted exact (same
span) and loose (overlapping spans: KLUE sometimes keeps a title or drops a surname).
KLUE tags every person named, with or without a title; we name people only from
context (a title, a byline, `(시장 홍길동)`), so recall measures that coverage.
Organisations: KLUE `OG` entities against our organisations' mentions, exact and loose as
for persons. KLUE tags sports teams, broadcasters and a country standing for its government
(`미국`) as `OG` too, so recall is a floor; precision tells how often what we name is a body.

Run: python benchmarks/klue_ner.py [--limit N] [path/to/klue-ner-v1.1_dev.tsv]
"""
from __future__ import annotations

import argparse
import sys
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from klue_countries import DEFAULT, country_at_start, news_sentences  # noqa: E402

from extractor import extract  # noqa: E402
from extractor.lexicons import load  # noqa: E402


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, found: set, gold: set) -> None:
        self.tp += len(found & gold)
        self.fp += len(found - gold)
        self.fn += len(gold - found)

    def line(self) -> str:
        precision, recall = self.tp / max(self.tp + self.fp, 1), self.tp / max(self.tp + self.fn, 1)
        return f"tp {self.tp}  fp {self.fp}  fn {self.fn}  precision {precision:.3f}  recall {recall:.3f}"


def overlapping(spans: set, others: set) -> set:
    return {(s, e) for s, e in spans if any(os < e and s < oe for os, oe in others)}


def add_loose(tally: Tally, found: set, gold: set) -> None:
    tally.tp += len(overlapping(found, gold))
    tally.fp += len(found - overlapping(found, gold))
    tally.fn += len(gold - overlapping(gold, found))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--limit", type=int, default=None, help="only the first N news sentences")
    args = parser.parse_args()
    lexicon = load("countries")["countries"]
    forms = {form for entry in lexicon for form in entry["forms"] + entry["short_forms"]}
    sentences = list(news_sentences(args.path))[: args.limit]
    countries, persons, persons_loose, bodies, bodies_loose = Tally(), Tally(), Tally(), Tally(), Tally()
    began = time.perf_counter()
    for text, entities in sentences:
        article = extract(text)
        gold_countries = {country_at_start(text, s, e, forms) for s, e, tag in entities if tag == "LC"} - {None}
        countries.add({(m.start, m.end) for c in article.countries for m in c.mentions}, gold_countries)
        gold_persons = {(s, e) for s, e, tag in entities if tag == "PS"}
        found_persons = {(m.start, m.end) for p in article.persons for m in p.mentions}
        persons.add(found_persons, gold_persons)
        add_loose(persons_loose, found_persons, gold_persons)
        gold_bodies = {(s, e) for s, e, tag in entities if tag == "OG"}
        found_bodies = {(m.start, m.end) for o in article.organizations for m in o.mentions}
        bodies.add(found_bodies, gold_bodies)
        add_loose(bodies_loose, found_bodies, gold_bodies)
    elapsed = time.perf_counter() - began
    print(f"KLUE-NER dev, {len(sentences)} news sentences through extract() ({elapsed:.1f} s)")
    print(f"  countries vs LC countries : {countries.line()}")
    print(f"  persons vs PS (exact)     : {persons.line()}")
    print(f"  persons vs PS (overlap)   : {persons_loose.line()}")
    print(f"  orgs vs OG (exact)        : {bodies.line()}")
    print(f"  orgs vs OG (overlap)      : {bodies_loose.line()}")


if __name__ == "__main__":
    main()
