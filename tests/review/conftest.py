import io

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from tests.factories import factory_reviewer
from xxgk.disclosures.services import create_disclosure
from xxgk.review.models import CHECKLIST
from xxgk.review.services import submit_for_review

ALL_NO = {field: False for field, _ in CHECKLIST}


@pytest.fixture
def reviewer2(db):
    return factory_reviewer()


@pytest.fixture
def draft(editor_a, dept_a, item_a):
    return create_disclosure(
        user=editor_a,
        item=item_a,
        title="2022年招生章程",
        publishing_department=dept_a,
        body="<p>招生章程正文。</p>",
    )


@pytest.fixture
def in_review(draft, editor_a):
    """The draft submitted by its editor; returns the in-progress task state."""
    state = submit_for_review(draft, user=editor_a)
    state.refresh_from_db()
    return state.current_task_state


def approve_kwargs(**overrides):
    values = {
        "decision": "approved",
        "opinion": "不涉密，同意公开。",
        "basis": "《保守国家秘密法》",
        "checklist": dict(ALL_NO),
        "scan_acknowledged": True,
    }
    values.update(overrides)
    return values


VALID_ID = "11010519491231002X"  # the checksum example of GB 11643


def _document(name, data):
    document = get_document_model()(title=name)
    document.file.save(name, ContentFile(data), save=False)
    document.save()
    return document


def xlsx_with(value):
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "名单"
    sheet["A1"], sheet["B2"] = "身份证号", value
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


@pytest.fixture
def id_list(db):
    return _document("录取名单.xlsx", xlsx_with(VALID_ID))


@pytest.fixture
def broken_pdf(db):
    return _document("扫描件.pdf", b"%PDF-1.4 this is not really a pdf")
