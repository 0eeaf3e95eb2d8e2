from tests.review.conftest import VALID_ID
from xxgk.review.scan import (
    html_paragraphs,
    luhn_is_valid,
    resident_id_is_valid,
    scan_text,
)

VALID_CARD = "6222021234567890128"  # 19 digits, Luhn-valid


def test_resident_id_checksum():
    assert resident_id_is_valid(VALID_ID)
    assert not resident_id_is_valid("110105194912310021")


def test_luhn():
    assert luhn_is_valid(VALID_CARD)
    assert not luhn_is_valid("6222021234567890127")


def test_scan_finds_each_kind_with_location_and_masks():
    text = f"张三 {VALID_ID}，电话 138-1234-5678，卡号 {VALID_CARD}，邮箱 zhang@example.com"
    hits = scan_text(text, "正文第2段")
    kinds = {hit.kind: hit for hit in hits}
    assert set(kinds) == {"resident_id", "mobile", "bank_card", "email"}
    assert kinds["resident_id"].masked == "110105********002X"
    assert kinds["mobile"].masked == "138****5678"
    assert kinds["bank_card"].masked.startswith("6222") and kinds["bank_card"].masked.endswith(
        "0128"
    )
    assert kinds["email"].masked == "z***@example.com"
    assert all(hit.location == "正文第2段" for hit in hits)


def test_scan_ignores_invalid_numbers():
    # A wrong ID checksum, a non-Luhn 16-digit number and an index number are not hits.
    text = "110105194912310021 1234567812345678 QZXY-2022-07-0001 0570-8026001"
    assert scan_text(text, "x") == []


def test_html_paragraphs_are_numbered_in_order():
    assert html_paragraphs("<p>一</p><p>二 &amp; 三</p><ul><li>四</li></ul>") == [
        "一",
        "二 & 三",
        "四",
    ]
