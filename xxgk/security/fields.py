"""Personal data encrypted at rest, and a keyed blind index for the few lookups it needs.

Keys come from ``settings.FIELD_ENCRYPTION_KEYS`` (the environment's ``FIELD_ENCRYPTION_KEY``,
comma-separated Fernet keys, newest first). Values are encrypted with the first key and
decrypted with any of them (MultiFernet), so a key is rotated by putting a new one in front
and running ``manage.py reencrypt_personal_data``; then the old one can be dropped.

Encryption is randomised, so the database cannot compare ciphertexts. A lookup by value
(e.g. "applications by this ID number this month") goes through a ``BlindIndexField``: an
HMAC of the normalised value under a key derived from the encryption key, never reversible
and useless without the key.
"""

import hashlib
import hmac
import unicodedata
from functools import lru_cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import models


class DecryptionError(ImproperlyConfigured):
    """A stored value no configured key can open: FIELD_ENCRYPTION_KEY lost its old key."""


@lru_cache(maxsize=4)
def _fernet(keys: tuple[str, ...]) -> MultiFernet:
    try:
        return MultiFernet([Fernet(key.encode()) for key in keys])
    except (ValueError, TypeError) as error:
        raise ImproperlyConfigured(
            "FIELD_ENCRYPTION_KEY must be comma-separated Fernet keys (Fernet.generate_key())."
        ) from error


def _keys() -> tuple[str, ...]:
    keys = tuple(settings.FIELD_ENCRYPTION_KEYS)
    if not keys:
        raise ImproperlyConfigured("FIELD_ENCRYPTION_KEY is not set.")
    return keys


def encrypt(value: str) -> str:
    return _fernet(_keys()).encrypt(value.encode()).decode()


def decrypt(token: str) -> str:
    try:
        return _fernet(_keys()).decrypt(token.encode()).decode()
    except InvalidToken:
        raise DecryptionError(
            "An encrypted field cannot be decrypted with any FIELD_ENCRYPTION_KEY."
        ) from None


def _index_key(key: str) -> bytes:
    return hmac.new(key.encode(), b"xxgk blind index", hashlib.sha256).digest()


def _normalise(parts) -> bytes:
    text = "\x1f".join(unicodedata.normalize("NFKC", str(p)).strip().upper() for p in parts)
    return text.encode()


def blind_index(*parts) -> str:
    """The index of a value under the current key ('' for an empty value)."""
    if not any(parts[-1:]):
        return ""
    return hmac.new(_index_key(_keys()[0]), _normalise(parts), hashlib.sha256).hexdigest()


def blind_index_candidates(*parts) -> list[str]:
    """The value's index under every configured key: matches rows written before a rotation."""
    if not any(parts[-1:]):
        return []
    message = _normalise(parts)
    return [hmac.new(_index_key(k), message, hashlib.sha256).hexdigest() for k in _keys()]


class EncryptedCharField(models.CharField):
    """A CharField whose value is stored as a Fernet token.

    ``max_length`` limits the plain value (forms, validation); the column is a text column
    since the token is several times longer. Empty values stay empty, so that "not given" and
    erased values need no key. Encrypted columns cannot be filtered or ordered on.
    """

    def get_internal_type(self):
        return "TextField"

    def db_type(self, connection):
        return models.TextField().db_type(connection)

    def from_db_value(self, value, expression, connection):
        if not value:
            return value
        return decrypt(value)

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        if not value:
            return value
        return encrypt(value)


class BlindIndexField(models.CharField):
    """The keyed hash of other fields of the row, set on every save.

    ``of`` names the fields, e.g. ``["id_type", "id_number"]``; the index is empty when the
    last of them is. Query with ``field__in=blind_index_candidates(...)``.
    """

    def __init__(self, *args, of=(), **kwargs):
        self.of = list(of)
        kwargs.setdefault("max_length", 64)
        kwargs.setdefault("editable", False)
        kwargs.setdefault("blank", True)
        kwargs.setdefault("db_index", True)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs["of"] = self.of
        for key, default in (("max_length", 64), ("editable", False), ("blank", True)):
            if kwargs.get(key, default) == default:
                kwargs.pop(key, None)
        if kwargs.get("db_index") is True:
            kwargs.pop("db_index")
        else:
            kwargs["db_index"] = False
        return name, path, args, kwargs

    def pre_save(self, model_instance, add):
        value = blind_index(*(getattr(model_instance, name) for name in self.of))
        setattr(model_instance, self.attname, value)
        return value


def _raw_rows(Model, connection, columns):
    table = connection.ops.quote_name(Model._meta.db_table)
    names = ", ".join(connection.ops.quote_name(c) for c in ["id", *columns])
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {names} FROM {table}")
        return cursor.fetchall()


def encrypt_in_place(Model, connection, fields, *, index=None):
    """For data migrations: encrypt the plain values a column already holds.

    The values are read behind the ORM's back (its converters would try to decrypt them);
    the ORM's update then encrypts. ``index`` = (index field, [fields it covers]).
    """
    covered = index[1] if index else []
    extra = [name for name in covered if name not in fields]
    for pk, *values in _raw_rows(Model, connection, [*fields, *extra]):
        row = dict(zip([*fields, *extra], values, strict=True))
        changes = {name: row[name] or "" for name in fields}
        if index:
            changes[index[0]] = blind_index(*(row[name] or "" for name in covered))
        Model.objects.filter(pk=pk).update(**changes)


def decrypt_in_place(Model, connection, fields):
    """The reverse of encrypt_in_place: plain values back into the columns."""
    table = connection.ops.quote_name(Model._meta.db_table)
    assignments = ", ".join(f"{connection.ops.quote_name(name)} = %s" for name in fields)
    rows = _raw_rows(Model, connection, fields)
    with connection.cursor() as cursor:
        for pk, *values in rows:
            plain = [decrypt(v) if v else "" for v in values]
            cursor.execute(f"UPDATE {table} SET {assignments} WHERE id = %s", [*plain, pk])
