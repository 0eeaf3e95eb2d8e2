"""Signals the review sends to apps above it, which it must not import."""

from django.dispatch import Signal

# The scan of a page's attachments finished and OCR read text from at least one of them.
# Sent with ``page_id``; the search index adds that text (a reviewer may have approved,
# having read the file themselves, before the scan ended).
attachment_text_read = Signal()
