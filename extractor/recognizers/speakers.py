"""Who said a quote: the subject phrase around it, parsed by names/people.py.

The subject is the last topic (`…은/는`) before the quote, else the last
subject (`…이/가`, or `…도/만` where they stand for it: `권한대행도 “…”`), else
a person named right before the mark (a headline).
A pronoun (`그는`) or no subject at all continues the previous speaker; a lone
surname with a title (`최 시장`), or the title alone (`시장은`), is the person named
earlier with it; of two people joined by `과/와`, the first named speaks.
"""
from __future__ import annotations


from ..model import Speaker
from ..nlp.korean import particles
from .names.people import People, PersonPhrase, clean, phrase_ending_at, pronouns, spelt_elsewhere, title_in, titles

TOPIC_PARTICLES = particles("honorific_topic", "topic")
SUBJECT_PARTICLES = particles("honorific_subject", "subject", "also", "only")
COORDINATING_PARTICLES = particles("partner", "listing_word")
SUBJECT_ADVERBS = particles("also_word")


def _subject_phrase(people: People, words, index: int) -> PersonPhrase | None:
    if clean(words[index].stem) in pronouns():
        return PersonPhrase(Speaker(), words[index].start, continues=True)
    if _after_parenthesis(people, words, index):  # `바쉬얼(Mr. Idris Bashir)은`, `판트 대령(COL. …)은`
        return _named_before_parenthesis(people, words, index - 1)
    return phrase_ending_at(people, words, index) or _group(people, words[index]) \
        or _spelt_name(people, words[index])


def _spelt_name(people: People, word) -> PersonPhrase | None:
    """`이브라힘은`: a foreign name used alone, spelt in Latin letters elsewhere in the article."""
    if not spelt_elsewhere(people, word):
        return None
    name = clean(word.stem)
    return PersonPhrase(Speaker(name=name), word.start, name_span=(word.start, word.start + len(name)))


def _after_parenthesis(people: People, words, index: int) -> bool:
    """A particle glued to a parenthesis that glosses the words before it."""
    word = words[index]
    return index > 0 and not word.stem and people.article.text[:word.start].endswith(")")


def _named_before_parenthesis(people: People, words, head: int) -> PersonPhrase | None:
    """The person phrase ending right before the parenthesis, else the person the article found
    named there (a transliterated name glossed in Latin letters)."""
    phrase = phrase_ending_at(people, words, head)
    if phrase and (phrase.speaker.name or phrase.surname):
        return phrase
    end = words[head].start + len(words[head].stem)
    named = next((p for p in people.phrases if p.name_span and p.name_span[1] == end), None)
    if named:
        return PersonPhrase(named.speaker.model_copy(), named.start, name_span=named.name_span)
    glossed = next((c for c in people.glossed_names if c.end == end), None)
    return PersonPhrase(Speaker(name=glossed.name), glossed.start, name_span=(glossed.start, glossed.end)) \
        if glossed else phrase


#: Words of the second person's body or country that may stand between the two (`캐나다 맥길대`).
MAX_WORDS_BETWEEN_CONJUNCTS = 3


def _first_conjunct(people: People, words, phrase: PersonPhrase) -> PersonPhrase:
    """`원경희 여주시장과 이환설 의장은 “…”`, `뉴욕주립대 줄리 왕 사서와 캐나다 맥길대 메이시 쩡 사서는`:
    a joint subject speaks as the one named first."""
    before = [i for i, w in enumerate(words) if w.end <= phrase.start]
    if not phrase.speaker.name or not before:
        return phrase
    joint = before[-1]
    while joint > 0 and not words[joint].particle and words[joint].noun_stem \
            and before[-1] - joint < MAX_WORDS_BETWEEN_CONJUNCTS:  # the second one's body: `캐나다 맥길대`
        joint -= 1
    if words[joint].particle not in COORDINATING_PARTICLES:
        return phrase
    first = phrase_ending_at(people, words, joint)
    return first if first and first.speaker.name else phrase


def find_subject(people: People, start: int, end: int) -> PersonPhrase | None:
    """The speaker phrase that is the subject of text[start:end]."""
    words = people.article.clause_words_between(start, end)
    topics, subjects = [], []
    for index, word in enumerate(words):
        particle = word.particle
        if index > 0 and clean(word.stem) in SUBJECT_ADVERBS and not words[index - 1].particle:
            index, particle = index - 1, "도"  # `홍길동 대사 역시 “…”`
        if particle in TOPIC_PARTICLES or particle in SUBJECT_PARTICLES:
            phrase = _subject_phrase(people, words, index)
            if phrase:
                phrase = _first_conjunct(people, words, phrase)
                (topics if particle in TOPIC_PARTICLES else subjects).append(phrase)
    if topics or subjects:
        return (topics or subjects)[-1]
    return speaker_right_before(people, start, end)


def paragraph_subject(people: People, start: int, end: int) -> PersonPhrase | None:
    """The person the paragraph's sentences before a quote are about (`김철수 시장은 대표단을 맞았다.
    이 자리에서 “…”고 말했다`): the speaker of a quote whose own sentence names none."""
    phrase = find_subject(people, start, end) if start < end else None
    if phrase is None or phrase.continues:
        return None
    return phrase if phrase.speaker.name or phrase.surname or phrase.speaker.title else None


def speaker_right_before(people: People, start: int, end: int, headline: bool = False) -> PersonPhrase | None:
    """A person named right before a quote mark, without particle: the headline
    `최대호 안양시장 “…”`. A headline or deck also condenses the words of a body or a
    group this way (`외교부 "…"`, `베트남 공무원들 “…”`, glued: `10개국 공무원“…”`)."""
    article = people.article
    words = (article.words_between if headline else article.clause_words_between)(start, end)
    if not words or words[-1].particle or article.text[words[-1].end:end].strip():
        return None
    phrase = phrase_ending_at(people, words, len(words) - 1)
    if phrase and (phrase.speaker.name or phrase.surname):
        return phrase
    if headline:
        return _group(people, words[-1]) or (phrase if phrase and phrase.speaker.organization else None)
    return None


def _group(people: People, word) -> PersonPhrase | None:
    """`공무원들`, `대표단`, `한 연수생은`, `관광객들은`: people named by what they are, not by name
    (a new speaker, not the previous one)."""
    stem = clean(word.stem)
    group = stem[:-1] if stem.endswith("들") else stem
    if group in people.heads.participant_nouns or group in titles().person_nouns:
        return PersonPhrase(Speaker(title=stem), word.start)
    return None


def owner_of(people: People, start: int, end: int) -> PersonPhrase | None:
    """Whose words a quote is said to be: `“…”는 게 시 관계자의 설명이다`."""
    words = people.article.clause_words_between(start, end)
    if not words or words[-1].particle != "의":
        return None
    return _subject_phrase(people, words, len(words) - 1)


def resolve(people: People, phrase: PersonPhrase, previous: Speaker | None) -> Speaker | None:
    """The speaker a phrase stands for: the previous one for `그는`, the full
    name given earlier for `최 시장`."""
    if phrase.unnamed:
        return None
    if phrase.continues:
        return previous
    if phrase.surname:
        known = people.resolve(phrase.surname, phrase.speaker.title, phrase.start) \
            or people.resolve_later(phrase.surname, phrase.speaker.title, phrase.start)
        if known:
            return known
    elif _bare_title(phrase):  # `시장은`: the one mayor named before
        return people.only_one_titled(phrase.speaker.title, phrase.speaker.organization, phrase.start) \
            or phrase.speaker
    return phrase.speaker


def _bare_title(phrase: PersonPhrase) -> bool:
    title = phrase.speaker.title
    return bool(title) and not phrase.speaker.name and title_in(title) not in titles().anonymous_titles
