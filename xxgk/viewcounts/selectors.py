from xxgk.disclosures.models import DisclosurePage, PageViewCount

from . import buffer


def stored_count(page_id: int) -> int:
    return (
        PageViewCount.objects.filter(page_id=page_id).values_list("count", flat=True).first() or 0
    )


def current_count(page_id: int) -> int:
    """The number shown: the database's count plus the views still buffered."""
    return stored_count(page_id) + buffer.get_buffer().pending(page_id)


def is_countable(page_id: int) -> bool:
    """Only live disclosures have a view count."""
    return DisclosurePage.objects.live().filter(pk=page_id).exists()
