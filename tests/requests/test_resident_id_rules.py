"""The applicant's resident ID number (GB 11643-1999) is refused with the reason they can fix,
and every real birth date is accepted: from 1 January 1900 up to and including today (a
newborn's number is issued on the day of birth registration at the earliest)."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from xxgk.requests.validators import validate_resident_id

# GB 11643-1999: weights of the first 17 digits and the check character for sum mod 11.
WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
CHECK = "10X98765432"
AREA, ORDER = "330802", "123"  # an area code and an order code

LENGTH = "居民身份证号码应为18位，最后一位可以是数字或X。"
BIRTH = "居民身份证号码中的出生日期无效。"
CHECKSUM = "居民身份证号码校验位不正确，请核对。"


def with_check(first17: str) -> str:
    return first17 + CHECK[sum(int(d) * w for d, w in zip(first17, WEIGHTS, strict=True)) % 11]


def born_on(day: datetime.date) -> str:
    return with_check(f"{AREA}{day:%Y%m%d}{ORDER}")


def refusal(value: str) -> list[str]:
    with pytest.raises(ValidationError) as caught:
        validate_resident_id(value)
    return caught.value.messages


@pytest.mark.parametrize(
    "day",
    [datetime.date(1900, 1, 1), datetime.date(2000, 2, 29), datetime.date.today()],
    ids=["first-day-of-1900", "leap-day", "today"],
)
def test_every_real_birth_date_from_1900_to_today_is_accepted(day):
    number = born_on(day)
    assert validate_resident_id(number) == number


def test_a_lower_case_x_is_accepted_as_the_check_character():
    number = next(
        born_on(datetime.date(1990, 1, d))
        for d in range(1, 32)
        if born_on(datetime.date(1990, 1, d)).endswith("X")
    )
    assert validate_resident_id(number.lower()) == number


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("33080219900101123", LENGTH),  # 17 characters
        ("33080219900101123Y", LENGTH),  # a letter other than X
        (with_check(f"{AREA}19901301{ORDER}"), BIRTH),  # month 13
        (with_check(f"{AREA}19900230{ORDER}"), BIRTH),  # 30 February
        (born_on(datetime.date(1899, 12, 31)), BIRTH),  # before 1900
        (born_on(datetime.date.today() + datetime.timedelta(days=1)), BIRTH),  # tomorrow
        (with_check(f"{AREA}19900101{ORDER}")[:17] + "?", LENGTH),
    ],
    ids=["short", "letter", "month-13", "february-30", "before-1900", "tomorrow", "symbol"],
)
def test_a_wrong_number_is_refused_with_the_reason_the_applicant_can_fix(value, message):
    assert refusal(value) == [message]


def test_a_wrong_check_character_is_refused_as_such():
    number = born_on(datetime.date(1990, 1, 1))
    wrong = number[:17] + next(c for c in CHECK if c != number[17])
    assert refusal(wrong) == [CHECKSUM]
