"""The compiled form of visits.yaml and visit_cues.yaml: what the visit recognizer reads."""
from __future__ import annotations

from ...lexicons import foreign_cities, load
from ...nlp.korean import one_of, report_verbs
from ...pattern_cache import compiled


class VisitLexicon:
    """Cue words and the words after a date that tell what the date is of."""

    def __init__(self):
        lexicon = load("visits")
        cues = load("visit_cues")
        self.visitor_nouns = (*cues["participant_heads"], *lexicon["traveller_heads"])
        # `이들은 … 총회에 참석했다`: a pronoun for the visitors named before names them too
        self.pronoun = compiled(rf"(?<!\p{{Hangul}}){one_of(lexicon['visitor_pronouns'])}")
        self.visitor_word = compiled(rf"{one_of(self.visitor_nouns)}|{self.pronoun.pattern}")
        # `대표단` names visitors; it does not report that they came (`대표단은 포럼에 참석해`)
        visiting = tuple(c for c in cues["cues"] if c not in self.visitor_nouns)
        # meeting visitors (`대표단 6명을 만나`) tells of a visit reported elsewhere, or of a foreign one
        self.meeting_cue = compiled(one_of(cues["meeting_cues"]))
        self.visit_cue = compiled(one_of(visiting + tuple(lexicon["extra_cues"])))
        self.participation_cue = compiled(one_of(cues["participation_cues"] + lexicon["participant_labels"]))
        # `외래 관광객 전체로는 45만9906명`, `입국한 일본인은 6만2422명`: visitors counted, a tally;
        # not the host's people going abroad (`우리 국민의 해외 관광객은 104만명`)
        # `가장 많았고`, `2위를 차지했다`: counts ranked, the rows of a statistic
        self.ranking = compiled(one_of(cues["tally_ranks"]))
        self.tally_count = compiled(rf"(?:{one_of(cues['tally_cues'])})[^.,\d]{{0,10}}\d[\d,만천]*\s?여?\s?명")
        self.stock_count = compiled(rf"(?:{one_of(lexicon['as_of_after_date'])})[^.]{{0,30}}?"
                                    rf"(?:{one_of(cues['stock_nouns'])})[^.,\d]{{0,10}}\d[\d,만천]*\s?여?\s?명")
        self.outbound = compiled(one_of(cues["outbound_markers"]))
        self.arrival_word = compiled(one_of(lexicon["arrival_heads"]))
        self.delegation = compiled(one_of(lexicon["delegation_heads"]))
        self.visit_verb = compiled(one_of(visiting))
        self.not_cue = compiled(one_of(cues["not_cues"]))
        self.cumulative = tuple(lexicon["cumulative"])
        self.visit_verbs_of_tally = tuple(lexicon["cumulative_visit_verbs"])
        self.attribution = (*lexicon["attribution_after_date"], *report_verbs())
        self.quotative = compiled(one_of(lexicon["quotative_endings"]))
        self.quote_openings = tuple(lexicon["quote_openings_after_date"])
        self.comparison = tuple(lexicon["comparison_after_date"])
        self.compared_count = compiled(rf"\)?\s?(?:{one_of(lexicon['comparison_after_count'])})")
        self.departure = tuple(lexicon["departure_after_date"])
        self.trip_starts = tuple(lexicon["trip_start_after_date"])
        self.trip_ends = tuple(lexicon["trip_end_after_date"])
        self.arrivals = tuple(lexicon["arrival_after_date"])
        self.until = tuple(lexicon["until_after_date"])
        self.last_day = compiled(one_of(lexicon["last_day_after_date"]))
        self.tally_ends = tuple(lexicon["tally_end_after_date"])
        self.as_of = tuple(lexicon["as_of_after_date"])
        self.since = tuple(lexicon["since_after_date"])
        self.ongoing = tuple(lexicon["ongoing_after_since"])
        self.ongoing_verbs = tuple(lexicon["ongoing_verbs"])
        self.founding = tuple(lexicon["founding_after_date"])
        self.events = tuple(lexicon["event_modifiers"])
        self.relational = tuple(lexicon["relational_modifiers"])
        self.event_openings = tuple(lexicon["event_openings"])
        self.abroad_after_place = compiled(lexicon["held_abroad_after_place"])
        self.abroad_events = (*self.events, *self.event_openings, *lexicon["held_abroad_events"])
        self.foreign_city = compiled(rf"(?<!\p{{Hangul}})(?:{one_of(foreign_cities())})")
        heads = one_of(lexicon["edition_heads"])
        self.edition = compiled(rf"(?:\s[^\s,.]+){{0,4}}?\s?(?:{heads})"
                                     r"(?:에서는|에서|에는|에|의|을|를|은|는|이|가|과|와|도)?(?!\p{Hangul})")
        self.plans = tuple(lexicon["plan_markers"])
        self.recalls = tuple(cues["recall_markers"])
        self.schedule_words = tuple(lexicon["schedule_words"])
        self.nights_of_stay = compiled(lexicon["nights_of_stay"])
        self.both_days = tuple(lexicon["both_days"])
        self.totals = tuple(lexicon["total_markers"])
        self.tally_part = compiled(one_of(lexicon["tally_part_markers"]))
        self.tally_subset = compiled(one_of(lexicon["tally_subset_markers"]))
        self.this_year = frozenset(lexicon["this_year"])
        self.this_event = tuple(lexicon["this_event_openings"])
        self.origin_list = compiled(one_of(lexicon["origin_list_markers"]))
        # `연수원`, `연수생`, `견학단` name places and people, not the activity
        self.activity = compiled(one_of(lexicon["activities"]) + r"(?![원생단])")

    def cue(self, text: str) -> str | None:
        """"visit" when the text reports visiting, "attendance" when people only take part
        (`농업인 2천여 명이 참석했다`: a visit only if they come from abroad), "meeting" when it
        only meets people (`대표단 6명을 만나`), else None."""
        text = self.not_cue.sub("", text)
        counted = self.tally_count.search(text) or self.stock_count.search(text)
        if self.visit_cue.search(text) or (counted and not self.outbound.search(text)):
            return "visit"
        if self.participation_cue.search(text):
            return "attendance"
        return "meeting" if self.meeting_cue.search(text) else None

    def is_visit_on_a_day(self, text: str) -> bool:
        """The text's only tally words are visit verbs (`다녀갔다`): with a day, one visit."""
        return not any(marker in text for marker in self.cumulative if marker not in self.visit_verbs_of_tally)

    def is_tally(self, text: str) -> bool:
        """The text counts visits accumulated over time (`지금까지`, `누적`, `다녀갔`)."""
        return any(marker in text for marker in self.cumulative)
