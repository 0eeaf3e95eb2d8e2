from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.utils.deconstruct import deconstructible
from django.utils.functional import cached_property


@deconstructible
class PrivateStorage(FileSystemStorage):
    """Files that hold personal data (applicants' files and letters, letter attachments, the
    review's crops of personal data): outside MEDIA_ROOT, never served by URL.

    They leave the server only through views that check who is asking. It lives in core
    because requests, mailbox and review all store such files and none may import another.
    """

    @cached_property
    def base_location(self):
        default = Path(settings.MEDIA_ROOT).parent / "private"
        return str(getattr(settings, "XXGK_PRIVATE_MEDIA_ROOT", default))

    def url(self, name):
        raise ValueError("Private files have no public URL.")


private_storage = PrivateStorage()
