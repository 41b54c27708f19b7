"""Dates: our rules vs dateparser's `search_dates` vs Duckling, side by side (prints, asserts nothing).

    python benchmarks/dates.py                        # ../shared/dev-set and ../shared/seed
    python benchmarks/dates.py DIR [DIR ...]

Every system reads the same content zones of each article (ingest decides them) with the
article's gold reference date, and is scored as `extractor eval` scores dates: the
multiset of TIMEX3 values against the gold file's. dateparser's datetimes become days
(or minutes when they carry a clock time); Duckling's values become TIMEX3 at their grain
(intervals as `from/to`, its exclusive end moved back one grain; durations as `P…`).
Time is the parsing time alone (ingest excluded), summed over the articles.

Duckling comes from `pyduckling-native-phihos` (the `bench` extra); without it, its
column says so.
"""
from __future__ import annotations

import datetime as dt
import json
import sys
import time
from collections import Counter
from pathlib import Path

from rich.console import Console
from rich.table import Table

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from extractor.ingest import to_document  # noqa: E402
from extractor.recognizers.timex.grammar import TimexParser  # noqa: E402
from extractor.scoring import Tally  # noqa: E402
from tests.test_peer_time import duckling_value  # noqa: E402

DEFAULT_DIRS = (REPO.parent / "shared" / "dev-set", REPO.parent / "shared" / "seed")
_KST = dt.timezone(dt.timedelta(hours=9))
_DURATION_UNITS = {"year": "Y", "month": "M", "week": "W", "day": "D", "hour": "TH", "minute": "TM", "second": "TS"}


def articles(dirs):
    for folder in dirs:
        for gold_path in sorted(Path(folder).glob("*.gold.json")):
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
            text = gold_path.with_name(gold_path.name.replace(".gold.json", ".txt")).read_text(encoding="utf-8")
            reference = dt.date.fromisoformat(gold["reference_date"])
            document = to_document(text, reference_date=reference)
            yield document, reference, [d["value"] for d in gold["dates"]]


def ours(document, reference):
    parser = TimexParser(reference)
    return [t.value for start, end in document.content_ranges() for t in parser.parse(document.text, start, end)]


def dateparser_values(document, reference):
    from dateparser.search import search_dates
    settings = {"RELATIVE_BASE": dt.datetime.combine(reference, dt.time())}
    values = []
    for start, end in document.content_ranges():
        for _, when in search_dates(document.text[start:end], languages=["ko"], settings=settings) or []:
            values.append(when.strftime("%Y-%m-%dT%H:%M" if when.time() != dt.time() else "%Y-%m-%d"))
    return values


class Duckling:
    def __init__(self):
        import duckling
        self.duckling = duckling
        self.time_zones = duckling.load_time_zones("/usr/share/zoneinfo")
        self.locale = duckling.parse_locale("KO_KR", duckling.default_locale_lang(duckling.parse_lang("KO")))
        self.dimensions = duckling.parse_dimensions(["time", "duration"])

    def __call__(self, document, reference):
        noon = dt.datetime.combine(reference, dt.time(12), _KST)
        context = self.duckling.Context(
            self.duckling.parse_ref_time(self.time_zones, "Asia/Seoul", int(noon.timestamp())), self.locale)
        values = []
        for start, end in document.content_ranges():
            for entity in self.duckling.parse(document.text[start:end], context, self.dimensions, False):
                values.append(self._timex(entity, noon))
        return [v for v in values if v]

    @staticmethod
    def _timex(entity, reference) -> str | None:
        value = entity["value"]
        if entity["dim"] == "duration":
            unit = _DURATION_UNITS[value["unit"]]
            return f"P{unit[:-1]}{value['value']}{unit[-1]}" if unit.startswith("T") else f"P{value['value']}{unit}"
        if value["type"] == "interval":
            bounds = {side: value[side] for side in ("from", "to") if side in value}
            grain = next(iter(bounds.values()))["grain"]
            value = {"type": "interval", "grain": grain, **{side: b["value"] for side, b in bounds.items()}}
        try:
            return duckling_value(value, reference)[0]
        except (KeyError, ValueError):
            return None


def main(argv: list[str]) -> None:
    dirs = [Path(a) for a in argv] or DEFAULT_DIRS
    data = list(articles(dirs))
    systems = {"ours (kr_timex rules)": ours, "dateparser search_dates": dateparser_values}
    try:
        systems["Duckling (pyduckling)"] = Duckling()
    except ImportError:
        systems["Duckling (pyduckling)"] = None
    table = Table(title=f"dates on {len(data)} articles ({', '.join(d.name for d in dirs)})")
    for column in ("system", "precision", "recall", "F1", "tp", "fp", "fn", "ms total", "ms/article"):
        table.add_column(column, justify="left" if column == "system" else "right")
    for name, system in systems.items():
        if system is None:
            table.add_row(name, "not installed (pip install -e '.[bench]')", *[""] * 7)
            continue
        system(*data[0][:2])  # warm-up: imports and lazy loading stay out of the timing
        tally, elapsed = Tally(), 0.0
        for document, reference, gold in data:
            began = time.perf_counter()
            predicted = Counter(system(document, reference))
            elapsed += time.perf_counter() - began
            expected = Counter(gold)
            tp = sum((predicted & expected).values())
            tally.add(tp, sum(predicted.values()) - tp, sum(expected.values()) - tp)
        table.add_row(name, f"{tally.precision:.3f}", f"{tally.recall:.3f}", f"{tally.f1:.3f}", str(tally.tp),
                      str(tally.fp), str(tally.fn), f"{elapsed * 1000:.1f}", f"{elapsed * 1000 / len(data):.2f}")
    Console().print(table)


if __name__ == "__main__":
    main(sys.argv[1:])
