"""What a learned chooser of a quote's speaker reads (trained by scripts/train_speakers.py): the
people the article names around one quote, each a candidate with named binary features.

Candidates: every person phrase (names/people.py, as the rules parse a subject) ending in a word
with a particle, or right before a quote mark, in the quote's sentence, its paragraph and the two
sentences before it; a pronoun (`그는`) stands for the previous speaker. Also the rules' own
choice, the previous quote's speaker, a person the headline or deck names, and nobody. Candidates
are people as the scorer compares them: by name (unnamed phrases are nobody).
Features: how a phrase relates to the quote (its particle, before or after the mark, the last
before it, sentences away), how it names the person (full name, surname and title, title alone,
pronoun, group), first or second of a `과/와` pair, a pronoun between it and the mark; the verb that
closes the quote and the ending's kind; the quote's zone; the rules chose it; the previous speaker.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc

from extractor.model import Speaker
from extractor.nlp.common import items, text_of
from extractor.nlp.korean import SENTENCE_END, content_of, particles, zone_at
from extractor.recognizers.names.people import People, PersonPhrase, clean, pronouns
from extractor.recognizers.quotes import (
    Ending,
    Quoted,
    _in_headline,
    _line_start,
    _sentence_start,
    _speaker_phrase,
    _trimmed,
    quoted_passages,
    read_ending,
)
from extractor.recognizers.speakers import _subject_phrase, resolve
from extractor.scoring import _nospace

RELATIONS = {
    "topic": particles("honorific_topic", "topic"),
    "subject": particles("honorific_subject", "subject"),
    "also": particles("also", "only"),
    "object": particles("object"),
    "and": particles("partner", "listing_word"),
    "of": particles("genitive"),
    "to": particles("direction"),
}
#: Verbs that close a quote often enough to be features of their own; the rest are `other`.
VERBS = ("말했다", "강조했다", "밝혔다", "전했다", "설명했다", "덧붙였다", "말했습니다", "했다", "소감을 밝혔다")
HEADLINE_ZONES = ("headline", "deck")


@dataclass(frozen=True)
class Attribution:
    """One body quote of a finished Doc as kr_quotes read it: its marks and ending, the words of
    its sentence before the mark (after an earlier quote's verb), the phrase the rules parsed
    first, the speaker they gave it and the previous quote's."""

    doc: Doc
    people: People
    quoted: Quoted
    ending: Ending
    prefix: tuple[int, int]
    phrase: PersonPhrase | None
    speaker: Speaker | None
    previous: Speaker | None


def attributions(doc: Doc) -> list[Attribution]:
    """The body quotes kr_quotes stored, read again in its order (quotes.QuoteRecognizer: a
    headline's quote that only echoes the body is left out; each quote's speaker is the previous
    one for the next)."""
    text, content, people = text_of(doc), content_of(doc), doc._.people
    stored = {(quote.start, quote.end): quote for quote in items(doc, "quotes")}
    found, previous, last_end = [], None, 0
    for quoted in quoted_passages(text):
        quote = stored.get(_trimmed(text, quoted.open + 1, quoted.close))
        if quote is None or not content.prose_contains(quoted.open, quoted.close + 1):
            continue
        ending = read_ending(text, quoted.close + 1, quoted)
        prefix = (max(_sentence_start(text, quoted.open), last_end), quoted.open)
        phrase, _ = _speaker_phrase(doc, people, quoted, ending, prefix)
        if phrase is None and ending.kind in ("none", "spoken") and _in_headline(doc, quoted):
            continue
        found.append(Attribution(doc, people, quoted, ending, prefix, phrase, quote.speaker, previous))
        previous = quote.speaker or previous
        last_end = max(ending.verb_end, quoted.close + 1)
    return found


@dataclass
class Candidate:
    speaker: Speaker | None
    features: set[str] = field(default_factory=set)


def key_of(speaker: Speaker | None) -> str | None:
    """A speaker as the scorer compares them: the name without spaces, or nobody."""
    return _nospace(speaker.name if speaker else None) or None


def relation_of(particle: str) -> str:
    return next((name for name, forms in RELATIONS.items() if particle in forms), "other" if particle else "bare")


def verb_of(attribution: Attribution) -> str:
    verb = (attribution.ending.verb or "").strip()
    if not verb:
        return "none"
    return verb if verb in VERBS else "other"


def zone_of(attribution: Attribution) -> str:
    zone = zone_at(attribution.doc, attribution.quoted.open)
    return zone.kind if zone is not None else "none"


def _sentences_before(text: str, start: int, count: int) -> list[tuple[int, int]]:
    """The `count` sentences before text[start:], nearest first."""
    found = []
    for _ in range(count):
        end = len(text[:start].rstrip(" \t\n"))
        if end <= 0:
            break
        start = _sentence_start(text, end - 1)
        found.append((start, end))
    return found


def _named_how(phrase: PersonPhrase) -> str:
    if phrase.continues:
        return "pronoun"
    if phrase.surname:
        return "surname"
    if phrase.speaker.name:
        return "full"
    if phrase.speaker.title:
        return "title"
    return "organization" if phrase.speaker.organization else "other"


def _phrases_in(attribution: Attribution, span: tuple[int, int]):
    """(word index, words, phrase) of each person phrase of the span ending in a word with a
    particle or right before a quote mark; the quote's own words are skipped."""
    people, text, quoted = attribution.people, text_of(attribution.doc), attribution.quoted
    words = [w for w in people.article.clause_words_between(*span)
             if not (quoted.open <= w.start < quoted.close)]
    for index, word in enumerate(words):
        before_mark = text[word.end:word.end + 2].lstrip(" ")[:1] in "“\"'‘「『"
        if not (word.particle or before_mark):
            continue
        phrase = _subject_phrase(people, words, index)
        if phrase is not None and not phrase.unnamed:
            yield index, words, phrase


def candidates(attribution: Attribution) -> list[Candidate]:
    """The people who may have said the quote, each with its features."""
    text, quoted = text_of(attribution.doc), attribution.quoted
    own_start = _sentence_start(text, quoted.open)
    after = max(attribution.ending.verb_end, quoted.close + 1)
    sentence_end = SENTENCE_END.search(text, after)
    own = (own_start, sentence_end.end() if sentence_end else len(text))
    spans = [("0", own)] + [(str(n), span) for n, span in enumerate(_sentences_before(text, own_start, 2), 1)]
    paragraph = _line_start(text, own_start)
    earliest = min(span[0] for _, span in spans)
    if paragraph < earliest:
        spans.append(("para", (paragraph, earliest)))
    verb, kind, zone = verb_of(attribution), attribution.ending.kind, zone_of(attribution)
    found: dict[str | None, Candidate] = {}

    def add(speaker: Speaker | None, features) -> Candidate:
        candidate = found.setdefault(key_of(speaker), Candidate(speaker))
        if candidate.speaker is None:
            candidate.speaker = speaker
        candidate.features.update(features)
        return candidate

    add(None, ("none", f"none&kind={kind}", f"none&verb={verb}", f"none&zone={zone}"))
    rule = add(attribution.speaker, ("rule", f"rule&kind={kind}", f"rule&zone={zone}", f"rule&verb={verb}",
                                     f"rule&phrase={_named_how(attribution.phrase) if attribution.phrase else 'none'}"))
    own_subjects = 0
    for distance, span in spans:
        last_before = None
        for index, words, phrase in _phrases_in(attribution, span):
            speaker = resolve(attribution.people, phrase, attribution.previous)
            features = _phrase_features(attribution, words, index, phrase, distance, verb)
            if distance == "0" and words[index].end <= quoted.open:
                last_before = (speaker, features)
                own_subjects += relation_of(words[index].particle) in ("topic", "subject", "also")
            add(speaker, features)
        if distance == "0" and last_before:
            add(last_before[0], ("last_before_mark", f"last_before_mark&{_relation_feature(last_before[1])}"))
    _add_persons_named(attribution, spans, add)
    previous = add(attribution.previous, ("previous", f"previous&kind={kind}", f"previous&verb={verb}",
                                           f"previous&own_subjects={min(own_subjects, 2)}"))
    _add_headline_people(attribution, add)
    for candidate in found.values():
        if candidate is rule and candidate is previous:
            candidate.features.add("rule&previous")
    return list(found.values())


def _relation_feature(features: set[str]) -> str:
    return next((f for f in sorted(features) if f.startswith("rel=")), "rel=none")


def _phrase_features(attribution: Attribution, words, index: int, phrase: PersonPhrase, distance: str,
                     verb: str) -> set[str]:
    word, quoted = words[index], attribution.quoted
    relation = relation_of(word.particle)
    side = "before" if word.end <= quoted.open else "after"
    named = _named_how(phrase)
    features = {f"rel={relation}", f"dist={distance}", f"named={named}", f"rel={relation}&dist={distance}",
                f"rel={relation}&side={side}&dist={distance}", f"named={named}&dist={distance}",
                f"rel={relation}&verb={verb}"}
    if word.particle in RELATIONS["and"]:
        features.add("first_of_pair")
    if index > 0 and words[index - 1].particle in RELATIONS["and"] and words[index - 1].end <= phrase.start:
        features.add("second_of_pair")
    if side == "before" and any(clean(w.stem) in pronouns() for w in words[index + 1:] if w.end <= quoted.open):
        features.add("pronoun_between")
    return features


def _particle_after(attribution: Attribution, start: int, end: int) -> tuple[str, bool]:
    """(the particle closing the phrase a name opens: `강병규 장관은`, `이브라힘 씨가`, whether a word
    (a title, `씨`) follows the name before it); the phrase ends at the first word with a particle,
    within three words."""
    words = attribution.people.article.words_between(start, end + 40)[:3]
    first = next((i for i, w in enumerate(words) if w.particle), None)
    if first is None:
        return "", False
    return words[first].particle, words[first].end > end + len(words[first].particle)


def _add_persons_named(attribution: Attribution, spans, add) -> None:
    """The persons the names component found (names without a title too: `이브라힘 씨`), where
    named near the quote (`dist=` as for phrases) or anywhere else in the article (`dist=far`);
    how often each is named, and whether the article names one person only or this one most."""
    quoted = attribution.quoted
    persons = [p for p in items(attribution.doc, "persons") if p.mentions]
    most = max((len(p.mentions) for p in persons), default=0)
    for person in persons:
        add(Speaker(name=person.name), (f"person&mentions={min(len(person.mentions), 4)}",
                                        f"person&only={len(persons) == 1}",
                                        f"person&most={len(person.mentions) == most}"))
        for mention in person.mentions:
            if quoted.open <= mention.start < quoted.close:
                continue
            distance = next((d for d, (start, end) in spans if start <= mention.start < end), "far")
            particle, titled = _particle_after(attribution, mention.start, mention.end)
            relation = relation_of(particle)
            side = "before" if mention.end <= quoted.open else "after"
            add(Speaker(name=person.name), ("person", f"person&rel={relation}&dist={distance}",
                                            f"person&dist={distance}", f"person&rel={relation}&side={side}",
                                            f"person&titled={titled}", f"person&rel={relation}&verb={verb_of(attribution)}"))


def _add_headline_people(attribution: Attribution, add) -> None:
    for phrase in attribution.people.phrases:
        zone = zone_at(attribution.doc, phrase.start)
        if zone is not None and zone.kind in HEADLINE_ZONES and phrase.speaker.name:
            add(resolve(attribution.people, phrase, None), ("headline", f"headline&zone={zone_of(attribution)}"))
