"""The whole demo, loaded once for this module (`manage.py load_demo`, twice: the second run
adds nothing): realistic bodies for every catalogue item, real attachment files, cases in
every state, and an annual report whose figures are the demo's own counts.

The report's figures are checked against counts made here with the ORM, not by the report
code. Everything loaded is rolled back when the module ends.
"""

import datetime
import io
import re
from collections import Counter
from html import unescape

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone
from docx import Document as WordDocument
from openpyxl import load_workbook
from pypdf import PdfReader

from xxgk.catalogue.models import CatalogueItemPage
from xxgk.complaints.models import Complaint, ComplaintResult, ComplaintStatus
from xxgk.disclosures.models import AnnualReportPage, DisclosurePage
from xxgk.evaluation.models import HelpfulVote, SurveyResponse
from xxgk.mailbox.models import Letter, LetterAction, LetterStatus
from xxgk.registers.models import AdmissionResult, FeeSchedule
from xxgk.requests.models import Application, Event, Status
from xxgk.review.models import AttachmentScan, ScanReport, ScanState
from xxgk.search.documents import attachment_text
from xxgk.supervision.models import ActionKind, PendingInformation, SupervisionAction
from xxgk.supervision.obligations import Status as ObligationStatus
from xxgk.supervision.periods import Period
from xxgk.supervision.selectors import item_overview
from xxgk_demo.management.commands.load_demo import LATE_DEPARTMENTS, LEAKED, SCANNED

START, END = datetime.date(2021, 9, 1), datetime.date(2022, 8, 31)


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    root = tmp_path_factory.mktemp("demo")
    with (
        django_db_blocker.unblock(),
        override_settings(
            MEDIA_ROOT=root / "media",
            VAR_DIR=root,
            XXGK_SCAN_TASK_BACKEND="default",
            PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
        ),
        transaction.atomic(),
    ):
        outputs = []
        for _run in range(2):
            out = io.StringIO()
            call_command("load_demo", quiet_accounts=True, log_file=root / "load.log", stdout=out)
            outputs.append(out.getvalue())
        yield {"media": root / "media", "outputs": outputs}
        transaction.set_rollback(True)


@pytest.fixture
def media(demo, settings):
    settings.MEDIA_ROOT = demo["media"]  # the files the loader wrote
    return demo["media"]


pytestmark = pytest.mark.django_db


def _text(html: str) -> str:
    return unescape(re.sub(r"<[^>]+>", "", html))


def _live_in_year():
    return DisclosurePage.objects.live().filter(publication_date__range=(START, END))


def test_a_second_run_adds_nothing(demo):
    first, second = demo["outputs"]
    assert "新增公开信息 193 条" in first
    for line in ("新增公开信息 0 条", "新增申请 0 件", "新增来信 0 件", "新增举报 0 件"):
        assert line in second
    assert "新增年度报告 0 份" in second
    assert "评议与监督演示数据：已存在" in second


def test_every_catalogue_item_has_disclosures_of_several_paragraphs(demo):
    items = CatalogueItemPage.objects.all()
    assert items.count() == 50
    for item in items:
        pages = DisclosurePage.objects.filter(catalogue_item=item, slug__startswith="demo-")
        assert pages.exists(), item.item_number
        for page in pages:
            paragraphs = re.findall(r"<p>(.*?)</p>", page.body)
            assert len(paragraphs) >= 3, page.title
            assert sum(len(_text(p)) for p in paragraphs) > 150, page.title
    # Each item's bodies open with words of their own.
    openings = {
        re.match(r"<p>(.*?)</p>", page.body).group(1)
        for page in DisclosurePage.objects.filter(slug__regex=r"^demo-\d+-1$")
    }
    assert len(openings) == 50


def test_bodies_are_shaped_by_what_they_are(demo):
    rule = DisclosurePage.objects.get(title="衢州学院合同管理办法")
    assert "第一条" in rule.body and "第八条" in rule.body and "第一章" in rule.body
    fees = DisclosurePage.objects.get(title="2021-2022学年学费、住宿费收费标准公示")
    assert "<table>" in fees.body and "元/生·学年" in fees.body and "投诉" in fees.body
    admissions = DisclosurePage.objects.get(title="2022年外省录取分数统计")
    assert "<table>" in admissions.body
    assert all(p in admissions.body for p in ("安徽", "四川", "最低分"))
    budget = DisclosurePage.objects.get(title="衢州学院2022年部门预算")
    assert "<table>" in budget.body and "财政拨款收入" in budget.body
    assert "收支预算" in budget.body
    names = DisclosurePage.objects.get(title="2021-2022学年国家奖学金评审结果公示")
    assert "<table>" in names.body and "姓名" in names.body


def _attachments(ext):
    return [
        attachment
        for page in DisclosurePage.objects.filter(slug__startswith="demo-")
        for attachment in page.attachments.select_related("document")
        if attachment.document.file.name.endswith(f".{ext}")
    ]


def _read(attachment) -> bytes:
    with attachment.document.file.open("rb") as handle:
        return handle.read()


def test_attachments_are_real_files_with_text(media):
    pdfs, docxs, xlsxs = _attachments("pdf"), _attachments("docx"), _attachments("xlsx")
    assert len(pdfs) >= 10 and len(docxs) >= 10 and len(xlsxs) >= 10
    for attachment in pdfs:
        reader = PdfReader(io.BytesIO(_read(attachment)))
        text = "".join(page.extract_text() or "" for page in reader.pages)
        if attachment.document.title == SCANNED[1]:
            assert text.strip() == ""
            assert reader.pages[0].images  # a picture, nothing else
        else:
            assert "联系部门" in text.replace(" ", "") or len(text) > 200, attachment.title
    for attachment in docxs:
        document = WordDocument(io.BytesIO(_read(attachment)))
        text = "".join(p.text for p in document.paragraphs)
        assert attachment.document.title in text and len(text) > 150
    for attachment in xlsxs:
        workbook = load_workbook(io.BytesIO(_read(attachment)), read_only=True)
        cells = [
            str(cell)
            for sheet in workbook
            for row in sheet.iter_rows(values_only=True)
            for cell in row
            if cell is not None
        ]
        assert len(cells) > 5 and attachment.document.title in cells[0]
    # What the search indexes of an attachment: its text, read by the search's own extractor.
    for attachment in pdfs[:3] + docxs[:3] + xlsxs[:3]:
        if attachment.document.title != SCANNED[1]:
            assert len(attachment_text(attachment.document)) > 100, attachment.title


def test_the_scan_reads_the_files_reports_the_scanned_list_and_flags_the_id_number(demo):
    scans = AttachmentScan.objects.select_related("document")
    unscannable = scans.filter(state=ScanState.UNSCANNABLE)
    assert [s.name for s in unscannable] == [SCANNED[1]]
    assert unscannable.get().reason == "no_text_layer"
    assert scans.filter(state=ScanState.SCANNED).count() >= 30
    # The list exported with its ID numbers: flagged, and kept off the portal in review.
    leaked = DisclosurePage.objects.get(slug=LEAKED[0])
    assert not leaked.live
    assert leaked.current_workflow_state.status == "in_progress"
    report = ScanReport.objects.get(page_id=leaked.pk)
    kinds = Counter(hit["kind"] for hit in report.hits)
    assert kinds["resident_id"] >= 1
    assert all(LEAKED[1] in hit["location"] for hit in report.hits)
    # The scanned sheet was published only after the reviewer acknowledged it.
    scanned_page = DisclosurePage.objects.get(slug=SCANNED[0])
    assert scanned_page.live


def test_requests_in_every_state_and_outcome_family(demo):
    today = timezone.localdate()
    cases = Application.objects.filter(submission_token__startswith="demo-ysq-")
    assert set(cases.values_list("status", flat=True)) == set(Status.values)
    families = {code.split(".")[0] for code in cases.values_list("outcome", flat=True) if code}
    assert families == {"1", "2", "3", "4", "5", "6"}
    open_cases = cases.filter(status__in=[Status.ACCEPTED, Status.IN_PROGRESS, Status.RECEIVED])
    assert open_cases.filter(due_date__lt=today).exists()  # overdue
    assert cases.filter(extension_days__gt=0).exists()  # extended
    assert Event.objects.filter(application__in=cases, kind="receive_correction").exists()
    assert cases.filter(appeals__isnull=False).exists()


def test_letters_and_complaints_in_every_state(demo):
    today = timezone.localdate()
    letters = Letter.objects.all()
    assert set(letters.values_list("status", flat=True)) == set(LetterStatus.values)
    assert letters.filter(status=LetterStatus.ASSIGNED, due_date__lt=today).exists()
    assert letters.filter(merged_into__isnull=False).exists()
    assert letters.filter(events__action=LetterAction.RETURNED).exists()
    complaints = Complaint.objects.all()
    assert set(complaints.values_list("status", flat=True)) == set(ComplaintStatus.values)
    results = set(complaints.exclude(result="").values_list("result", flat=True))
    assert results == set(ComplaintResult.values)


def test_the_satisfaction_survey_has_complete_answers_given_while_it_was_open(demo):
    responses = SurveyResponse.objects.select_related("survey").prefetch_related("answers")
    assert responses.count() >= 100
    for response in responses:
        survey = response.survey
        assert survey.opens_on <= timezone.localdate(response.submitted_at) <= survey.closes_on
        questions = list(survey.questions.all())
        assert len(questions) >= 4
        given = {a.question_id: a.choice for a in response.answers.all()}
        assert set(given) == {q.pk for q in questions}
        assert all(given[q.pk] in q.choice_list for q in questions)
    assert responses.exclude(comment="").exists()


def test_supervision_shows_the_late_departments(demo):
    overview = item_overview(Period(START, END), today=datetime.date(2022, 9, 30))
    status = {row.item.item_number: row.status for row in overview}
    published_late = (
        _live_in_year()
        .filter(publishing_department__code__in=LATE_DEPARTMENTS, catalogue_item__rule_kind="event")
        .values_list("publishing_department__code", "catalogue_item__item_number")
    )
    # Each late department has items the dashboard shows 逾期公开 …
    late = {code for code, number in published_late if status[number] == ObligationStatus.LATE}
    assert late == LATE_DEPARTMENTS
    # … and information it registered but never published, 逾期未公开.
    pending = PendingInformation.objects.filter(department__code__in=LATE_DEPARTMENTS)
    assert pending.count() == 2
    assert {status[p.item.item_number] for p in pending} == {ObligationStatus.OVERDUE}
    urged = SupervisionAction.objects.filter(kind=ActionKind.URGING)
    assert set(urged.values_list("department__code", flat=True)) == LATE_DEPARTMENTS


def _number(pattern: str, text: str) -> int:
    match = re.search(pattern, text)
    assert match, pattern
    return int(match.group(1))


def test_the_annual_report_is_generated_from_the_demo_data(media):
    report = AnnualReportPage.objects.get(period_start=START)
    assert report.live and report.publication_date == datetime.date(2022, 10, 31)
    text = _text(report.body)
    since = timezone.make_aware(datetime.datetime(2021, 9, 1))
    until = timezone.make_aware(datetime.datetime(2022, 9, 1))

    published = _live_in_year().count()
    assert _number(r"累计公开各类信息(\d+)条", text) == published
    # One confidentiality review per disclosure published in the year.
    assert _number(r"完成保密审查(\d+)次", text) == published
    actions = SupervisionAction.objects.filter(created_at__gte=since, created_at__lt=until)
    assert _number(r"提醒(\d+)次", text) == actions.filter(kind=ActionKind.REMINDER).count()
    assert _number(r"督促(\d+)次", text) == actions.filter(kind=ActionKind.URGING).count()
    answered = Letter.objects.filter(
        received_at__gte=since, received_at__lt=until, status=LetterStatus.ANSWERED
    )
    assert _number(r"相关问题(\d+)件", text) == answered.count() == 58
    votes = HelpfulVote.objects.filter(created_at__gte=since, created_at__lt=until)
    assert _number(r"“有帮助”评价(\d+)次", text) == votes.filter(helpful=True).count() > 0
    assert _number(r"“没帮助”评价(\d+)次", text) == votes.filter(helpful=False).count() > 0
    admitted = sum(AdmissionResult.objects.filter(year=2022).values_list("admitted", flat=True))
    assert _number(r"共录取新生(\d+)人", text) == admitted
    assert _number(r"收费项目(\d+)项", text) == FeeSchedule.objects.count()
    assert not Application.objects.filter(received_on__range=(START, END)).exists()
    assert "学校未收到依申请公开的申请" in text
    assert not Complaint.objects.filter(received_at__gte=since, received_at__lt=until).exists()
    assert "没有因学校信息公开工作受到举报" in text

    # The catalogue table: each item's disclosures published in the year.
    rows = re.findall(r"<tr><td>（(\d+)）[^<]*</td><td>[^<]*</td><td>(\d+)</td>", report.body)
    assert len(rows) == 50
    per_item = Counter(_live_in_year().values_list("catalogue_item__item_number", flat=True))
    assert {number: int(count) for number, count in rows} == {
        str(n): per_item.get(str(n), 0) for n in range(1, 51)
    }

    # Its PDF is the generator's, attached to the page.
    attachment = report.attachments.get()
    with attachment.document.file.open("rb") as handle:
        pdf = PdfReader(handle)
        first = pdf.pages[0].extract_text().replace(" ", "")
    assert "2021-2022学年信息公开工作报告" in first
