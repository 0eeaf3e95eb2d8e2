# The mailbox's fixtures (a mailbox, its category, a valid letter) and a clean cache, reused.
from tests.mailbox.conftest import _fresh_cache, category, letter_data, mailbox  # noqa: F401
