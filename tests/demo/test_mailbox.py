import datetime
import io

import pytest

from tests.factories import StaffFactory
from xxgk.mailbox.models import Letter, LetterStatus, Mailbox
from xxgk.mailbox.selectors import report_figures
from xxgk.orgs.roles import Role
from xxgk.orgs.services import create_department
from xxgk_demo.departments import DEPARTMENTS
from xxgk_demo.mailbox import load_demo

pytestmark = pytest.mark.django_db


def test_demo_loads_the_reports_58_letters_and_the_current_years_once():
    for code, name, contact, phone in DEPARTMENTS:
        create_department(code=code, name=name, contact_person=contact, phone=phone)
    StaffFactory(username="office", roles=[Role.OFFICE])
    out = io.StringIO()
    load_demo(out)
    load_demo(out)
    assert "新增来信 67 件" in out.getvalue() and "新增来信 0 件" in out.getvalue()
    assert set(Mailbox.objects.values_list("name", flat=True)) == {"校长信箱", "书记信箱"}
    figures = report_figures(datetime.date(2021, 9, 1), datetime.date(2022, 8, 31))
    assert figures["received"] == figures["answered"] == 58
    assert 0 < figures["published"] < 58
    school_year = Letter.objects.filter(received_at__date__lt=datetime.date(2022, 9, 1))
    assert school_year.count() == 58
    assert not school_year.exclude(status=LetterStatus.ANSWERED).exists()
    # This school year's letters are at every point of handling.
    assert set(Letter.objects.values_list("status", flat=True)) == set(LetterStatus.values)
    # Published letters were published with consent only.
    assert not Letter.objects.filter(is_published=True, consent_to_publish=False).exists()
