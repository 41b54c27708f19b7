"""Ingest: layout zones and the metadata they carry (title, decks, bylines, timestamps),
on the seed sample and on small pages written for these tests in the shapes of
other outlets."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from extractor.document import CONTENT_ZONES
from extractor.ingest import to_document
from extractor.ingest.layout import analyse_layout
from extractor.ingest.timestamp import find_stamps
from extractor.model import Reporter

SEED = Path(__file__).parent.parent / "samples" / "anyang-smart-city-2023-07-28.txt"


def layout(text: str):
    return analyse_layout(text, id="test")


def zone_texts(document, kind: str) -> list[str]:
    return [document.text[z.start:z.end] for z in document.zones if z.kind == kind]


def assert_zones_cover(document):
    cursor = 0
    for zone in document.zones:
        assert zone.start == cursor < zone.end
        cursor = zone.end
    assert cursor == len(document.text)


@pytest.fixture(scope="module")
def seed():
    return to_document(SEED.read_bytes())


def test_seed_headline_decks_byline_and_timestamps(seed):
    assert seed.title == "'K37+벨트' 기반 안양시 '스마트도시통합센터'…한달간 37개국 벤치마킹"
    assert seed.subtitles == ["공무원, 기업인 등 138명, 통합관제·스마트도시시스템 등 견학",
                              "최대호 안양시장 “스마트도시 개발 경험 등 적극 공유”"]
    assert seed.reporters == [Reporter(name="유진상", email="yjs@dailian.co.kr")]
    assert seed.published == seed.modified == "2023-07-28T11:26:00+09:00"
    assert str(seed.reference_date) == "2023-07-28"


def test_seed_widgets_are_furniture_and_text_is_untouched(seed):
    furniture = "".join(zone_texts(seed, "furniture"))
    for widget in ("공유하기", "카카오톡", "주소복사", "기사 모아 보기", "댓글 0", "로그인 후 댓글을", "최신순"):
        assert widget in furniture
    content = "".join(seed.text[start:end] for start, end in seed.content_ranges())
    assert "기사 모아 보기" not in content and "yjs@dailian.co.kr" not in content
    assert seed.text == SEED.read_text(encoding="utf-8")
    assert_zones_cover(seed)


def test_seed_photo_captions(seed):
    captions = zone_texts(seed, "caption")
    assert any(caption.rstrip().endswith("ⓒ안양시 제공") for caption in captions)


@pytest.mark.parametrize("line,name,email", [
    ("홍길동 기자 (gildong@example.co.kr)", "홍길동", "gildong@example.co.kr"),
    ("/수원=김영수기자 kys@", "김영수", None),
    ("가상뉴스 / 이나래 기자 nr@example.kr", "이나래", "nr@example.kr"),
    ("  • 박하늘 기자", "박하늘", None),
    ("최민준 특파원 mj@example.com", "최민준", "mj@example.com"),
    ("MBC 뉴스 정다운입니다.", "정다운", None),
    ("송하린기자 harin@", "송하린", None),
    ("배도윤기자 doyun@example.co.kr˝", "배도윤", "doyun@example.co.kr"),
    ("[윤채원 기자]", "윤채원", None),
    ("[가상경제 문지호 기자] ", "문지호", None),
    ("글·사진 노은채 기자", "노은채", None),
    ("한겨울 기자 winter@example.co.kr", "한겨울", "winter@example.co.kr"),
    ("임하준 기자 [email protected]", "임하준", None),
])
def test_byline_lines(line, name, email):
    document = layout(f"수원시, 공원 열 곳 새로 단장\n{line}\n수원시는 올해 공원 열 곳을 새로 단장한다고 3일 밝혔다.\n")
    assert document.reporters == [Reporter(name=name, email=email)]
    assert "수원시는" not in "".join(zone_texts(document, "byline"))


@pytest.mark.parametrize("lead,name", [
    ("[가상통신=한지민 기자] ", "한지민"),
    ("[가상경제 오세훈 기자] ", "오세훈"),
    ("(부산=가상뉴스) 윤서연 기자 = ", "윤서연"),
    ("가상일보 강도윤 기자 =", "강도윤"),
    ("[세종=가상일보 오지원 기자] ", "오지원"),
])
def test_lead_byline_prefix_only(lead, name):
    body = "부산시는 올해 해수욕장 일곱 곳에 안전요원을 늘린다고 3일 밝혔다."
    document = layout(lead + body)
    assert document.reporters == [Reporter(name=name, email=None)]
    assert zone_texts(document, "byline") == [lead]
    assert zone_texts(document, "body") == [body]


@pytest.mark.parametrize("lead", ["[가상뉴스] ", "(부산=KBC) ", "[부산=KPI가상] ", "【부산=가상통신】"])
def test_outlet_dateline_is_a_byline_naming_nobody(lead):
    body = "부산시는 올해 해수욕장 일곱 곳에 안전요원을 늘린다고 3일 밝혔다."
    document = layout(lead + body)
    assert document.reporters == []
    assert zone_texts(document, "byline") == [lead]
    assert zone_texts(document, "body") == [body]


@pytest.mark.parametrize("tag", ["[단독] ", "[포토] "])
def test_section_tag_opening_a_headline_is_no_dateline(tag):
    document = layout(f"{tag}부산시, 해수욕장 안전요원 늘린다\n부산시는 해수욕장 일곱 곳에 안전요원을 늘린다고 3일 밝혔다.\n")
    assert document.title == f"{tag}부산시, 해수욕장 안전요원 늘린다"
    assert zone_texts(document, "byline") == []


def test_photo_mark_opening_a_caption_is_no_outlet():
    caption = "[사진] 시민들이 새로 단장한 해수욕장 산책로를 걷고 있다.\n"
    document = layout(f"부산시, 해수욕장 안전요원 늘린다\n{caption}부산시는 안전요원을 늘린다고 3일 밝혔다.\n")
    assert zone_texts(document, "caption") == [caption]


def test_outlet_credit_under_the_article_is_a_byline():
    document = layout("부산시, 해수욕장 안전요원 늘린다\n부산시는 해수욕장 일곱 곳에 안전요원을 늘린다고 3일 밝혔다.\n"
                      "/가상연합\n")
    assert zone_texts(document, "byline") == ["/가상연합\n"]
    assert document.reporters == []


@pytest.mark.parametrize("line", ["온라인뉴스팀 기자", "  • 가상포커스 기자", "디지털뉴스부 기자"])
def test_desk_byline_names_nobody(line):
    document = layout(f"수원시, 공원 열 곳 새로 단장\n{line}\n수원시는 올해 공원 열 곳을 새로 단장한다고 3일 밝혔다.\n")
    assert document.reporters == []
    assert zone_texts(document, "byline") == [line + "\n"]
    assert document.title == "수원시, 공원 열 곳 새로 단장"


def test_byline_closing_the_last_paragraph():
    last = "시는 다음 달 두 번째 공원을 연다. "
    byline = "표지민 기자 jimin@example.com"
    document = layout(f"김해시는 공원 한 곳을 새로 열었다고 3일 밝혔다.\n{last}{byline}\n<저작권자 © 가상일보 무단전재 및 재배포 금지>\n")
    assert document.reporters == [Reporter(name="표지민", email="jimin@example.com")]
    assert zone_texts(document, "byline") == [byline + "\n"]
    assert zone_texts(document, "body")[-1].endswith(last)


def test_reporter_lines_after_the_body_above_the_copyright():
    document = layout("김해시는 공원 한 곳을 새로 열었다고 3일 밝혔다.\n\n표지민 기자 jimin@example.com\n"
                      "저작권자 © 가상일보 무단전재 및 재배포 금지\n")
    assert document.reporters == [Reporter(name="표지민", email="jimin@example.com")]
    assert "jimin" not in "".join(zone_texts(document, "body"))


@pytest.mark.parametrize("dateline,name", [
    ("【청주=가상통신】 황보민 기자 = ", "황보민"),
    ("(서울=가상뉴스1) 남궁연 기자 = ", "남궁연"),
    ("(세종=가상연합뉴스) 제갈윤 기자 = ", "제갈윤"),
])
def test_headline_form_above_a_wire_dateline_is_the_title(dateline, name):
    headline = "청주시, 가을 축제 첫날 방문객 5만명"
    document = layout(f"{headline}\n{dateline}청주시는 가을 축제 첫날 방문객이 5만명을 넘었다고 3일 밝혔다.\n")
    assert document.title == headline
    assert document.reporters == [Reporter(name=name, email=None)]
    assert zone_texts(document, "byline") == [dateline]


def test_newswire_dateline_is_byline():
    document = layout("가상재단, 청년 봉사단 50명 해외 파견\n\n서울--(가상와이어)--가상재단은 청년 봉사단 50명을 파견한다고 3일 밝혔다.\n")
    assert document.title == "가상재단, 청년 봉사단 50명 해외 파견"
    assert zone_texts(document, "byline") == ["서울--(가상와이어)--"]
    assert document.reporters == []


def test_wire_photo_captions():
    photo = "【청주=가상통신】 황보민 기자 = 3일 청주 무심천에서 시민들이 꽃길을 걷고 있다.2024.05.03. [email protected]\n"
    scene = "【청주=가상통신】 무심천 벚꽃길 야간 전경.\n"
    document = layout(f"청주시, 벚꽃길 야간 개방\n{photo}{scene}"
                      "청주시는 무심천 벚꽃길을 밤 10시까지 개방한다고 3일 밝혔다.\n")
    captions = "".join(zone_texts(document, "caption"))
    assert "2024.05.03." in captions and "야간 전경." in captions
    assert "황보민 기자" not in captions and "protected" not in captions
    assert document.title == "청주시, 벚꽃길 야간 개방"
    assert document.reporters == [Reporter(name="황보민", email=None)]


@pytest.mark.parametrize("caption", [
    "시민들이 새로 단장한 공원을 걷고 있다. (사진=가상시)",
    "시민들이 새로 단장한 공원을 걷고 있다. 2024.5.3/가상뉴스1",
    "시민들이 새로 단장한 공원을 걷고 있다 / 왼쪽부터 김가상 국장, 이가상 과장",
    "새로 단장한 공원을 걷는 시민들 /가상통신",
    "새로 단장한 공원 ⓒ 가상시 제공",
])
def test_photo_captions(caption):
    document = layout(f"김해시, 공원 한 곳 새로 열어\n{caption}\n김해시는 공원 한 곳을 새로 열었다고 3일 밝혔다.\n")
    assert zone_texts(document, "caption") == [caption + "\n"]
    assert document.title == "김해시, 공원 한 곳 새로 열어"


def test_bare_name_above_address_and_time():
    document = layout("대구시, 야간 관광 코스 세 곳 공개\n서지후\nsjh@example.kr | 2024-05-03 07:45:10\n"
                      "대구시는 야간 관광 코스 세 곳을 공개했다고 3일 밝혔다.\n")
    assert document.reporters == [Reporter(name="서지후", email="sjh@example.kr")]
    assert document.published == "2024-05-03T07:45:10+09:00"
    assert document.title == "대구시, 야간 관광 코스 세 곳 공개"


def test_lone_address_completes_a_lead_byline():
    document = layout("(대전=가상뉴스) 김민수 기자 = 대전시는 드론 배송을 시작한다고 2일 밝혔다.\n\nminsu@example.co.kr\n")
    assert document.reporters == [Reporter(name="김민수", email="minsu@example.co.kr")]


@pytest.mark.parametrize("line,field,value", [
    ("입력 2023.07.28 11:26", "published", "2023-07-28T11:26:00+09:00"),
    ("수정 2023.07.28 11:26", "modified", "2023-07-28T11:26:00+09:00"),
    ("기사입력 2021-03-02 오후 3:05", "published", "2021-03-02T15:05:00+09:00"),
    ("  • 승인 2016.11.16 09:07", "published", "2016-11-16T09:07:00+09:00"),
    ("작성 2018.01.14 12:06 조회수", "published", "2018-01-14T12:06:00+09:00"),
    ("입력 : 2024/09/27 [17:16]", "published", "2024-09-27T17:16:00+09:00"),
    ("업데이트 2024.05.02. 15:30", "modified", "2024-05-02T15:30:00+09:00"),
    ("2024/05/02 10:15 송고", "published", "2024-05-02T10:15:00+09:00"),
    ("Posted : 2024-05-02T10:15:00+00:00", "published", "2024-05-02T10:15:00+00:00"),
    ("송고시간2024-05-02 10:15", "published", "2024-05-02T10:15:00+09:00"),
    ("| 입력 2024.05.02 10:15", "published", "2024-05-02T10:15:00+09:00"),
    ("기사승인 2024-05-02 10:15:07", "published", "2024-05-02T10:15:07+09:00"),
    ("최종편집 : 2024.05.02 18:48 (목)", "modified", "2024-05-02T18:48:00+09:00"),
    ("UPDATE. 2024-05-02 18:48 (목)", "modified", "2024-05-02T18:48:00+09:00"),
    ("기사등록 2024/02/26 14:05:12", "published", "2024-02-26T14:05:12+09:00"),
    ("게시일 2024-02-26", "published", "2024-02-26T00:00:00+09:00"),
])
def test_timestamp_formats(line, field, value):
    (stamp,) = find_stamps(line)
    assert (stamp.field, stamp.value) == (field, value)


def test_published_and_modified_on_one_line():
    document = layout("광주시, 청년 창업 공간 연다\n등록 2024.05.02 09:30:12수정 2024.05.02 10:01:55\n"
                      "광주시는 청년 창업 공간을 새로 연다고 2일 밝혔다.\n")
    assert (document.published, document.modified) == ("2024-05-02T09:30:12+09:00", "2024-05-02T10:01:55+09:00")


@pytest.mark.parametrize("header", ["UPDATE. 2024-05-30 18:48 (목)", "최종편집 : 2024.05.30 18:48", "2024년 05월 30일 (목)"])
def test_site_header_stamp_above_the_headline_is_furniture(header):
    document = layout(f"{header}\n강릉시 바다 도서관 개관\n상태바\n강릉시 바다 도서관 개관\n  • 이서준 기자\n"
                      "  • 승인 2024.05.01 10:00\n\n강릉시는 바다 도서관을 열었다고 1일 밝혔다.\n")
    assert document.title == "강릉시 바다 도서관 개관"
    assert (document.published, document.modified) == ("2024-05-01T10:00:00+09:00", None)
    assert zone_texts(document, "furniture")[0] == header + "\n"


def test_edit_stamp_beside_the_byline_is_the_modification():
    document = layout("강릉시 바다 도서관 개관\n이서준 기자 sj@example.kr\n기사입력 2024.05.01 10:00\n"
                      "최종편집 2024.05.01 11:30\n강릉시는 바다 도서관을 열었다고 1일 밝혔다.\n")
    assert (document.published, document.modified) == ("2024-05-01T10:00:00+09:00", "2024-05-01T11:30:00+09:00")


def test_date_glued_to_the_first_paragraph_dates_the_article_but_is_no_publication_time():
    first = "“골목마다 오래된 책방이 있어 걷는 내내 즐거웠다.”\n"
    document = layout(f" date 2025-10-03 {first}해외 도시 대표단이 2일 인천 개항장 거리를 둘러봤다.\n")
    assert zone_texts(document, "timestamp") == [" date 2025-10-03 "]
    assert zone_texts(document, "body")[0].startswith(first)
    assert document.published is None
    assert document.reference_date == dt.date(2025, 10, 3)


def test_crawl_date_beside_weather_widget_is_not_publication():
    document = layout("2024.10.01 (화)\n  • 맑음서울 24.0℃\n  • 흐림부산 22.1℃\n기상청 제공\n\n"
                      "청주시 드론 축제 개막\n\n청주시는 드론 축제를 열었다고 1일 밝혔다.\n")
    assert document.published is None
    assert document.title == "청주시 드론 축제 개막"
    furniture = "".join(zone_texts(document, "furniture"))
    assert "2024.10.01 (화)" in furniture and "맑음서울" in furniture and "기상청 제공" in furniture


def test_sticky_header_repeating_the_headline_is_furniture():
    document = layout("강릉시 바다 도서관 개관\n상태바\n강릉시 바다 도서관 개관\n  • 이서준 기자\n  • 승인 2022.08.01 10:00\n"
                      "이 기사를 공유합니다\n\n바다를 보며 책을 읽는 공간\n\n강릉시는 바다 도서관을 열었다고 1일 밝혔다.\n")
    assert document.title == "강릉시 바다 도서관 개관"
    assert document.subtitles == ["바다를 보며 책을 읽는 공간"]
    assert zone_texts(document, "headline") == ["강릉시 바다 도서관 개관\n"]


@pytest.mark.parametrize("text", [
    "시, 유럽 교류 확대…관광 협력 추진\n-\n세종시는 유럽 도시와 협약을 맺었다고 29일 밝혔다.\n",
    "주민 참여 늘리고 예산 절감…공원 관리 방식 바꿔\n[가상통신=한지민 기자] 부산시는 공원 관리 방식을 바꾼다고 3일 밝혔다.\n",
])
def test_opening_summary_is_a_deck_not_a_title(text):
    document = layout(text)
    assert document.title is None
    assert len(document.subtitles) == 1


def test_press_release_header():
    document = layout("보도자료\n보도일시 2024. 5. 2.(목) 09:00\n담당부서 스마트도시과\n"
                      "안양시, 스마트 버스정류장 50곳 추가 설치\n- 냉난방 갖춘 정류장…시민 만족도 높아 -\n"
                      "□ 안양시는 올해 스마트 버스정류장 50곳을 추가로 설치한다.\n")
    assert document.title == "안양시, 스마트 버스정류장 50곳 추가 설치"
    assert document.subtitles == ["냉난방 갖춘 정류장…시민 만족도 높아"]
    assert document.published == "2024-05-02T09:00:00+09:00"
    assert "담당부서" in "".join(zone_texts(document, "furniture"))


def test_press_release_header_row():
    document = layout("보도자료 | 배포일시 2024. 5. 2.(목) 09:00 | 담당부서 스마트도시과 | 담당자 김가상 | 연락처 031-000-0000\n"
                      "가상시, 스마트 가로등 300개 설치\n□ 가상시는 올해 스마트 가로등 300개를 설치한다.\n")
    assert document.title == "가상시, 스마트 가로등 300개 설치"
    assert document.published == "2024-05-02T09:00:00+09:00"
    assert "담당부서" not in "".join(document.text[start:end] for start, end in document.content_ranges())


def test_press_release_table_one_cell_a_line():
    document = layout("보도자료\n배포일시\n2024. 5. 2.(목) 09:00\n담당부서\n스마트도시과\n담당자\n김가상\n"
                      "가상시, 청년 창업 지원 확대\n- 올해 창업 공간 3곳 추가 -\n□ 가상시는 청년 창업 지원을 늘린다.\n")
    assert document.title == "가상시, 청년 창업 지원 확대"
    assert document.published == "2024-05-02T09:00:00+09:00"
    assert zone_texts(document, "furniture")[-1] == "담당부서\n스마트도시과\n담당자\n김가상\n"


def test_wire_dateline_on_a_byline_line_of_its_own():
    document = layout("가상시, 청년 창업 지원 확대\n(가상=가상뉴스1) 홍길동 기자 | 2024-05-02 10:15:00 송고\n"
                      "가상시는 청년 창업 지원을 늘린다고 2일 밝혔다.\n")
    assert document.reporters == [Reporter(name="홍길동", email=None)]
    assert document.published == "2024-05-02T10:15:00+09:00"
    assert zone_texts(document, "body") == ["가상시는 청년 창업 지원을 늘린다고 2일 밝혔다.\n"]


def test_present_tense_headline_above_punctuated_sentences():
    headline = "가상시 공무원 스무 명 해외 연수에 나선다"
    document = layout(f"{headline}\n가상시는 공무원 스무 명을 해외 연수에 보낸다고 3일 밝혔다.\n연수는 열흘간 이어진다.\n")
    assert document.title == headline


def test_scene_above_the_body_is_a_caption():
    document = layout("가상시, 우호도시와 협약\n두 도시 시장이 협약서에 서명하고 있다\n"
                      "가상시는 우호도시와 교류 협약을 맺었다고 3일 밝혔다.\n")
    assert zone_texts(document, "caption") == ["두 도시 시장이 협약서에 서명하고 있다\n"]
    assert document.subtitles == []


FOOTER_WIDGETS = ["<저작권자 © 가상일보 무단전재 및 재배포 금지>", "▶ 관련기사", "[관련기사]", "가상시 봄꽃 축제 개막",
                  "많이 본 뉴스", "가상시 야시장 문 연다", "좋아요 3 싫어요 0", "좋아요", "싫어요", "SNS 공유",
                  "SNS 퍼가기", "이메일 보내기", "![]() |", "*재판매 및 DB 금지"]


def test_page_footer_widgets_are_furniture():
    body = "가상시는 봄꽃 축제를 연다고 3일 밝혔다.\n"
    document = layout("가상시 봄꽃 축제\n" + body + "\n".join(FOOTER_WIDGETS) + "\n")
    furniture = "".join(zone_texts(document, "furniture"))
    assert all(widget in furniture for widget in FOOTER_WIDGETS)
    assert zone_texts(document, "body") == [body]


def test_copyright_notice_closes_the_article():
    article = ("가상시, 야시장 문 연다\n가상시는 야시장을 연다고 3일 밝혔다.\nnight@example.kr\n"
               "<저작권자(c) 가상연합, 무단 전재-재배포 금지>\n2024/05/03 10:15 송고\n\n")
    beyond = "뉴스댓글 >\n최신뉴스\n가상군, 딸기 축제 개막\n가상군은 딸기 축제를 열었다고 3일 밝혔다.\n"
    document = layout(article + beyond)
    assert zone_texts(document, "furniture") == ["<저작권자(c) 가상연합, 무단 전재-재배포 금지>\n", beyond]
    assert document.published == "2024-05-03T10:15:00+09:00"


def test_contact_block_under_the_notice_is_not_furniture():
    contact = "연락처\n가상시청 관광정책과\n윤서아 주무관\n031-000-0000\n"
    document = layout("가상시, 야시장 문 연다\n가상시는 야시장을 연다고 3일 밝혔다.\n"
                      f"Copyright ⓒ 가상시청 All rights reserved.\n{contact}\n최신뉴스\n가상군, 딸기 축제 개막\n")
    content = "".join(document.text[start:end] for start, end in document.content_ranges())
    assert "윤서아 주무관" in content and "딸기 축제" not in content


def test_captions_and_copyright_footer():
    document = layout("울산시, 태화강 정원 야간 개방\n\n▲ 야간 조명을 밝힌 태화강 정원. ⓒ 울산시 제공\n"
                      "photo_0501.jpg\n정원을 걷는 시민들 모습\n"
                      "울산시는 태화강 정원을 밤 10시까지 개방한다고 1일 밝혔다.\n"
                      "관련기사\n울산 봄꽃 축제 개막\n[ⓒ 가상일보, 무단전재 및 재배포 금지]\n")
    captions = "".join(zone_texts(document, "caption"))
    assert "야간 조명을" in captions and "정원을 걷는 시민들" in captions
    furniture = "".join(zone_texts(document, "furniture"))
    assert "무단전재" in furniture and "울산 봄꽃 축제 개막" in furniture
    assert_zones_cover(document)


@pytest.mark.parametrize("text", [
    "지난 6월 26일 페루의 5개 도시 시장이 방문했다.",
    "박 국장은 “첫 줄은 여기서 끝나고\n둘째 줄로 이어진다”고 말했다.",
    "짧은 첫 문장이다.\n이어지는 두 번째 문장도 짧다.",
])
def test_sentences_without_a_header_are_all_body(text):
    document = layout(text)
    assert document.title is None
    assert [z.kind for z in document.zones] == ["body"]


HTML_PAGE = """<!DOCTYPE html><html lang="ko"><head><meta charset="utf-8">
<title>수원시, 스마트 가로등 1천 개 설치 | 가상일보</title>
<meta property="og:title" content="수원시, 스마트 가로등 1천 개 설치">
<meta property="article:published_time" content="2024-03-05T14:20:00+09:00">
<meta name="author" content="김하늘 기자"></head><body>
<nav><a href="/">홈</a></nav><article><h1>수원시, 스마트 가로등 1천 개 설치</h1>
<p>[가상일보=김하늘 기자] 수원시는 5일 시내 주요 도로에 스마트 가로등 1천 개를 설치했다고 밝혔다.</p>
<p>시 관계자는 “시민들이 밤길을 안심하고 다닐 수 있게 하겠다”고 말했다.</p>
<p>스마트 가로등은 보행자를 감지해 밝기를 자동으로 조절하며, 비상벨과 CCTV를 함께 갖췄다.</p>
</article><footer>ⓒ 가상일보 무단전재 및 재배포 금지</footer></body></html>"""


def test_html_keeps_the_page_metadata():
    document = to_document(HTML_PAGE)
    assert document.title == "수원시, 스마트 가로등 1천 개 설치"
    assert document.published == "2024-03-05T14:20:00+09:00"
    assert document.reporters == [Reporter(name="김하늘", email=None)]
    assert "<p>" not in document.text and "수원시는 5일" in document.text
    assert zone_texts(document, "headline") == ["수원시, 스마트 가로등 1천 개 설치\n"]
    assert_zones_cover(document)


def test_content_zones_exclude_bylines_and_timestamps(seed):
    kinds = {zone.kind for zone in seed.zones}
    assert {"headline", "deck", "byline", "timestamp", "caption", "body", "furniture"} <= kinds
    assert not {"byline", "timestamp", "furniture"} & CONTENT_ZONES


@pytest.mark.parametrize("source, date", [
    ("archive/anyang-smart-city-2023-07-28.txt", "2023-07-28"),
    ("https://mobile.newsis.com/view_amp.html?ar_id=NISX20240226_0002639695", "2024-02-26"),
    ("2019_05_04_sejong.html", "2019-05-04"),
    ("archive/2023/07/28/article.txt", "2023-07-28"),   # an archive's dated folders
    ("https://cc.example.co.kr/site/data/html/2025/07/29/index.html", "2025-07-29"),
    ("https://example.com/news/amp/all/20240105/122918609/1", "2024-01-05"),  # a folder named by its day
    ("http://kr.example.cn/con/2024-11/22/content_814430.html", "2024-11-22"),  # by its month, then its day
    ("https://example.com/news/2024115/1", None),  # seven digits: an id, no day
    ("https://www.example.com/view/20141205134748522", "2014-12-05"),  # an id that opens with its day
    ("view.jsp?idxno=202409050852322290932", "2024-09-05"),
    ("view.html?idxno=20230728001", "2023-07-28"),
    ("https://www.example.com/article/1279072", None),  # an id with no day in it
    ("view.html?no=2023072", None),             # too short to be a day and an id
    ("view.html?no=20231399001", None),         # no such month
    ("a-2023-02-30.txt", None),                 # no such day
    ("dump-2023-07-28.jsonl:12", None),         # an archive's name dates the dump, not its records
    ("https://fire.example.go.kr/news/1655119?curPage=3&srchBeginDt=2023-11-21&srchEndDt=2024-11-21", None),  # a search's range
    ("list.do?startDate=20240101&endDate=20240630&seq=7", None),
    ("view.php?ud=20201026000088&sdate=20200101", "2020-10-26"),  # the article's own id still dates it
])
def test_a_dated_name_is_the_reference_date_of_an_undated_text(source, date):
    document = to_document("가상시는 라오스 공무원 9명이 시청을 찾았다고 3일 밝혔다.", source=source)
    assert str(document.reference_date) == str(date)


def test_the_text_own_date_beats_the_name_and_a_given_date_beats_both():
    text = "가상시, 연수단 맞아\n\n입력 2024.05.02 10:15\n\n가상시는 연수단을 맞았다고 2일 밝혔다."
    assert str(to_document(text, source="2023-07-28.txt").reference_date) == "2024-05-02"
    assert str(to_document(text, source="2023-07-28.txt", reference_date="2020-01-01").reference_date) == "2020-01-01"


def test_page_metadata_dates_in_other_formats_are_read():
    page = ("<html><head><meta property=\"article:published_time\" content=\"2024. 5. 3. 오후 3:12\">"
            "<meta property=\"article:modified_time\" content=\"Fri, 03 May 2024 16:00:00 +0900\">"
            "<title>시험 기사</title></head><body><article><h1>안양시 해외 대표단 방문</h1>"
            "<p>안양시는 어제 페루 대표단 5명이 시청을 방문했다고 밝혔다. 대표단은 통합관제센터를 둘러봤다.</p>"
            "<p>시 관계자는 앞으로도 교류를 이어가겠다고 말했다.</p></article></body></html>")
    document = to_document(page)
    assert (document.published, document.modified) == ("2024-05-03T15:12:00+09:00", "2024-05-03T16:00:00+09:00")
    assert document.reference_date.isoformat() == "2024-05-03"


def test_a_page_metadata_author_with_a_list_mark_is_the_bare_name():
    from extractor.ingest.html import _authors

    assert [r.name for r in _authors("- 홍길동")] == ["홍길동"]


def test_a_timestamp_in_another_zone_dates_the_article_by_its_korean_day():
    from extractor.ingest import _date_of
    from extractor.ingest.timestamp import parse_date_value

    assert str(_date_of("2024-05-03T23:30:00+00:00")) == "2024-05-04"
    assert parse_date_value("2024-05-03T23:30:00Z").isoformat() == "2024-05-04T08:30:00+09:00"
    assert parse_date_value("2024-05-03").isoformat() == "2024-05-03T00:00:00+09:00"
