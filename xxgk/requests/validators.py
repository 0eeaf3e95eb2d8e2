"""Identity numbers: the resident ID (GB 11643-1999) and the unified social credit code
(GB 32100-2015) carry check characters, so typing errors are caught before submission."""

import datetime
import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

_ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
_ID_CHECK = "10X98765432"
_CREDIT_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]


def resident_id_check_char(first17: str) -> str:
    return _ID_CHECK[sum(int(c) * w for c, w in zip(first17, _ID_WEIGHTS, strict=True)) % 11]


def validate_resident_id(value: str) -> str:
    value = value.strip().upper()
    if not re.fullmatch(r"\d{17}[\dX]", value):
        raise ValidationError(_("居民身份证号码应为18位，最后一位可以是数字或X。"))
    try:
        born = datetime.date(int(value[6:10]), int(value[10:12]), int(value[12:14]))
    except ValueError:
        raise ValidationError(_("居民身份证号码中的出生日期无效。")) from None
    if born.year < 1900 or born > datetime.date.today():
        raise ValidationError(_("居民身份证号码中的出生日期无效。"))
    if resident_id_check_char(value[:17]) != value[17]:
        raise ValidationError(_("居民身份证号码校验位不正确，请核对。"))
    return value


def credit_code_check_char(first17: str) -> str:
    pairs = zip(first17, _CREDIT_WEIGHTS, strict=True)
    total = sum(_CREDIT_ALPHABET.index(c) * w for c, w in pairs)
    return _CREDIT_ALPHABET[(31 - total % 31) % 31]


def validate_credit_code(value: str) -> str:
    value = value.strip().upper()
    if not re.fullmatch(f"[{_CREDIT_ALPHABET}]{{18}}", value):
        raise ValidationError(_("统一社会信用代码应为18位数字或大写字母（不含I、O、Z、S、V）。"))
    if credit_code_check_char(value[:17]) != value[17]:
        raise ValidationError(_("统一社会信用代码校验位不正确，请核对。"))
    return value
