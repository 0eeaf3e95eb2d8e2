from . import buffer
from .models import PageViewCount


def stored_count(page_id: int) -> int:
    return (
        PageViewCount.objects.filter(page_id=page_id).values_list("count", flat=True).first() or 0
    )


def current_count(page_id: int) -> int:
    """The number shown: the database's count plus the views still buffered."""
    return stored_count(page_id) + buffer.get_buffer().pending(page_id)


# The page models whose live pages have a view count, filled by the apps that own them
# (disclosures) from their AppConfig.ready(): viewcounts sits below them.
_COUNTABLE = []


def register_countable(page_model) -> None:
    if page_model not in _COUNTABLE:
        _COUNTABLE.append(page_model)


def is_countable(page_id: int) -> bool:
    """Only live pages of a registered model (disclosures) have a view count."""
    return any(model.objects.live().filter(pk=page_id).exists() for model in _COUNTABLE)
