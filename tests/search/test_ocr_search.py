"""Search finds words in scanned attachments (issue 22): the review's scan reads them by OCR
in the task worker; the published disclosure's index holds that text, and a snippet quoting
it says the attachment is a scan."""

import pytest

from tests.factories import published_disclosure
from tests.review.conftest import _document
from tests.review.test_ocr import scanned_list_pdf
from xxgk.core import ocr
from xxgk.search.selectors import search

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(not ocr.available(), reason="tesseract-ocr-chi-sim (make system-deps)"),
]


def test_a_word_only_in_a_scan_is_found_and_the_snippet_says_it_was_read_by_ocr(
    client, office, dept_a, item_a
):
    scan = _document("获奖名单.pdf", scanned_list_pdf([["国家奖学金获奖学生名单"]]))
    page = published_disclosure(
        item=item_a,
        department=dept_a,
        author=office,
        title="2022年评优结果公示",
        body="<p>名单见附件。</p>",
        documents=[scan],
    )
    assert [hit.document.page_id for hit in search("获奖学生")[:10]] == [page.pk]
    html = client.get("/search/", {"q": "获奖学生"}).content.decode()
    assert "附件《获奖名单.pdf》（扫描件 OCR）：" in html
    assert "<mark>获奖</mark>" in html or "<mark>获奖学生</mark>" in html
