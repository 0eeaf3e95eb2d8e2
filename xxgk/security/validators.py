"""Validators shared by the public forms (applications, letters, complaints)."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

# ASCII digits only: other scripts' digits pass str.isdigit() but no telephone dials them.
PHONE = re.compile(r"[0-9+\-() ]{7,20}")


def validate_phone(value: str) -> str:
    """A landline or mobile number as people write it: 0570-8026123, +86 138 0013 8000."""
    value = (value or "").strip()
    if not PHONE.fullmatch(value):
        raise ValidationError(_("联系电话只能包含数字和 + - ( ) 及空格，长度为7至20位。"))
    return value
