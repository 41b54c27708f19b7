"""Foreign cities acting as bodies.

A city (or a prefecture or province abroad) is an organisation where its phrase acts in the clause: it sends people as a body
(`하노이시 대표단`; a list of partner cities: `… 등 4개 도시 공무원`), it is a partner
(`스플리트와 … MOU를 체결`, `자매도시 무나카타시`), a foreign local government is
the subject (`다낭시는`), or people come from it (`…에서 온 공무원`). Where it is only
a place (`호치민시를 방문한다`, `X에서 열린`, `다낭시 껌레동`), it is none.
Coordinated cities (`A·B, C 및 D 등 …`) share the role of the last one.
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

from ... import lexicons
from ...pattern_cache import compiled_re
from ...nlp.korean import SENTENCE_END, particles
from .things import CONJUNCT, Candidate, Reading, conjunct_after, organization_head
from .words import Word

_SUBJECT_PARTICLES = particles("topic", "subject")
_PARTNER_PARTICLES = particles("partner")
_LOOKAHEAD = 8  # words of the clause after a city read for its role
_PEOPLE_COUNT = compiled_re(r"\d[\d,]*여?명")
_PLURAL = "들"
_WORDS_REMEMBERED = 100_000  # bounded: a long text of many scripts has many distinct words


@dataclass(frozen=True)
class CityLexicon:
    known: frozenset
    heads: frozenset
    owner_nouns: tuple[str, ...]
    official_titles: frozenset
    partner_nouns: tuple[str, ...]
    partnering_words: tuple[str, ...]
    arrival_words: frozenset
    city_copulas: frozenset
    state_heads: frozenset


@lru_cache(maxsize=None)
def city_lexicon() -> CityLexicon:
    names = lexicons.load("name_heads")
    data = names["cities"]
    known = frozenset(lexicons.foreign_cities()) | lexicons.foreign_regions()  # prefectures act as cities do
    return CityLexicon(known, frozenset(data["heads"]), tuple(data["owner_nouns"]),
                       frozenset(data["official_titles"]), tuple(data["partner_nouns"]),
                       tuple(data["partnering_words"]), frozenset(data["arrival_words"]),
                       frozenset(data["city_copulas"]),
                       frozenset(names["organizations"]["state_heads"]))


@lru_cache(maxsize=_WORDS_REMEMBERED)
def _names_known_city(text: str) -> bool:
    """Is a known foreign city one of the names of text (`아사히카와·사이타마`)? Asked of every word of
    every article: the answer is remembered per word."""
    known = city_lexicon().known
    return any(part in known for part in CONJUNCT.findall(text))


class CityRoles:
    """The foreign cities of an article and whether each acts as a body."""

    def __init__(self, reading: Reading):
        self.reading, self.cities = reading, city_lexicon()
        article, countries = reading.article, reading.countries
        self.article, self.lex, self.countries = article, reading.lex, countries
        starts = [word.start for word in article.words]
        self._country_words = {i for s, e in countries for i in range(bisect_left(starts, s), bisect_left(starts, e))}
        self._city: dict[int, bool] = {}
        self.acting: set[int] = set()  # indices of city words acting as bodies
        self.places: set[int] = set()  # indices of foreign local governments that are only places
        for group in self._groups():
            group_acts = self._group_acts(group)
            for index in group:
                (self.acting if group_acts else self.places).add(index)

    def keeps(self, candidate: Candidate) -> bool:
        """Is an organisation candidate no foreign local government that is only a place?"""
        index = self.article.index_at(candidate.start)
        words = self.article.words
        while index < len(words) and words[index].nominal_end < candidate.end:
            index += 1
        return index not in self.places or words[index].nominal_end != candidate.end

    def acting_cities(self) -> list[Candidate]:
        """The acting cities, each of `지난·주하이·항저우` apart."""
        found = []
        for index in sorted(self.acting):
            word = self.article.words[index]
            for part in CONJUNCT.finditer(self.article.text, word.start, word.start + len(word.stem)):
                found.append(Candidate("organizations", part.group(0), part.start(), part.end()))
        return found

    # --- which words are foreign cities ------------------------------------

    def _head(self, word: Word) -> str | None:
        head = organization_head(self.reading, word)
        return head if head in self.cities.heads else None

    def _foreign_head(self, index: int) -> str | None:
        """The head of a foreign local government, also where Kiwi reads it as a common noun
        (`다낭시는`) or a person's name (`빈증성`): its name is a known city or a country stands before it."""
        word, text = self.article.words[index], self._text(index)
        if self.article.text[word.nominal_end - 1:word.nominal_end] not in self.cities.heads \
                and text[-1:] not in self.cities.heads:
            return None  # every head is one syllable: most words end in none
        known_head = self._head(word)
        head = known_head or (text[-1:] if len(text) > 2 and text[-1] in self.cities.heads else None)
        if head and (known_head or self._known_government(text)
                     or index > 0 and self._after_place(index, apposed=False)):
            return head
        return None

    def _known_government(self, text: str) -> bool:
        """Does text end in a known city or prefecture, with its head (`하노이시`, `…·나가사키현`)?"""
        last = CONJUNCT.findall(text)[-1:]
        return bool(last) and (last[0] in self.cities.known or last[0][:-1] in self.cities.known)

    def _text(self, index: int) -> str:
        return self.article.words[index].stem

    def _is_country(self, index: int) -> bool:
        return index in self._country_words

    def _is_city(self, index: int) -> bool:
        if index not in self._city:
            self._city[index] = self._reads_as_city(index)
        return self._city[index]

    def _reads_as_city(self, index: int) -> bool:
        """A known foreign city (each of `아사히카와·사이타마`), a local government whose name is one
        (`하노이시`), or a proper name right after a country or a foreign city (`베트남 빈증성`,
        `중국의 지난·주하이`, `울란바토르시 바양주르흐구`)."""
        word, text = self.article.words[index], self._text(index)
        if not text or self._is_country(index) or text in self.lex.not_organizations \
                or text.endswith(self.lex.common_endings):
            return False  # `중국 자매도시 공무원`: a common noun after a country ends like a city, names none
        if _names_known_city(text):
            return True
        head = self._foreign_head(index)
        if head and text[:-len(head)] in self.cities.known:
            return True
        proper = head is not None or (word.tags and all(tag == "NNP" for tag in word.tags) and not self._body(word)
                                      and not self._event(text))
        return bool(proper) and index > 0 and self._after_place(index)

    def _may_be_cities(self) -> list[int]:
        """The words `_reads_as_city` may accept, found in one pass without asking it of each: a known
        city's name, a word ending in a city's head, or proper nouns alone."""
        text, heads = self.article.text, self.cities.heads
        return [index for index, word in enumerate(self.article.words) if word.stem and (
            word.stem[-1] in heads or text[word.nominal_end - 1:word.nominal_end] in heads
            or word.tags.count("NNP") == len(word.tags) > 0 or _names_known_city(word.stem))]

    def _body(self, word: Word) -> bool:
        """`캄보디아 산업부`, `에콰도르 농목업부`, `일본 요미우리신문`, `캐나다 맥길대`: a proper noun after a
        country ending in the head of a ministry, an agency, an outlet or any body but a local government's
        names the country's body, no city."""
        head = organization_head(self.reading, word)
        return head in self.cities.state_heads or (head is not None and head not in self.cities.heads)

    def _event(self, text: str) -> bool:
        """`인도네시아 솔로국제예술축제`: a proper noun after a country ending in an event's head names the
        event, no city (a standing assembly is a body: `항올구시민대표회의`)."""
        return self.lex.of("programs").ending(text) is not None and not text.endswith(self.lex.standing_assemblies)

    def _after_place(self, index: int, apposed: bool = True) -> bool:
        """Right after a foreign country (`베트남 빈증성`, `중국의 지난`; not `한국의 경기도`), a foreign
        city (`울란바토르시 바양주르흐구`) or, apposed, the noun city (`제2의 도시 스플리트`; a Korean city
        there is no foreign one)."""
        before = self.article.words[index - 1]
        if not (self.article.joined(before, self.article.words[index]) or before.particle == "의"):
            return False
        if self._is_country(index - 1):
            return self._text(index - 1) not in lexicons.host_country_names()
        if apposed and self._text(index - 1).endswith("도시"):
            return True
        return index > 1 and self._foreign_head(index - 1) is not None and self._is_city(index - 1)

    # --- coordination --------------------------------------------------------

    def _groups(self) -> list[list[int]]:
        groups, seen = [], set()
        for index in self._may_be_cities():
            if index in seen or not self._is_city(index):
                continue
            group = [index]
            following = self._next_conjunct(group[-1])
            while following is not None:
                if following == group[-1] + 1 and not self.article.words[group[-1]].particle:
                    self.places.add(group.pop())  # `울란바토르시 항올구`: the city is the district's address
                group.append(following)
                following = self._next_conjunct(following)
            seen.update(group)
            groups.append(group)
        return groups

    def _next_conjunct(self, index: int) -> int | None:
        """The city or body coordinated after words[index] (`A와 B`, `A, 중국의 B`, `A 및 우호도시 태국 B`),
        or the district glued after a city (`울란바토르시 바양주르흐구`)."""
        words = self.article.words
        if index + 1 < len(words) and self.article.joined(words[index], words[index + 1]) \
                and self._head(words[index + 1]) and self._is_city(index + 1):
            return index + 1
        following = conjunct_after(self.article, self._official_title(index) or index)
        for candidate in range(following, min(following + 3, len(words))) if following else ():
            if self._locates_next(candidate):
                continue  # `…와 한국 경상북도 포항시`: the province locates the city coordinated
            if self._is_city(candidate) or organization_head(self.reading, words[candidate]):
                return candidate
            if not (self._is_country(candidate) or self._text(candidate).endswith(self.cities.partner_nouns)):
                return None
        return None

    def _locates_next(self, index: int) -> bool:
        """A province or city glued before another local government (`경상북도 포항시`)."""
        words = self.article.words
        if index + 1 == len(words) or not self.article.joined(words[index], words[index + 1]):
            return False
        placing = self._head(words[index]) is not None or self._text(index) in self.lex.provinces
        return placing and self._head(words[index + 1]) is not None

    # --- roles ---------------------------------------------------------------

    def _group_acts(self, group: list[int]) -> bool:
        if self._titled_government(group[-1]):
            return True
        last = self._official_title(group[-1]) or group[-1]
        word = self.article.words[last]
        after = self._clause_after(last)
        if word.particle in _SUBJECT_PARTICLES:
            # `다낭시는`, `A시와 의왕시가`; a bare `스플리트는` is as often described
            return self._foreign_head(last) is not None or self._head(word) is not None
        if word.particle[:1] in _PARTNER_PARTICLES:  # `다낭시와`, `살리나스시와의`, `충밍구와도`
            return any(text.startswith(self.cities.partnering_words) or text.endswith(self.cities.partnering_words)
                       for text in after)
        if word.particle == "에서":
            return bool(after) and after[0] in self.cities.arrival_words
        if word.particle == "의" and any(self._owner_noun(text) for text in after[:2]):
            return True  # `하이퐁시의 고위 공무원`
        if word.particle or not self._ends_phrase(last):
            return bool(word.particle) and self._named_partner(group[0])
        return self._sends(group[0], after) or self._named_partner(group[0])

    def _clause_after(self, index: int) -> list[str]:
        texts = []
        for word in self.article.words[index + 1:index + 1 + _LOOKAHEAD]:
            texts.append(self.article.text[word.start:word.start + len(word.stem)])
            if SENTENCE_END.match(self.article.text, word.end):
                break
        return texts

    def _ends_phrase(self, index: int) -> bool:
        """`다낭 껌레동`: a city before another place or body only locates it."""
        words = self.article.words
        return index + 1 == len(words) or self.article.text[words[index].end:words[index + 1].start].strip() \
            or self._text(index + 1) in self.lex.list_closers or self._its_people(self._text(index + 1))

    def _sends(self, first: int, after: list[str]) -> bool:
        """`X 대표단`; a list of partner cities `… 등 아세안 4개국 4개 도시 공무원` or predicated as a
        delegation's (`자매도시 대표단은 일본의 A, 중국의 B 등 5개국 8개 도시다`)."""
        if not after:
            return False
        if after[0] != "등":
            return self._its_people(after[0])
        listed = after[1:]
        if listed and _PEOPLE_COUNT.match(listed[0]):
            return True  # `칸호아성 응옌 치엔탕 성장 등 13명`: the city's official and the people with him
        return self._partner_sentence(first) and any(
            text.endswith(self.cities.owner_nouns) or text.rstrip(".") in self.cities.city_copulas for text in listed)

    def _owner_noun(self, text: str) -> bool:
        """`대표단`, `관계자들`: the city's people, who come or act for it."""
        return text.removesuffix(_PLURAL).endswith(self.cities.owner_nouns)

    def _its_people(self, text: str) -> bool:
        """`다낭시 대표단`, `칭다오시 19명`: the city's people or a count of them, sent by it."""
        return self._owner_noun(text) or _PEOPLE_COUNT.match(text) is not None

    def _official_title(self, index: int) -> int | None:
        """`시안 리밍위안 시장`, `니스 크리스티앙 아미엘 부시장`: the title of the city's official
        named right after it."""
        words = self.article.words
        for following in range(index + 1, min(index + 5, len(words))):
            if not self.article.joined(words[following - 1], words[following]):
                return None
            if self._text(following) in self.cities.official_titles:
                return following if following > index + 1 else None
        return None

    def _titled_government(self, index: int) -> bool:
        """`옌칭시 부시장`, `빈즈엉성 인민위원장`: a foreign local government named with its head, right
        before its official's title, is the body the official speaks for (a bare city before a title
        is where the official is from: `뉴욕 부시장`)."""
        words = self.article.words
        return index + 1 < len(words) and not words[index].particle and self._foreign_head(index) is not None \
            and self.article.joined(words[index], words[index + 1]) \
            and self._text(index + 1) in self.cities.official_titles

    def _named_partner(self, first: int) -> bool:
        """`자매도시 일본 무나카타시`, `자매도시인 필리핀 세부주와 …`: a partner noun before the cities."""
        index = first - 1
        while index >= 0 and self._is_country(index):
            index -= 1
        return index >= 0 and self._text(index).removesuffix("인").endswith(self.cities.partner_nouns)

    def _partner_sentence(self, first: int) -> bool:
        """Does the sentence name the listed cities partners (`자매 우호도시`, `자매도시 대표단은`)?
        Cities listed at a congress (`뉴욕, 도쿄 등 67개 도시의 시장단`) are where its guests come from."""
        start = self.article.words[first].start
        before = SENTENCE_END.split(self.article.text[max(0, start - 200):start])[-1]
        end = SENTENCE_END.search(self.article.text, start)
        sentence = before + self.article.text[start:end.start() if end else len(self.article.text)]
        sentence = "".join(sentence.split())  # `자매·우호 도시`, `자매 도시`: however spaced
        return any(noun in sentence for noun in self.cities.partner_nouns)
