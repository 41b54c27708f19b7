"""A spaCy tokenizer backed by Kiwi, which first lays the text out as `extract` does.

Called on a text, it runs ingest's layout analysis (headline, deck, byline, timestamps,
captions, page furniture) and keeps the result in `doc._.document`, so that
`nlp(text)` finds exactly what `extractor.extract(text)` finds (`layout=False` in the
tokenizer's config skips it: the whole text is then body). Its settings are saved with
the pipeline (`nlp.to_disk`, `spacy.load`).

Kiwi's morphemes can overlap (`했다` = 하+었+다 share offsets) and can be empty
(an elided 이/VCP); they are merged into surface tokens so that `doc.text`
equals the input exactly. Every token keeps Kiwi's tags (`VV+EP+EF`), Kiwi's
sentence boundaries become `doc.sents`, and the morphemes themselves are kept
in `doc._.morphs` for recognizers that want them, and the sentences' character
ranges in `doc._.sentences` (iterating `doc.sents` costs O(tokens) per sentence).
"""
from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from itertools import chain
from operator import attrgetter
from typing import NamedTuple

import numpy
import spacy
import srsly
from spacy.attrs import SENT_START, TAG
from spacy.tokens import Doc
from spacy.util import ensure_path
from spacy.vocab import Vocab

from ..document import Document
from ..ingest import to_document
from . import common  # noqa: F401  (registers doc._.document)

WHITESPACE_TAG = "_SP"
UNKNOWN_TAG = "SW"


class Morph(NamedTuple):
    """One Kiwi morpheme; `doc._.morphs` holds them sorted by (start, end)."""

    form: str
    tag: str
    start: int
    end: int
    oov: bool = False  # not in Kiwi's dictionary: `최영조`/NNG is a guess, `연구소`/NNG a known noun


_SPAN = attrgetter("start", "end")

if not Doc.has_extension("morphs"):
    Doc.set_extension("morphs", default=None)
if not Doc.has_extension("sentences"):
    Doc.set_extension("sentences", default=None)


def get_kiwi(num_workers: int | None = None):
    """One Kiwi per process (it takes ~1 s and ~300 MB to load). A forked child gets its
    own: the parent's Kiwi thread pool does not survive a fork, and would wait forever."""
    if num_workers is None and os.environ.get("EXTRACTOR_KIWI_THREADS"):
        num_workers = int(os.environ["EXTRACTOR_KIWI_THREADS"])
    return _kiwi(os.getpid(), num_workers)


@lru_cache(maxsize=None)
def _kiwi(pid: int, num_workers: int | None):
    from kiwipiepy import Kiwi

    return Kiwi(num_workers=num_workers, load_multi_dict=False)


class KiwiTokenizer:
    def __init__(self, vocab: Vocab, num_workers: int | None = None, layout: bool = True):
        self.vocab = vocab
        self.num_workers = num_workers
        self.layout = layout

    def __reduce__(self):
        return (type(self), (self.vocab, self.num_workers, self.layout))

    @property
    def kiwi(self):
        return get_kiwi(self.num_workers)

    def __call__(self, text: str) -> Doc:
        return next(self.pipe([text]))

    def pipe(self, texts: Iterable[str], batch_size: int = 64) -> Iterator[Doc]:
        return self.pipe_documents(map(self.document, texts), batch_size)

    def document(self, text: str) -> Document:
        """The text laid out as `extract` lays it out (a blank text, or layout=False: all body)."""
        if self.layout and text.strip():
            return to_document(text, max_chars=len(text))  # spaCy's nlp.max_length limits the size
        return Document(text=text, id="")

    def pipe_documents(self, documents: Iterable[Document], batch_size: int = 64) -> Iterator[Doc]:
        """Tokenize laid-out documents, Kiwi fed a list per batch (threads share it when Kiwi has
        several). Kiwi reads every zone but page furniture, which is split at whitespace."""
        batch: list[Document] = []
        for document in documents:
            batch.append(document)
            if len(batch) >= batch_size:
                yield from self._make_docs(batch)
                batch = []
        if batch:
            yield from self._make_docs(batch)

    def _make_docs(self, documents: list[Document]) -> Iterator[Doc]:
        batch = [(d.text, kiwi_segments(d.text, _merge_regions(d.text, d.analysed_ranges()))) for d in documents]
        segments = [(as_kiwi_reads(text[start:end]), start) for text, ranges in batch for start, end in ranges]
        kiwi = self.kiwi
        strings = [segment for segment, _ in segments]
        threaded = kiwi.num_workers > 1 and len(strings) > 1
        analysed = iter(kiwi.tokenize(strings, split_sents=True) if threaded else (
            kiwi.tokenize(segment, split_sents=True) for segment in strings))
        offsets = iter(offset for _, offset in segments)
        strings_once: dict[str, str] = {}  # one copy of each form and tag: Kiwi makes a new one per morpheme
        for document, (text, ranges) in zip(documents, batch):
            sentences = []
            for _ in ranges:
                offset = next(offsets)
                sentences.extend(_morphs(sentence, offset, strings_once) for sentence in next(analysed))
            doc = self._make_doc(text, [sentence for sentence in sentences if sentence])
            doc._.document = document
            yield doc

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        return srsly.json_dumps({"num_workers": self.num_workers, "layout": self.layout}).encode("utf-8")

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> KiwiTokenizer:
        settings = srsly.json_loads(data)
        self.num_workers, self.layout = settings["num_workers"], settings["layout"]
        return self

    def to_disk(self, path, *, exclude: Iterable[str] = ()) -> None:
        ensure_path(path).write_bytes(self.to_bytes(exclude=exclude))

    def from_disk(self, path, *, exclude: Iterable[str] = ()) -> KiwiTokenizer:
        return self.from_bytes(ensure_path(path).read_bytes(), exclude=exclude)

    def _make_doc(self, text: str, sentences: list[list[Morph]]) -> Doc:
        morphs = sorted((morph for sentence in sentences for morph in sentence), key=_SPAN)
        sentence_starts = {sentence[0].start for sentence in sentences}
        pieces = _surface_pieces(text, morphs)
        words, spaces, tags, sent_starts = [], [], [], []
        pos = 0
        for start, end, tag in pieces:
            if start == pos + 1 and text[pos] == " " and words and not spaces[-1]:
                spaces[-1] = True  # the usual gap, one space after a word, as _add_whitespace reads it
            elif start > pos:
                _add_whitespace(text[pos:start], words, spaces, tags, sent_starts)
            words.append(text[start:end])
            spaces.append(False)
            tags.append(tag)
            sent_starts.append(start in sentence_starts or not sent_starts)
            pos = end
        _add_whitespace(text[pos:], words, spaces, tags, sent_starts)
        doc = Doc(self.vocab, words=words, spaces=spaces)
        if words:  # set as Doc(tags=, sent_starts=) sets them, without its per-token Python loops
            tag_ids = {tag: self.vocab.strings.add(tag) for tag in set(tags)}
            columns = numpy.empty((len(words), 2), dtype=numpy.uint64)
            columns[:, 0] = [tag_ids[tag] for tag in tags]
            columns[:, 1] = numpy.where(sent_starts, 1, -1).astype(numpy.int32).astype(numpy.uint64)
            doc.from_array([TAG, SENT_START], columns)
        doc._.morphs = morphs
        doc._.sentences = [(sentence[0].start, sentence[-1].end) for sentence in sentences]
        return doc


#: makes a NamedTuple from a tuple of its fields without its Python-level constructor (for hot loops)
new_tuple = tuple.__new__


def _morphs(sentence, offset: int, strings_once: dict[str, str]) -> list[Morph]:
    """A Kiwi sentence's non-empty morphemes at their offsets in the text. Each attribute of a Kiwi
    token is read once (each read converts it from C++ anew), and a Morph is made as the tuple it
    is, without the Python-level constructor: a text has a morpheme every three characters."""
    once = strings_once.setdefault
    morphs = []
    for token in sentence:
        length = token.len
        if length > 0:
            form, tag, start = token.form, token.tag, token.start + offset
            morphs.append(new_tuple(Morph, (once(form, form), once(tag, tag), start, start + length, token.oov)))
    return morphs


def _merge_regions(text: str, regions: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted ranges, those separated only by whitespace joined (fewer, longer Kiwi calls)."""
    merged: list[list[int]] = []
    for start, end in sorted(regions):
        if merged and not text[merged[-1][1]:start].strip():
            merged[-1][1] = max(merged[-1][1], end)
        elif end > start:
            merged.append([start, end])
    return [(start, end) for start, end in merged]


#: The longest text Kiwi reads in one call. Its time per character grows with the length of
#: what it reads (a 1 M-character string costs 18x per character what its paragraphs do), so a
#: longer range is read a few paragraphs at a time; articles are far shorter and read whole.
LONGEST_SEGMENT = 10_000
#: Where a long range is cut, best first: a blank line, a line break, a space.
_SEGMENT_BREAKS = ("\n\n", "\n", " ")


#: A sentence's final ending and stop glued to the next sentence's first word (`마련됐다.다와후 의장은`,
#: `밝혔다.이날`), where a scraped page dropped the space. Kiwi, reading across the join, analyses
#: the next words otherwise than after a space; a segment cut there reads them as a new sentence.
#: A stop after a digit or Latin letter (`3.5`, `No.1`, `www.a.kr`) is no sentence's end.
_GLUED_SENTENCE_END = re.compile(r"(?<=[가-힣][다요까죠][.?!])(?=[가-힣])")


def kiwi_segments(text: str, ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The ranges cut where one sentence is glued to the next, each piece longer than
    LONGEST_SEGMENT cut again at the last break before that length."""
    bounded = []
    for start, end in _cut_glued_sentences(text, ranges):
        while end - start > LONGEST_SEGMENT:
            cut = _break_before(text, start, start + LONGEST_SEGMENT)
            bounded.append((start, cut))
            start = cut
        bounded.append((start, end))
    return bounded


#: A stop between two nouns with no ending before it (`기관.단체장`, `사과.복숭아.감`): a page's
#: stand-in for the middle dot of a list, which Kiwi, seeing a stop, reads as a sentence's end.
_STOP_FOR_MIDDLE_DOT = re.compile(r"(?<=[가-힣])(?<![가-힣][다요까죠])\.(?=[가-힣])")


def as_kiwi_reads(segment: str) -> str:
    """The segment as Kiwi is given it: a list's stop read as the middle dot it stands for, one
    character for one, so that every offset Kiwi reports is an offset of the text."""
    return _STOP_FOR_MIDDLE_DOT.sub("·", segment)


def _cut_glued_sentences(text: str, ranges: list[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    for start, end in ranges:
        cuts = [match.start() for match in _GLUED_SENTENCE_END.finditer(text, start, end)]
        yield from zip([start, *cuts], [*cuts, end])


def _break_before(text: str, start: int, limit: int) -> int:
    for mark in _SEGMENT_BREAKS:
        cut = text.rfind(mark, start + 1, limit)
        if cut > start:
            return cut
    return limit


def _surface_pieces(text: str, morphs: list[Morph]) -> Iterator[tuple[int, int, str]]:
    """Non-whitespace pieces covering the text: overlapping morphemes merged (`했다` = 하+었+다), and
    any characters Kiwi left out split at whitespace (Kiwi occasionally spans whitespace within one
    morpheme; spaCy tokens may not). Made one at a time in one pass over the sorted morphemes, as the
    Doc's words are read from them: a long text's pieces never all stand in memory at once."""
    pos = 0
    start, end, tag = 0, 0, None  # the merged span being read
    for _, morph_tag, morph_start, morph_end, _ in chain(morphs, _PAST_THE_END):
        if tag is not None and morph_start < end:
            end = max(end, morph_end)
            tag += "+" + morph_tag
            continue
        if tag is not None:
            if start > pos and not text[pos:start].isspace():  # most gaps are a space: no call for them
                yield from _nonspace_runs(text, pos, start, UNKNOWN_TAG)
            if end - start > 1 and _SPACE.search(text, start, end):
                yield from _nonspace_runs(text, start, end, tag)
            else:
                yield start, end, tag
            pos = end
        start, end, tag = morph_start, morph_end, morph_tag
    yield from _nonspace_runs(text, pos, len(text), UNKNOWN_TAG)


#: A morpheme after every other, which closes the last merged span.
_PAST_THE_END = (Morph("", "", float("inf"), float("inf")),)


_SPACE = re.compile(r"\s")
_NONSPACE = re.compile(r"\S+")


def _nonspace_runs(text: str, start: int, end: int, tag: str) -> list[tuple[int, int, str]]:
    if start >= end or text[start:end].isspace():
        return []
    return [(match.start(), match.end(), tag) for match in _NONSPACE.finditer(text, start, end)]


def _add_whitespace(gap: str, words, spaces, tags, sent_starts) -> None:
    if not gap:
        return
    if words and gap[0] == " " and not spaces[-1]:
        spaces[-1] = True
        gap = gap[1:]
    if gap:
        words.append(gap)
        spaces.append(False)
        tags.append(WHITESPACE_TAG)
        sent_starts.append(not sent_starts)


@spacy.registry.tokenizers("extractor.KiwiTokenizer.v1")
def create_kiwi_tokenizer(num_workers: int | None = None, layout: bool = True):
    def make(nlp):
        return KiwiTokenizer(nlp.vocab, num_workers, layout)

    return make
