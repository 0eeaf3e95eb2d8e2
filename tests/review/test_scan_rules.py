"""The personal-data scan's rules, one a test, with the GB 11643 checksum and the Luhn check
computed here independently (weights and check codes as the standard lists them)."""

import datetime
import io
import zipfile
from types import SimpleNamespace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.core.test_textextract import scanned_pdf
from tests.review.test_ocr import page_image, png_of
from xxgk.core.textextract import Reason
from xxgk.requests.validators import resident_id_check_char, validate_resident_id
from xxgk.review.models import ScanMethod, ScanState
from xxgk.review.scan import (
    Hit,
    html_paragraphs,
    luhn_is_valid,
    pages_label,
    resident_id_is_valid,
    scan_bytes,
    scan_content,
    scan_text,
)

# GB 11643-1999: weights of the first 17 digits, and the check code for sum mod 11 = 0…10.
GB11643_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
GB11643_CHECK = ("1", "0", "X", "9", "8", "7", "6", "5", "4", "3", "2")


def check_code(first17: str) -> str:
    return GB11643_CHECK[
        sum(int(d) * w for d, w in zip(first17, GB11643_WEIGHTS, strict=True)) % 11
    ]


def luhn(digits: str) -> bool:
    """Luhn: from the right, every second digit doubled and its digits added."""
    total = 0
    for index, char in enumerate(digits[::-1]):
        value = int(char) * (2 if index % 2 == 1 else 1)
        total += value // 10 + value % 10
    return total % 10 == 0


first17s = st.builds(
    lambda region, born, serial: f"{region}{born:%Y%m%d}{serial:03d}",
    st.integers(min_value=100000, max_value=999999),
    st.dates(min_value=datetime.date(1900, 1, 1), max_value=datetime.date(2020, 12, 31)),
    st.integers(min_value=0, max_value=999),
)


@settings(max_examples=300, deadline=None)
@given(first17s)
def test_a_resident_id_is_valid_exactly_with_its_gb11643_check_code(first17):
    right = check_code(first17)
    assert resident_id_is_valid(first17 + right)
    assert resident_id_check_char(first17) == right
    assert validate_resident_id(f" {first17}{right.lower()} ") == first17 + right
    for wrong in set(GB11643_CHECK) - {right}:
        assert not resident_id_is_valid(first17 + wrong)


@settings(max_examples=200, deadline=None)
@given(first17s)
def test_the_scan_finds_every_valid_resident_id_and_masks_it(first17):
    number = first17 + check_code(first17)
    hits = scan_text(f"学生身份证{number.lower()}。", "正文第1段")
    assert [(h.kind, h.masked) for h in hits] == [
        ("resident_id", number[:6] + "********" + number[-4:])
    ]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="0123456789", min_size=1, max_size=25))
def test_luhn_check_agrees_with_the_doubling_rule(digits):
    assert luhn_is_valid(digits) == luhn(digits)


def test_the_gb11643_example_and_lower_case_x():
    assert resident_id_is_valid("11010519491231002X")
    assert resident_id_is_valid("11010519491231002x")
    assert not resident_id_is_valid("11010519491231002")  # 17 digits
    assert not resident_id_is_valid("1101051949123100X2")  # X only as the check code


def luhn_completion(prefix: str) -> str:
    return next(prefix + d for d in "0123456789" if luhn(prefix + d))


def test_bank_cards_of_sixteen_to_nineteen_digits_are_found():
    for length in (16, 17, 18, 19):
        card = luhn_completion("6" + "2" * (length - 2))
        hits = scan_text(f"卡号 {card}", "x")
        assert [(h.kind, h.masked) for h in hits] == [
            ("bank_card", card[:4] + "*" * (length - 8) + card[-4:])
        ]


def test_fifteen_digit_numbers_are_not_bank_cards():
    assert scan_text(f"编号 {luhn_completion('6' * 14)}", "x") == []


def test_a_bank_card_written_in_groups_is_found():
    card = luhn_completion("622202123456789012")
    grouped = " ".join(card[i : i + 4] for i in range(0, len(card), 4))
    assert [h.kind for h in scan_text(f"卡号：{grouped}", "x")] == ["bank_card"]


def test_a_number_valid_as_both_id_and_card_is_reported_once_as_an_id():
    number = next(
        f"{first17}{check_code(first17)}"
        for serial in range(1000)
        for first17 in [f"33080219900307{serial:03d}"]
        if check_code(first17) != "X" and luhn(first17 + check_code(first17))
    )
    hits = scan_text(f"号码 {number}", "x")
    assert [h.kind for h in hits] == ["resident_id"]


def test_mobile_numbers_of_every_prefix_thirteen_to_nineteen_are_found():
    for second in "3456789":
        number = f"1{second}912345678"
        hits = scan_text(f"电话{number}", "x")
        assert [(h.kind, h.masked) for h in hits] == [("mobile", f"1{second}9****5678")]
    assert scan_text("电话 12912345678", "x") == []  # no mobile network starts 12


def test_a_mobile_number_with_country_code_and_dashes_is_found():
    hits = scan_text("联系 +86 199-1234-5678", "x")
    assert [(h.kind, h.masked) for h in hits] == [("mobile", "199****5678")]


def test_digits_inside_a_bank_card_are_not_also_a_mobile_number():
    card = luhn_completion("613912345678901")  # 16 digits containing 13912345678
    assert [h.kind for h in scan_text(card, "x")] == ["bank_card"]


def test_e_mail_addresses_with_two_letter_domains_are_found_and_masked():
    hits = scan_text("邮箱 li.si@qz.cn 与 a@b.c", "x")
    assert [(h.kind, h.masked) for h in hits] == [("email", "l***@qz.cn")]


def test_every_hit_says_where_it_was_found_and_what_it_is():
    hits = scan_text("zhang@example.com", "附件“名单.xlsx”工作表“Sheet1”B7")
    assert hits == [Hit("email", "z***@example.com", "附件“名单.xlsx”工作表“Sheet1”B7")]
    assert hits[0].label == "电子邮箱"
    assert hits[0].as_dict() == {
        "kind": "email",
        "masked": "z***@example.com",
        "location": "附件“名单.xlsx”工作表“Sheet1”B7",
        "label": "电子邮箱",
    }


def test_text_split_by_line_breaks_is_separate_paragraphs():
    assert html_paragraphs("一<br>二<BR/>三<br />四") == ["一", "二", "三", "四"]
    assert html_paragraphs("<h2>题</h2><div>甲</div><blockquote>乙</blockquote>") == [
        "题",
        "甲",
        "乙",
    ]
    assert html_paragraphs("") == [] and html_paragraphs(None) == []


def test_the_content_scan_names_title_summary_and_numbered_paragraphs():
    page = SimpleNamespace(
        title="a@qz.cn",
        summary="b@qz.cn",
        body="<p>无</p><p>c@qz.cn</p><br>d@qz.cn",
    )
    assert [h.location for h in scan_content(page)] == ["标题", "摘要", "正文第2段", "正文第3段"]
    empty = SimpleNamespace(title=None, summary=None, body="")
    assert scan_content(empty) == []


def test_pages_without_text_are_named_up_to_ten():
    assert pages_label([2, 5]) == "第2、5页"
    assert pages_label(list(range(1, 11))) == "第1、2、3、4、5、6、7、8、9、10页"
    assert pages_label(list(range(1, 13))) == "第1、2、3、4、5、6、7、8、9、10等页"
    assert pages_label(list(range(1, 12))) == "第1、2、3、4、5、6、7、8、9、10等页"  # one more


def test_a_check_character_is_computed_from_exactly_seventeen_digits():
    assert resident_id_check_char("11010519491231002") == "X"  # GB 11643's own example
    for wrong_length in ("1101051949123100", "110105194912310021"):
        with pytest.raises(ValueError):
            resident_id_check_char(wrong_length)


def test_an_unreadable_files_reason_detail_is_cut_to_the_255_characters_a_record_keeps():
    """A package entry that would expand too far is named in the detail; a name longer than
    the record's column is cut there, not refused by the database."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/" + "长" * 300 + ".xml", b"\0" * 2_000_000)
    result = scan_bytes(buffer.getvalue(), "bomb.docx", "bomb.docx")
    assert result.state == "unscannable" and result.reason == "too_large"
    assert len(result.detail) == 255
    assert result.detail.startswith("word/长长")


# Without OCR (the office has turned it off, or no engine is installed) a page without a
# text layer cannot be read at all: never "scanned", and the reviewer is told which pages.


def test_without_ocr_a_pdf_with_pictures_for_pages_is_unscannable_and_names_those_pages():
    result = scan_bytes(scanned_pdf(pages_with_text=(1,)), "mixed.pdf", "名单.pdf")
    assert (result.state, result.reason, result.detail) == (
        ScanState.UNSCANNABLE,
        Reason.NO_TEXT_LAYER,
        "第2、3页",
    )
    # The page with text is still read: its mobile number is reported.
    assert [(hit.kind, hit.location) for hit in result.hits] == [("mobile", "附件“名单.pdf”第1页")]


def test_without_ocr_a_pdf_of_pictures_only_is_unscannable_with_nothing_found():
    result = scan_bytes(scanned_pdf(), "scan.pdf", "扫描件.pdf")
    assert (result.state, result.reason, result.detail, result.hits) == (
        ScanState.UNSCANNABLE,
        Reason.NO_TEXT_LAYER,
        "",
        [],
    )


def test_without_ocr_a_photo_is_unscannable_for_want_of_a_text_layer():
    result = scan_bytes(png_of(page_image(["13812345678"])), "photo.png", "照片.png")
    assert (result.state, result.reason, result.detail, result.hits) == (
        ScanState.UNSCANNABLE,
        Reason.NO_TEXT_LAYER,
        "",
        [],
    )


def test_a_pdf_with_text_on_every_page_is_scanned_from_its_text_layer():
    result = scan_bytes(scanned_pdf(pages_with_text=(1, 2, 3)), "list.pdf", "名单.pdf")
    assert (result.state, result.method) == (ScanState.SCANNED, ScanMethod.TEXT)
    assert [hit.location for hit in result.hits] == [
        "附件“名单.pdf”第1页",
        "附件“名单.pdf”第2页",
        "附件“名单.pdf”第3页",
    ]


def test_every_mobile_number_of_a_text_is_reported_not_only_the_first():
    hits = scan_text("联系人：张老师 13812345678，李老师 15987654321。", "第1段")
    assert [(hit.kind, hit.masked) for hit in hits] == [
        ("mobile", "138****5678"),
        ("mobile", "159****4321"),
    ]
