"""Bad input gives a result or a clear one-line InputError, never a traceback."""
from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

import pytest

from extractor import InputError, extract
from extractor.ingest import to_document

SEED = Path(__file__).parent.parent / "samples" / "anyang-smart-city-2023-07-28.txt"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))
ZIP = b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(range(256))
TEN_MB = "가나다라 마바사 아자차카 타파하. ".encode() * 250_000


def _random_bytes(seed: int, size: int = 3000) -> bytes:
    return random.Random(seed).randbytes(size)


@pytest.mark.parametrize("data,reason", [
    (b"", "empty"),
    (b" \n\t\r\n  ", "empty"),
    ("   \n", "empty"),
    (PNG, "PNG"),
    (ZIP, "ZIP"),
    ("가" * 1_000_001, "too large"),
    (TEN_MB, "too large"),
], ids=["empty", "whitespace", "whitespace-str", "png", "zip", "long-str", "10MB"])
def test_refused_with_a_one_line_reason(data, reason):
    with pytest.raises(InputError) as error:
        to_document(data)
    message = str(error.value)
    assert reason in message and "\n" not in message


@pytest.mark.parametrize("seed", range(8))
def test_random_bytes_are_refused_or_read(seed):
    try:
        document = to_document(_random_bytes(seed))
    except InputError as error:
        assert "\n" not in str(error)
    else:
        assert document.text


@pytest.fixture(scope="module")
def seed_article():
    return extract(SEED.read_bytes())


def test_cp949_copy_gives_the_same_article(seed_article):
    text = SEED.read_text(encoding="utf-8")
    legacy = extract(text.encode("cp949", errors="replace"))
    unencodable = [i for i, ch in enumerate(text) if not _encodes(ch, "cp949")]
    assert unencodable, "the seed has characters without a CP949 form (•)"
    assert [i for i, (a, b) in enumerate(zip(text, legacy.text)) if a != b] == unencodable
    assert _without(legacy, "id", "text") == _without(seed_article, "id", "text")


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-8-sig"])
def test_unicode_encodings_give_the_same_article(seed_article, encoding):
    article = extract(SEED.read_text(encoding="utf-8").encode(encoding))
    assert article.text == seed_article.text
    assert _without(article, "id") == _without(seed_article, "id")


@pytest.mark.parametrize("html", [
    "<html><body><div><p>안양시는 28일 스마트도시통합센터를 <b>37개국이 방문했다고 밝혔다.",
    "<html><head><title>제목만 있는 페이지</title></head><body><p>",
    "<div>" * 3000 + "청주시는 드론 축제를 열었다.",
], ids=["unclosed", "no-body", "deep-nesting"])
def test_broken_html_gives_a_result_or_a_clear_error(html):
    try:
        article = extract(html)
    except InputError as error:
        assert "\n" not in str(error)
    else:
        assert not article.grounding_failures()
        assert "<" not in article.text


def test_unclosed_quotation_mark():
    article = extract("최대호 안양시장은 “스마트도시 경험을 적극 공유하겠다고 28일 말했다.\n\n이날 37개국 공무원이 방문했다.")
    assert not article.grounding_failures()


@pytest.mark.parametrize("content", [b"", PNG, TEN_MB], ids=["empty", "png", "10MB"])
def test_cli_prints_one_line_error_without_traceback(tmp_path, content):
    path = tmp_path / "input.txt"
    path.write_bytes(content)
    result = subprocess.run(["extractor", "extract", str(path)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("extractor:")
    assert "Traceback" not in result.stderr


def _encodes(ch: str, encoding: str) -> bool:
    try:
        ch.encode(encoding)
    except UnicodeEncodeError:
        return False
    return True


def _without(article, *fields: str) -> dict:
    return {k: v for k, v in article.model_dump(mode="json").items() if k not in fields}


def _seed_bytes() -> bytes:
    return SEED.read_bytes()


@pytest.mark.parametrize("data,where", [
    (_seed_bytes()[:1002], "at the end"),
    (_seed_bytes()[:500] + b"\xff" + _seed_bytes()[500:], "first at byte"),
    ("안녕하세요 반갑습니다".encode()[:-1], "at the end"),
    (SEED.read_text(encoding="utf-8").encode("cp949", errors="replace")[:300] + b"\x80"
     + SEED.read_text(encoding="utf-8").encode("cp949", errors="replace")[300:], "cp949"),
], ids=["cut-mid-character", "stray-byte", "short-cut", "cp949-stray-byte"])
def test_a_few_bad_bytes_are_replaced_with_a_warning_not_refused(data, where):
    document = to_document(data)
    assert "\ufffd" in document.text and len(document.text) > 5
    assert len(document.warnings) == 1 and "U+FFFD" in document.warnings[0] and where in document.warnings[0]


def test_the_warning_reaches_the_article_and_the_command_line(tmp_path):
    cut = tmp_path / "cut.txt"
    cut.write_bytes(_seed_bytes()[:1002])
    result = subprocess.run([sys.executable, "-m", "extractor", "extract", str(cut)], capture_output=True, text=True)
    assert result.returncode == 0 and "U+FFFD" in json.loads(result.stdout)["warnings"][0]
    assert "warning" in result.stderr and "U+FFFD" in result.stderr
