"""System checks: a wrong FIELD_ENCRYPTION_KEY is reported by `manage.py check`, not at the
first request that reads an applicant's ID number."""

from django.core import checks
from django.core.exceptions import ImproperlyConfigured

from .fields import _fernet, _keys


@checks.register(checks.Tags.security)
def field_encryption_keys(app_configs, **kwargs):
    try:
        _fernet(_keys())
    except ImproperlyConfigured as error:
        return [checks.Error(str(error), id="xxgk.security.E001")]
    return []
