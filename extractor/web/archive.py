"""The analysts' view: filtered figures from the store, one query per chart.

Filters: a period (`start`, `end`), a visiting country (ISO code), a programme (part of its name)
and words of the text. A visit belongs to the period when its days overlap it (an undated visit
takes its article's date); quotes and systems count by their article's date.

Visitors per country are counted once: a visit's headcount goes to its country when it names one,
and to "several" (`*`) when it names more (it cannot be split), so the figures add up to the
visitors reported.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..store import Store

SEVERAL = "*"


@dataclass(frozen=True)
class Filters:
    start: dt.date | None = None
    end: dt.date | None = None
    country: str | None = None
    program: str | None = None
    words: str | None = None

    def parameters(self) -> dict:
        return {"start": self.start, "end": self.end, "country": self.country,
                "program": self.program, "words": self.words}


_PICKED = """
WITH picked AS (
  SELECT a.article_id, a.title, coalesce(TRY_CAST(left(a.published, 10) AS DATE), a.reference_date) AS day
  FROM articles a
  WHERE ($words IS NULL OR a.text ILIKE '%' || $words || '%')
    AND ($program IS NULL OR EXISTS (SELECT 1 FROM names n WHERE n.article_id = a.article_id
                                     AND n.field = 'programs' AND n.name ILIKE '%' || $program || '%'))
),
dated AS (
  SELECT * FROM picked
  WHERE ($start IS NULL OR day >= $start) AND ($end IS NULL OR day <= $end)
    AND ($country IS NULL OR EXISTS (SELECT 1 FROM countries c WHERE c.article_id = picked.article_id
                                     AND c.visiting AND c.code = $country))
),
visit AS (
  SELECT v.article_id, v.countries, v.headcount, year(coalesce(v.first_day, p.day)) AS year
  FROM visits v JOIN picked p USING (article_id)
  WHERE ($start IS NULL OR coalesce(v.last_day, p.day) >= $start)
    AND ($end IS NULL OR coalesce(v.first_day, p.day) <= $end)
    AND ($country IS NULL OR list_contains(v.countries, $country))
),
country_name AS (SELECT code, min(name) AS name FROM countries GROUP BY code)
"""

#: chart -> (title, column names, query); every query reads the filtered CTEs above.
CHARTS: dict[str, tuple[str, tuple[str, ...], str]] = {
    "visits_by_country": ("나라별·연도별 방문 건수", ("year", "code", "country", "visits"), """
        SELECT year, code, coalesce(n.name, code), count(*) AS visits
        FROM visit, unnest(visit.countries) AS u(code) LEFT JOIN country_name n USING (code)
        GROUP BY ALL ORDER BY year, visits DESC, code"""),
    "visitors_by_country": ("나라별·연도별 방문 인원", ("year", "code", "country", "visitors"), f"""
        SELECT year, code, CASE code WHEN '{SEVERAL}' THEN '여러 나라' ELSE coalesce(n.name, code) END,
               sum(headcount) AS visitors
        FROM (SELECT year, headcount, CASE WHEN len(countries) = 1 THEN countries[1] ELSE '{SEVERAL}' END AS code
              FROM visit WHERE headcount IS NOT NULL) LEFT JOIN country_name n USING (code)
        GROUP BY ALL ORDER BY year, visitors DESC, code"""),
    "visitors_by_year": ("연도별 방문 인원", ("year", "visits", "visitors"), """
        SELECT year, count(*) AS visits, coalesce(sum(headcount), 0) AS visitors
        FROM visit WHERE year IS NOT NULL GROUP BY year ORDER BY year"""),
    "speakers": ("가장 많이 인용된 화자", ("speaker", "organization", "quotes"), """
        SELECT q.speaker_name, min(q.speaker_organization), count(*) AS quotes
        FROM quotes q JOIN dated USING (article_id) WHERE q.speaker_name IS NOT NULL
        GROUP BY q.speaker_name ORDER BY quotes DESC, q.speaker_name LIMIT 10"""),
    "systems": ("방문단에 가장 많이 소개된 시스템", ("system", "articles"), """
        SELECT n.name, count(DISTINCT n.article_id) AS articles
        FROM names n JOIN dated USING (article_id)
        WHERE n.field = 'systems' AND EXISTS (SELECT 1 FROM visits v WHERE v.article_id = n.article_id)
        GROUP BY n.name ORDER BY articles DESC, n.name LIMIT 10"""),
}

_ARTICLES = """
SELECT d.article_id, d.title, d.day,
       (SELECT list(DISTINCT c.code ORDER BY c.code) FROM countries c WHERE c.article_id = d.article_id AND c.visiting)
FROM dated d ORDER BY d.day DESC NULLS LAST, d.article_id LIMIT 100"""

_CHOICES = """
SELECT 'country' AS kind, code, min(name) FROM countries WHERE visiting GROUP BY code
UNION ALL
SELECT 'program', name, name FROM (SELECT name, count(*) AS uses FROM names WHERE field = 'programs'
                                    GROUP BY name ORDER BY uses DESC, name LIMIT 200)
ORDER BY 1, 3"""


def chart_rows(store: Store, chart: str, filters: Filters) -> tuple[tuple[str, ...], list[tuple]]:
    _, columns, query = CHARTS[chart]
    _, rows = store.query(_PICKED + query, filters.parameters())
    return columns, rows


def overview(store: Store, filters: Filters) -> dict:
    """Every chart's rows, the matching articles and the choices the filters offer."""
    charts = {}
    for name, (title, columns, _) in CHARTS.items():
        _, rows = chart_rows(store, name, filters)
        charts[name] = {"title": title, "columns": columns, "rows": [list(row) for row in rows]}
    _, articles = store.query(_PICKED + _ARTICLES, filters.parameters())
    _, choices = store.query(_CHOICES)
    return {
        "charts": charts,
        "articles": [{"id": i, "title": t, "day": d, "countries": c or []} for i, t, d, c in articles],
        "countries": [{"code": code, "name": name} for kind, code, name in choices if kind == "country"],
        "programs": [name for kind, name, _ in choices if kind == "program"],
    }
