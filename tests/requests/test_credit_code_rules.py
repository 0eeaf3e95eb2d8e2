"""The unified social credit code (统一社会信用代码) an organisation applies with, checked as
GB 32100-2015 defines it: 18 characters from the 31-character alphabet without I, O, Z, S
and V, and a check character C18 = 31 − (Σ Ci × Wi mod 31), 31 written as 0, where the weight
of position i is 3^(i−1) mod 31. The expected values here come from that definition, written
out again independently of the code under test."""

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

from xxgk.requests.validators import validate_credit_code

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"  # GB 32100: digits and letters without I O Z S V


def check_character(first17: str) -> str:
    total = sum(ALPHABET.index(c) * pow(3, i, 31) for i, c in enumerate(first17))
    remainder = 31 - total % 31
    return ALPHABET[0 if remainder == 31 else remainder]


codes = st.text(alphabet=ALPHABET, min_size=17, max_size=17)


@given(codes)
def test_a_code_with_the_right_check_character_is_accepted(first17):
    code = first17 + check_character(first17)
    assert validate_credit_code(f" {code.lower()} ") == code


@given(codes, st.sampled_from(ALPHABET))
def test_any_other_check_character_is_refused_in_chinese(first17, wrong):
    if wrong == check_character(first17):
        wrong = ALPHABET[(ALPHABET.index(wrong) + 1) % 31]
    with pytest.raises(ValidationError) as refused:
        validate_credit_code(first17 + wrong)
    assert refused.value.messages == ["统一社会信用代码校验位不正确，请核对。"]


@pytest.mark.parametrize(
    "value",
    ["91330800MA2XXXXX1", "91330800MA2XXXXX1XX", "91330800MA2XXXXXIO", "91330800MA2XX-XX1Y"],
)
def test_a_code_of_the_wrong_shape_is_refused_naming_the_rule(value):
    with pytest.raises(ValidationError) as refused:
        validate_credit_code(value)
    assert refused.value.messages == [
        "统一社会信用代码应为18位数字或大写字母（不含I、O、Z、S、V）。"
    ]
