"""The back office: who sees which letters, the handling forms, statistics and export."""

import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from xxgk.mailbox import services
from xxgk.mailbox.models import Letter, LetterStatus
from xxgk.mailbox.selectors import letter_statistics, percentile

pytestmark = pytest.mark.django_db


@pytest.fixture
def letter(mailbox, letter_data, category):
    data = {**letter_data, "category": category}
    return services.submit_letter(mailbox=mailbox, data=data)[0]


def action(letter, name):
    return reverse("mailbox_admin:action", args=[letter.pk, name])


def test_office_triages_through_the_admin(client, office, letter, dept_a):
    client.force_login(office)
    listing = client.get(reverse("mailbox_admin:list"))
    assert listing.status_code == 200 and letter.number in listing.content.decode()
    detail = client.get(reverse("mailbox_admin:letter", args=[letter.pk]))
    html = detail.content.decode()
    assert "张三" in html and "13900001111" in html  # the office sees who wrote
    assert set(detail.context["forms"]) == {"assign", "merge", "close"}
    response = client.post(
        action(letter, "assign"),
        {"assign-department": dept_a.pk, "assign-working_days": 10, "assign-note": ""},
    )
    assert response.status_code == 302
    assert Letter.objects.get().status == LetterStatus.ASSIGNED


def test_bad_action_input_is_400_and_changes_nothing(client, office, letter):
    client.force_login(office)
    response = client.post(action(letter, "assign"), {"assign-working_days": 0})
    assert response.status_code == 400
    errors = response.context["forms"]["assign"].errors
    assert "department" in errors and "working_days" in errors
    assert Letter.objects.get().status == LetterStatus.RECEIVED
    merge = client.post(action(letter, "merge"), {"merge-target_number": "XZ-1999-000009"})
    assert merge.status_code == 400
    assert "未找到该编号的来信" in merge.content.decode()


def test_an_action_not_allowed_in_this_state_is_403(client, office, letter):
    client.force_login(office)
    assert client.post(action(letter, "approve"), {"approve-answer": "x"}).status_code == 403
    assert client.post(action(letter, "nonsense"), {}).status_code == 403


def test_departments_see_only_their_letters_and_no_personal_details(
    client, office, letter, dept_a, editor_a, editor_b
):
    services.assign_letter(letter, user=office, department=dept_a, working_days=10)
    client.force_login(editor_b)
    assert letter.number not in client.get(reverse("mailbox_admin:list")).content.decode()
    assert client.get(reverse("mailbox_admin:letter", args=[letter.pk])).status_code == 404
    assert client.post(action(letter, "draft"), {"draft-answer": "x"}).status_code == 404

    client.force_login(editor_a)
    detail = client.get(reverse("mailbox_admin:letter", args=[letter.pk]))
    html = detail.content.decode()
    assert detail.status_code == 200
    assert "张三" not in html and "13900001111" not in html and "zhangsan@" not in html
    assert set(detail.context["forms"]) == {"draft"}
    assert client.post(action(letter, "assign"), {}).status_code == 403
    empty = client.post(action(letter, "draft"), {"draft-answer": ""})
    assert empty.status_code == 400
    done = client.post(action(letter, "draft"), {"draft-answer": "答复稿"})
    assert done.status_code == 302
    assert Letter.objects.get().status == LetterStatus.DRAFTED


def test_staff_without_department_or_role_are_refused(client, letter, django_user_model):
    user = django_user_model.objects.create_user("plain", password="x")
    from django.contrib.auth.models import Permission

    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    assert client.get(reverse("mailbox_admin:list")).status_code == 403
    assert client.get(reverse("mailbox_admin:statistics")).status_code == 403


def test_supervisor_reads_without_personal_details_or_actions(client, supervisor, letter):
    client.force_login(supervisor)
    detail = client.get(reverse("mailbox_admin:letter", args=[letter.pk]))
    assert detail.status_code == 200
    assert detail.context["forms"] == {}
    assert "13900001111" not in detail.content.decode()


def test_office_configures_mailboxes_as_snippets(client, office, editor_a, mailbox):
    client.force_login(office)
    assert client.get(reverse("wagtailsnippets_mailbox_mailbox:list")).status_code == 200
    assert client.get(reverse("wagtailsnippets_mailbox_sensitiveword:add")).status_code == 200
    client.force_login(editor_a)
    assert client.get(reverse("wagtailsnippets_mailbox_mailbox:list")).status_code == 403


def test_reserved_slug_is_refused(mailbox):
    from django.core.exceptions import ValidationError

    mailbox.slug = "track"
    with pytest.raises(ValidationError):
        mailbox.full_clean()


def test_percentile_is_nearest_rank():
    assert percentile([], 0.9) is None
    assert percentile([5], 0.9) == 5
    assert percentile(list(range(1, 11)), 0.9) == 9
    assert percentile([1, 2, 3, 100], 0.5) == 2


def _history(mailbox, letter_data, office, dept, editor, received, answer_after):
    at = timezone.make_aware(datetime.datetime.combine(received, datetime.time(9)))
    letter, _ = services.submit_letter(
        mailbox=mailbox, data={**letter_data, "category": None}, received_at=at
    )
    services.assign_letter(letter, user=office, department=dept, working_days=3, at=at)
    if answer_after is not None:
        services.draft_answer(letter, user=editor, answer="答复", at=at)
        services.approve_answer(letter, user=office, at=at + datetime.timedelta(days=answer_after))
    return letter


def test_statistics_count_received_answered_overdue_and_times(
    mailbox, letter_data, office, dept_a, editor_a
):
    monday = datetime.date(2022, 3, 7)
    _history(mailbox, letter_data, office, dept_a, editor_a, monday, 1)  # 1 working day
    _history(mailbox, letter_data, office, dept_a, editor_a, monday, 7)  # 5 working days: late
    _history(mailbox, letter_data, office, dept_a, editor_a, monday, None)  # still open: overdue
    _history(mailbox, letter_data, office, dept_a, editor_a, datetime.date(2023, 3, 6), 1)
    stats = letter_statistics(datetime.date(2021, 9, 1), datetime.date(2022, 8, 31))
    total = stats["total"]
    assert total["received"] == 3 and total["answered"] == 2 and total["open"] == 1
    assert total["overdue"] == 2
    assert total["median_days"] == 3 and total["p90_days"] == 5
    assert dict(stats["mailbox"])["校长信箱"]["received"] == 3
    assert dict(stats["department"])[dept_a.name]["answered"] == 2
    assert dict(stats["category"])["校长信箱 · 未分类"]["received"] == 3


def test_statistics_page_and_xlsx_export(client, office, editor_a, letter):
    client.force_login(editor_a)
    assert client.get(reverse("mailbox_admin:statistics")).status_code == 403
    client.force_login(office)
    today = timezone.localdate()
    params = {"start": f"{today:%Y}-01-01", "end": f"{today:%Y}-12-31"}
    page = client.get(reverse("mailbox_admin:statistics"), params)
    assert page.status_code == 200 and page.context["stats"]["total"]["received"] == 1
    export = client.get(reverse("mailbox_admin:statistics"), {**params, "format": "xlsx"})
    assert export.status_code == 200
    assert "attachment" in export["Content-Disposition"]
    book = load_workbook(io.BytesIO(export.content))
    assert book.sheetnames == ["按信箱", "按类别", "按承办部门"]
    rows = list(book["按信箱"].iter_rows(values_only=True))
    assert rows[1][:3] == ("信箱", "收信", "已答复")
    assert rows[2][:2] == ("校长信箱", 1)
    bad = client.get(
        reverse("mailbox_admin:statistics"), {"start": "2022-09-01", "end": "2021-09-01"}
    )
    assert bad.status_code == 400 and "开始日期不能晚于结束日期" in bad.content.decode()
    junk = client.get(reverse("mailbox_admin:statistics"), {"start": "yesterday"})
    assert junk.status_code == 400
