"""Protections shared by every public form: applications, letters, complaints, votes, surveys.

No external service: a honeypot field, an arithmetic question written in Chinese numerals
whose answer the page does not carry (single use), cache-based rate limits per client,
hashed client fingerprints so that no raw IP address is stored, and query codes that are
shown once and kept only as a keyed hash, checked in constant time.
"""

import hashlib
import hmac
import secrets
import unicodedata

from django import forms
from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.utils import timezone
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from xxgk.core.client import client_ip
from xxgk.security.uploads import safe_filename, validate_upload

CHALLENGE_SALT = "xxgk.intake.challenge"
CHALLENGE_MAX_AGE = 2 * 60 * 60
CHINESE_DIGITS = "零一二三四五六七八九"
QUERY_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
QUERY_CODE_LENGTH = 10
HONEYPOT_FIELD = "website"
ENGLISH_DIGITS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
TOO_MANY = gettext_lazy("提交过于频繁，请稍后再试。")

# Checked by xxgk.security.uploads (extension, size, sniffed content).
ATTACHMENT_TYPES = ("docx", "jpeg", "jpg", "pdf", "png", "xlsx")
MAX_ATTACHMENTS = 3
MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024


# --- clients ---------------------------------------------------------------------------------


def _client(request) -> str:
    """The client's address for limits and fingerprints (one shared bucket if it has none)."""
    return client_ip(request) or "unknown"


def keyed_hash(*parts: str, key: str | None = None) -> str:
    message = "\x1f".join(parts).encode()
    return hmac.new((key or settings.SECRET_KEY).encode(), message, hashlib.sha256).hexdigest()


def client_digest(request, scope: str, *parts: str) -> str:
    """A keyed hash of IP + user agent (+ parts): comparable, not reversible to an address."""
    return keyed_hash(scope, _client(request), request.META.get("HTTP_USER_AGENT", ""), *parts)


def client_fingerprint(request, *, day=None) -> str:
    """The client of one day, as stored with votes and survey answers."""
    return client_digest(request, "fp", str(day or timezone.localdate()))


# --- rate limits -----------------------------------------------------------------------------


def _rate_key(request, scope: str) -> str:
    return f"xxgk:rl:{scope}:{keyed_hash('rl', _client(request))[:32]}"


def exceeded(request, scope: str, *, limit: int) -> bool:
    """Whether this client has used up `scope` already (nothing is counted)."""
    if not settings.XXGK_PUBLIC_FORM_RATE_LIMITS:
        return False
    return (cache.get(_rate_key(request, scope)) or 0) >= limit


def record(request, scope: str, *, window: int) -> int:
    """Count one event for this client in `scope`; returns the count in the current window."""
    key = _rate_key(request, scope)
    if cache.add(key, 1, timeout=window):
        return 1
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=window)
        return 1


def rate_limited(request, scope: str, *, limit: int, window: int) -> bool:
    """Count one hit for this client in `scope`; True once more than `limit` fall in `window` s."""
    if not settings.XXGK_PUBLIC_FORM_RATE_LIMITS:
        return False
    return record(request, scope, window=window) > limit


# --- query codes -----------------------------------------------------------------------------


def new_query_code() -> str:
    return "".join(secrets.choice(QUERY_CODE_ALPHABET) for _ in range(QUERY_CODE_LENGTH))


def normalise_code(code: str) -> str:
    """Forgive case, full-width characters and spaces, as people copy codes from letters."""
    return unicodedata.normalize("NFKC", code or "").strip().upper().replace(" ", "")


def hash_query_code(number: str, code: str, *, key: str | None = None) -> str:
    return keyed_hash("query-code", normalise_code(number), normalise_code(code), key=key)


def query_code_matches(number: str, code: str, stored_hash: str) -> bool:
    """Constant-time check; codes issued before a SECRET_KEY rotation keep working."""
    keys = [settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", [])]
    results = [
        hmac.compare_digest(hash_query_code(number, code, key=key), stored_hash or "")
        for key in keys
    ]
    return any(results)


# Compared against when the number does not exist, so that both failures take the same time.
_NO_SUCH_NUMBER = "0" * 64


def find_by_query_code(queryset, number: str, code: str):
    """The object with this number if the code matches; one answer for every kind of failure."""
    number = normalise_code(number)
    found = queryset.filter(number=number).first()
    stored = found.query_code_hash if found is not None else _NO_SUCH_NUMBER
    matches = query_code_matches(number, code, stored)
    return found if matches and found is not None else None


# --- honeypot and challenge ------------------------------------------------------------------


def honeypot_tripped(data) -> bool:
    """A person never fills the hidden field; a form-filling robot usually does."""
    return bool((data.get(HONEYPOT_FIELD) or "").strip())


def _chinese_number(n: int) -> str:
    if n < 10:
        return CHINESE_DIGITS[n]
    tens, ones = divmod(n, 10)
    return ("十" if tens == 1 else CHINESE_DIGITS[tens] + "十") + (
        CHINESE_DIGITS[ones] if ones else ""
    )


def _answer_digest(nonce: str, answer: str) -> str:
    return keyed_hash("challenge", nonce, answer)


def new_challenge() -> tuple[str, str]:
    """A single-use question and its token. The token (signed, readable by anyone who
    base64-decodes it) holds a nonce and a keyed hash of the answer, never the numbers, so
    the answer cannot be read from the page; nothing is kept on the server until it is used."""
    a, b = secrets.randbelow(9) + 1, secrets.randbelow(9) + 1
    nonce = secrets.token_hex(8)
    token = signing.dumps({"n": nonce, "h": _answer_digest(nonce, str(a + b))}, salt=CHALLENGE_SALT)
    if (get_language() or "").startswith("en"):
        words = ENGLISH_DIGITS[a], ENGLISH_DIGITS[b]
    else:
        words = _chinese_number(a), _chinese_number(b)
    return token, _("%(a)s加%(b)s等于几？") % {"a": words[0], "b": words[1]}


def challenge_answered(token: str, answer: str) -> bool:
    """Whether `answer` is right for the question of `token`. Raises ValidationError for a
    token that is forged, expired or already used: each question gets one try."""
    try:
        payload = signing.loads(token or "", salt=CHALLENGE_SALT, max_age=CHALLENGE_MAX_AGE)
        nonce, digest = str(payload["n"]), str(payload["h"])
    except (signing.BadSignature, KeyError, TypeError):
        raise forms.ValidationError(_("验证问题已过期，请回答新的验证问题。")) from None
    if not cache.add(f"xxgk:challenge-used:{nonce}", 1, CHALLENGE_MAX_AGE):
        raise forms.ValidationError(_("该验证问题已使用过，请回答新的验证问题。"))
    answer = unicodedata.normalize("NFKC", answer or "").strip()
    return hmac.compare_digest(_answer_digest(nonce, answer), digest)


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several uploads under one name, checked against the allow-list, size and signature,
    and renamed to a safe name (no directories, no odd characters) before anything is stored.

    The limits are attributes so that a form can set them from settings at request time.
    """

    widget = MultipleFileInput

    def __init__(
        self,
        *,
        extensions=ATTACHMENT_TYPES,
        max_bytes=MAX_ATTACHMENT_BYTES,
        max_count=MAX_ATTACHMENTS,
        **kwargs,
    ):
        super().__init__(**kwargs)
        self.extensions, self.max_bytes, self.max_count = extensions, max_bytes, max_count

    def clean(self, data, initial=None):
        files = [f for f in (data if isinstance(data, list | tuple) else [data]) if f]
        if self.required and not files:
            raise forms.ValidationError(self.error_messages["required"], code="required")
        if len(files) > self.max_count:
            raise forms.ValidationError(_("最多上传 %(n)d 个附件。") % {"n": self.max_count})
        for upload in files:
            self.to_python(upload)
            validate_upload(upload, extensions=self.extensions, max_bytes=self.max_bytes)
            upload.name = safe_filename(upload.name)
        return files


class ProtectedForm(forms.Form):
    """A public form with a honeypot and a single-use arithmetic question.

    The three protection fields are rendered by security/protection.html, which always
    shows a fresh question, also when the form comes back with errors.
    """

    website = forms.CharField(
        required=False,
        label=gettext_lazy("网站（请勿填写）"),
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    challenge = forms.CharField(widget=forms.HiddenInput)
    challenge_answer = forms.CharField(
        label=gettext_lazy("验证问题"),
        max_length=4,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off", "size": 4}),
        error_messages={"required": gettext_lazy("请回答验证问题。")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.refresh_challenge()

    def refresh_challenge(self):
        """Every rendering asks a new question (see security/protection.html)."""
        self.challenge_token, self.challenge_question = new_challenge()

    def clean(self):
        cleaned = super().clean()
        if honeypot_tripped(cleaned):
            raise forms.ValidationError(_("提交未通过校验，请刷新页面后重试。"))
        if self.errors:
            return cleaned
        if not challenge_answered(self.data.get("challenge", ""), cleaned["challenge_answer"]):
            self.add_error("challenge_answer", _("验证问题回答不正确。"))
        return cleaned


# --- running a public POST -------------------------------------------------------------------


def accept_submission(request, form, *, scope: str, limit: int, window: int, save):
    """Run a public form's POST: rate limit, validate, then save.

    Returns (saved object, 200) once `save(cleaned_data)` has committed, or (None, status)
    with the errors on the form: 429 when over the limit, 400 for invalid input.
    """
    if rate_limited(request, scope, limit=limit, window=window):
        form.is_valid()
        form.add_error(None, TOO_MANY)
        status = 429
    elif form.is_valid():
        return save(form.cleaned_data), 200
    else:
        status = 400
    if isinstance(form, ProtectedForm):
        form.refresh_challenge()
    return None, status


def track_submission(request, form, *, scope: str, lookup):
    """Look a submission up by number and query code, rate-limited against guessing."""
    if request.method != "POST":
        return None, 200
    if rate_limited(request, scope, limit=20, window=600):
        form.is_valid()
        form.add_error(None, _("查询过于频繁，请十分钟后再试。"))
        return None, 429
    if not form.is_valid():
        return None, 400
    found = lookup(form.cleaned_data["number"], form.cleaned_data["code"])
    if found is None:
        form.add_error(None, _("编号或查询码不正确，请核对后重试。"))
        return None, 404
    return found, 200
