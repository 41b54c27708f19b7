"""Country mentions against KLUE-NER's dev set (news sentences only).

Gold: KLUE `LC` (location) entities that are a country form of our lexicon (full name
or one-syllable form) or start with one and a space (KLUE tags `중국 베이징` as one
location: the gold mention is `중국`). The figure measures where we find countries and
which homographs we wrongly take, not how big the lexicon is. A found mention inside a
KLUE `OG` entity (`한국 교통대`, `주한 일본대사관`) is reported apart, not as an error.

Run: python benchmarks/klue_countries.py [path/to/klue-ner-v1.1_dev.tsv]
"""
from __future__ import annotations

import re
import sys
import time
from pathlib import Path

from extractor.lexicons import load
from extractor.nlp.common import items
from extractor.nlp.pipeline import COMPONENTS, build_pipeline

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "peer-suites" / "klue-ner" / "klue-ner-v1.1_dev.tsv"
HEADER = re.compile(r"^## klue-ner-v1_dev_\d+-(\w+)\t(.*)$")
ENTITY = re.compile(r"<([^<>:]+):([A-Z]{2})>")


def news_sentences(path: Path):
    """(text, [(start, end, tag)]) for every wikitree sentence, offsets into the plain text."""
    for line in path.read_text(encoding="utf-8").splitlines():
        header = HEADER.match(line)
        if not header or header.group(1) != "wikitree":
            continue
        tagged, text, entities = header.group(2), [], []
        pos = 0
        for match in ENTITY.finditer(tagged):
            text.append(tagged[pos:match.start()])
            start = sum(map(len, text))
            text.append(match.group(1))
            entities.append((start, start + len(match.group(1)), match.group(2)))
            pos = match.end()
        text.append(tagged[pos:])
        yield "".join(text), entities


def country_at_start(text: str, start: int, end: int, forms: set[str]) -> tuple[int, int] | None:
    first_word = text[start:end].split(" ")[0]
    return (start, start + len(first_word)) if first_word in forms else None


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    lexicon = load("countries")["countries"]
    forms = {form for entry in lexicon for form in entry["forms"] + entry["short_forms"]}
    nlp = build_pipeline(exclude=tuple(name for name, _ in COMPONENTS if name != "kr_countries"))
    sentences = list(news_sentences(path))
    began = time.perf_counter()
    tp = fp = fn = as_organisation = 0
    for (text, entities), doc in zip(sentences, nlp.pipe(text for text, _ in sentences)):
        gold = {country_at_start(text, s, e, forms) for s, e, tag in entities if tag == "LC"} - {None}
        found = {(m.start, m.end) for item in items(doc, "countries") for m in item.mentions}
        in_organisation = {(fs, fe) for fs, fe in found - gold
                           if any(tag == "OG" and s <= fs and fe <= e for s, e, tag in entities)}
        tp += len(found & gold)
        fn += len(gold - found)
        as_organisation += len(in_organisation)
        fp += len(found - gold - in_organisation)
    elapsed = time.perf_counter() - began
    precision, recall = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
    print(f"KLUE-NER dev, {len(sentences)} news sentences, countries vs LC entities that are countries")
    print(f"  tp {tp}  fp {fp}  fn {fn}  (found inside KLUE OG entities: {as_organisation})")
    print(f"  precision {precision:.3f}  recall {recall:.3f}  ({elapsed:.1f} s)")


if __name__ == "__main__":
    main()
