"""Wagtail's document form with the shared upload check (WAGTAILDOCS_DOCUMENT_FORM_BASE)."""

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from wagtail.documents.forms import BaseDocumentForm

from xxgk.security.uploads import safe_filename, validate_upload


class SafeDocumentForm(BaseDocumentForm):
    """Every new document file is sniffed and stored under a sanitized name."""

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if isinstance(upload, UploadedFile):
            validate_upload(
                upload,
                extensions=settings.WAGTAILDOCS_EXTENSIONS,
                max_bytes=settings.XXGK_DOCUMENT_MAX_BYTES,
            )
            upload.name = safe_filename(upload.name)
        return upload
