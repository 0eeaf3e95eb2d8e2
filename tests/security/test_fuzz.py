"""Property tests of every validator and of the public forms: whatever arrives, the answer is a
valid value or a Chinese validation error, never an exception of another kind or a 500."""

import datetime
import string
import unicodedata

import pytest
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from tests.requests.conftest import applicant
from xxgk.core.forms import StatsForm
from xxgk.mailbox.forms import LetterForm
from xxgk.requests.forms import PublicApplicationForm, StaffApplicationForm
from xxgk.requests.validators import (
    credit_code_check_char,
    resident_id_check_char,
    validate_credit_code,
    validate_resident_id,
)
from xxgk.security.public_forms import (
    QUERY_CODE_ALPHABET,
    hash_query_code,
    new_query_code,
    normalise_code,
    query_code_matches,
)
from xxgk.security.uploads import safe_filename
from xxgk.security.validators import PHONE

fuzz = settings(max_examples=80, deadline=None)
# Form and request examples touch the database: fewer, and the fixture is shared on purpose.
fuzz_db = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
CREDIT_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"

anything = st.text(max_size=60)
births = st.dates(min_value=datetime.date(1900, 1, 1), max_value=datetime.date.today())


def is_chinese_message(error: ValidationError) -> bool:
    return all(any("\u4e00" <= ch <= "\u9fff" for ch in m) for m in error.messages)


# --- identity numbers --------------------------------------------------------------------


@fuzz
@given(region=st.from_regex(r"\d{6}", fullmatch=True), born=births, seq=st.integers(0, 999))
def test_every_well_formed_resident_id_passes_and_every_wrong_check_char_fails(region, born, seq):
    first17 = f"{region}{born:%Y%m%d}{seq:03d}"
    good = first17 + resident_id_check_char(first17)
    assert validate_resident_id(f" {good.lower()} ") == good
    for wrong in set("0123456789X") - {good[-1]}:
        with pytest.raises(ValidationError, match="校验位"):
            validate_resident_id(first17 + wrong)


@fuzz
@given(anything)
def test_resident_id_of_any_text_is_valid_or_a_chinese_error(text):
    try:
        value = validate_resident_id(text)
    except ValidationError as error:
        assert is_chinese_message(error)
    else:
        assert len(value) == 18 and value[:17].isdigit()
        assert value[17] == resident_id_check_char(value[:17])


@fuzz
@given(st.text(alphabet=CREDIT_ALPHABET, min_size=17, max_size=17))
def test_every_credit_code_with_its_check_char_passes(first17):
    good = first17 + credit_code_check_char(first17)
    assert validate_credit_code(good.lower()) == good
    for wrong in set(CREDIT_ALPHABET) - {good[-1]}:
        with pytest.raises(ValidationError):
            validate_credit_code(first17 + wrong)


@fuzz
@given(anything)
def test_credit_code_of_any_text_is_valid_or_a_chinese_error(text):
    try:
        value = validate_credit_code(text)
    except ValidationError as error:
        assert is_chinese_message(error)
    else:
        assert value[17] == credit_code_check_char(value[:17])


# --- phone numbers and dates -------------------------------------------------------------

PHONE_CHARS = string.digits + "+-() "


@pytest.mark.django_db
@fuzz_db
@given(phone=st.one_of(anything, st.text(alphabet=PHONE_CHARS, max_size=40)))
def test_application_phone_is_valid_or_reported(phone):
    from tests.mailbox.helpers import solved_challenge

    data = {**applicant(phone=phone), "token": "t" * 32, "consent": "on", **solved_challenge()}
    form = PublicApplicationForm(data=data)
    valid = form.is_valid()
    assert valid == bool(PHONE.fullmatch(phone.strip())), form.errors
    if not valid:
        assert "phone" in form.errors and is_chinese_message(ValidationError(form.errors["phone"]))


@pytest.mark.django_db
@fuzz_db
@given(phone=st.one_of(anything, st.text(alphabet=PHONE_CHARS, max_size=40)))
def test_letter_phone_is_valid_or_reported(phone, mailbox, letter_data):
    form = LetterForm(data={**letter_data, "phone": phone}, mailbox=mailbox)
    form.is_valid()
    acceptable = not phone.strip() or PHONE.fullmatch(phone.strip())
    assert ("phone" not in form.errors) == bool(acceptable)


@pytest.mark.django_db
@fuzz_db
@given(day=st.dates(min_value=datetime.date(1990, 1, 1), max_value=datetime.date(2100, 1, 1)))
def test_staff_received_date_never_in_the_future(day):
    form = StaffApplicationForm(
        data={**applicant(), "channel": "letter", "received_on": day.isoformat()}
    )
    assert form.is_valid() == (day <= timezone.localdate())


@fuzz
@given(start=st.dates(), end=st.dates())
def test_statistics_period_is_ordered_and_bounded(start, end):
    form = StatsForm({"start": start.isoformat(), "end": end.isoformat()})
    assert form.is_valid() == (start <= end and (end - start).days <= 3 * 366)


@fuzz
@given(start=anything, end=anything)
def test_statistics_period_of_any_text_is_a_form_error_not_an_exception(start, end):
    form = StatsForm({"start": start, "end": end})
    if not form.is_valid():
        assert form.errors


@pytest.mark.django_db
@fuzz_db
@given(start=anything, end=anything)
def test_request_statistics_with_any_dates_never_500(start, end, client, office):
    client.force_login(office)
    response = client.get(reverse("requests_admin:statistics"), {"start": start, "end": end})
    assert response.status_code in (200, 404)


# --- file names --------------------------------------------------------------------------


@fuzz
@given(st.text(max_size=300))
def test_safe_filename_has_no_path_or_control_characters(name):
    clean = safe_filename(name)
    assert clean and len(clean) <= 100
    assert not set(clean) & set('/\\\x00:*?"<>|') and not clean.startswith(".")
    assert all(unicodedata.category(c)[0] != "C" for c in clean)
    assert safe_filename(clean) == clean


@fuzz
@given(
    directories=st.lists(st.sampled_from(["..", ".", "etc", "C:", "~"]), max_size=5),
    stem=st.text(alphabet=string.ascii_letters + "中文", min_size=1, max_size=20),
    extension=st.sampled_from(["pdf", "PDF", "docx", "png"]),
)
def test_safe_filename_keeps_stem_and_extension_and_drops_directories(directories, stem, extension):
    for separator in ("/", "\\"):
        raw = separator.join([*directories, f"{stem}.{extension}"])
        assert safe_filename(raw) == f"{stem}.{extension.lower()}"


# --- query codes -------------------------------------------------------------------------

codes = st.text(alphabet=QUERY_CODE_ALPHABET, min_size=10, max_size=10)


@fuzz
@given(code=codes, number=st.from_regex(r"[A-Z]{2,3}-20\d\d-\d{6}", fullmatch=True))
def test_query_codes_match_however_they_are_typed(code, number):
    stored = hash_query_code(number, code)
    full_width = "".join(chr(ord(c) + 0xFEE0) for c in code.lower())
    for typed in (code, code.lower(), f"  {code[:4]} {code[4:]} ", full_width):
        assert query_code_matches(number, typed, stored)
    assert query_code_matches(number.lower(), code, stored)


@fuzz
@given(code=codes, other=codes, number=st.from_regex(r"YSQ-20\d\d-\d{6}", fullmatch=True))
def test_query_codes_never_match_another_code_or_number(code, other, number):
    assume(other != code)
    stored = hash_query_code(number, code)
    assert not query_code_matches(number, other, stored)
    assert not query_code_matches(number[:-1] + str((int(number[-1]) + 1) % 10), code, stored)


TYPED = QUERY_CODE_ALPHABET + QUERY_CODE_ALPHABET.lower() + "０１２３ＡＢＣａｂｃ \u3000"


@fuzz
@given(st.text(alphabet=TYPED, max_size=20))
def test_typed_codes_normalise_to_plain_upper_case_once_and_for_all(text):
    normal = normalise_code(text)
    assert normalise_code(normal) == normal
    assert all(c in QUERY_CODE_ALPHABET + "01" for c in normal)


@fuzz
@given(anything)
def test_any_typed_code_is_checked_without_error(text):
    stored = hash_query_code("YSQ-2026-000001", new_query_code())
    assert query_code_matches("YSQ-2026-000001", text, stored) is False


# --- the public forms, end to end --------------------------------------------------------

APPLICATION_TEXT_FIELDS = [
    "name",
    "contact_person",
    "id_number",
    "phone",
    "email",
    "address",
    "postcode",
    "description",
]
LETTER_TEXT_FIELDS = ["writer_name", "phone", "email", "subject", "message"]
COMPLAINT_TEXT_FIELDS = ["subject", "message", "name", "phone", "email", "page_url"]


@pytest.mark.django_db
@fuzz_db
@given(field=st.sampled_from(APPLICATION_TEXT_FIELDS), text=st.text(max_size=300))
def test_application_form_with_any_text_is_stored_or_refused(field, text, client):
    from tests.mailbox.helpers import solved_challenge

    cache.clear()
    data = {**applicant(**{field: text}), "token": new_query_code() * 2, "consent": "on"}
    form_ok = PublicApplicationForm(data={**data, **solved_challenge()}).is_valid()
    response = client.post(reverse("requests:apply"), {**data, **solved_challenge()})
    assert response.status_code == (302 if form_ok else 400)


@pytest.mark.django_db
@fuzz_db
@given(field=st.sampled_from(LETTER_TEXT_FIELDS), text=st.text(max_size=300))
def test_letter_form_with_any_text_is_stored_or_refused(field, text, client, mailbox, letter_data):
    from tests.mailbox.helpers import solved_challenge

    cache.clear()
    data = {**letter_data, field: text, **solved_challenge()}
    response = client.post(reverse("mailbox:write", args=[mailbox.slug]), data)
    assert response.status_code in (302, 400)
    if response.status_code == 400:
        assert response.context["form"].errors


@pytest.mark.django_db
@fuzz_db
@given(field=st.sampled_from(COMPLAINT_TEXT_FIELDS), text=st.text(max_size=300))
def test_complaint_form_with_any_text_is_stored_or_refused(field, text, client):
    from tests.mailbox.helpers import solved_challenge

    cache.clear()
    data = {
        "kind": "late",
        "subject": "招生章程未按时公开",
        "message": "2022年招生章程在招生开始后仍未公开。",
        field: text,
        **solved_challenge(),
    }
    response = client.post(reverse("complaints:submit"), data)
    assert response.status_code in (302, 400)
