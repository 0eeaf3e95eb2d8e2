"""The dashboard's matrix and obligation tables are built as strings in charts.py, outside
the templates: their fixed words go through gettext like every other text (translated once
per matrix or table, not per cell), so the English back office shows no Chinese there."""

import pytest
from django.utils import translation

from tests.english import CJK
from xxgk.supervision.charts import matrix_rows_html, obligation_rows_html
from xxgk.supervision.selectors import compliance_matrix, obligation_set

from .conftest import SCHOOL_YEAR, d

pytestmark = pytest.mark.django_db


@pytest.fixture
def result(dept_a, responsible, publish):
    """招生办 answers for item 2 only: one disclosure with its formation date, and nine
    categories in which it has nothing to disclose."""
    item = responsible("2", dept_a)
    publish(item, dept_a, d("2022-03-10"), formed_on=d("2022-03-01"))
    return obligation_set(SCHOOL_YEAR, today=d("2022-09-15"), detail=True)


def test_the_obligation_table_in_english(result):
    with translation.override("en"):
        html = obligation_rows_html(result.obligations, show_department=True)
    assert '<th scope="col">Department</th>' in html
    assert "<small>Produced on 2022-03-01</small>" in html
    assert "部门" not in html and "信息形成于" not in html
    # What is left in Chinese is the database's: the department and the item.
    content = {"招生办公室", result.obligations[0].item.title}
    for words in CJK.findall(html):
        assert any(words in text for text in content), words


def test_the_obligation_table_in_chinese_is_unchanged(result):
    html = obligation_rows_html(result.obligations, show_department=True)
    assert '<th scope="col">部门</th>' in html
    assert "<small>信息形成于 2022-03-01</small>" in html


def test_the_compliance_matrix_in_english(result):
    with translation.override("en"):
        html = matrix_rows_html(compliance_matrix(result), "year=2021")
    assert '<span class="w-sr-only">No requirement</span>' in html
    assert "无要求" not in html
    # The cells' titles: Latin punctuation, the department and category from the database.
    assert "招生办公室 · " in html and "：" not in html and "；" not in html


def test_the_compliance_matrix_in_chinese_is_unchanged(result):
    html = matrix_rows_html(compliance_matrix(result), "year=2021")
    assert '<span class="w-sr-only">无要求</span>' in html
    assert "：" in html
