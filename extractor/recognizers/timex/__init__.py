"""spaCy component `kr_timex`: fills `dates` with TIMEX3 items (CONTRACT.md).

Each content zone (headline, deck, captions, body) is parsed in text order by one
TimexParser, so `이날` resolves to the last day named before it in the article's own
words; quoted event names are learnt from every zone first, so that their dated words
(`'진주 10월 축제'`) are names wherever they recur; furniture and bylines are never read.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ...nlp.common import add_item, reference_date, text_of
from ...nlp.korean import content_of
from .grammar import TimexParser, parse_timex

__all__ = ["TimexRecognizer", "parse_timex"]


class TimexRecognizer:
    def __call__(self, doc: Doc) -> Doc:
        parser = TimexParser(reference_date(doc))
        text = text_of(doc)
        passages = content_of(doc).passages
        for start, end in passages:
            parser.learn_names(text, start, end)
        for start, end in passages:
            for timex in parser.parse(text, start, end):
                add_item(doc, "dates", timex.start, timex.end, timex)
        return doc


@Language.factory("kr_timex", assigns=["doc.spans"])
def make_timex(nlp: Language, name: str) -> TimexRecognizer:
    return TimexRecognizer()
