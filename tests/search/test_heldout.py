"""The held-out evaluation (heldout.py): the share of the documents readers expect that
their everyday queries find. Printed for docs/search.md; the floor below is the issue's
figure, not a score tuned to."""

import pytest

from tests.search.heldout import HELDOUT
from xxgk.search.selectors import search

pytestmark = pytest.mark.django_db


def test_heldout_queries_find_what_readers_expect(corpus, capsys):
    expected_total = found_total = 0
    misses = []
    for query, expected in HELDOUT:
        found = {hit.document.page_id for hit in search(query)[:100]}
        wanted = {corpus.pages[key].pk for key in expected}
        expected_total += len(wanted)
        found_total += len(found & wanted)
        names = {corpus.pages[key].pk: key for key in expected}
        misses += [f"{query} → {names[pk]}" for pk in sorted(wanted - found)]
    score = found_total / expected_total
    with capsys.disabled():
        print(
            f"\nheld-out: {len(HELDOUT)} queries, {found_total} of {expected_total} expected "
            f"documents found ({score:.1%}); missed: {'; '.join(misses) or 'none'}"
        )
    assert score >= 0.9
