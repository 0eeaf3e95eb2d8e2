"""The index follows every publish, edit, withdrawal, expiry, move and delete."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.db import connection, transaction
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import Page, PageViewRestriction

from tests.core.test_textextract import docx_bytes, xlsx_bytes
from tests.factories import published_disclosure, review_through
from xxgk.disclosures.models import DisclosurePage
from xxgk.disclosures.services import create_disclosure
from xxgk.search.models import AttachmentText, SearchDocument, SearchText, Version
from xxgk.search.selectors import search, staff_search
from xxgk.search.services import rebuild_index, sync_page
from xxgk_demo.pdf import render_pdf

pytestmark = pytest.mark.django_db


def found(query):
    return [hit.document.page_id for hit in search(query)[:50]]


def staff_found(user, query):
    return [(hit.document.page_id, hit.document.version) for hit in staff_search(user, query)[:50]]


@pytest.fixture
def disclosure(office, dept_a, item_a):
    return published_disclosure(
        item=item_a,
        department=dept_a,
        author=office,
        title="2022年招生章程",
        body="<p>本章程适用于普通本科招生。</p>",
        publication_date=datetime.date(2022, 5, 20),
    )


def test_publishing_makes_a_disclosure_findable_at_once(disclosure):
    assert found("招生章程") == [disclosure.pk]


def test_a_draft_is_not_public_but_staff_find_it(office, dept_a, item_a):
    draft = create_disclosure(user=office, item=item_a, title="招生计划草稿", body="<p>待审</p>")
    assert found("招生计划") == []
    assert staff_found(office, "招生计划") == [(draft.pk, Version.DRAFT)]


def test_edits_stay_private_until_published(disclosure, office):
    revision_page = disclosure.get_latest_revision_as_object()
    revision_page.body = "<p>新增艺术类专业招生要求。</p>"
    revision_page.save_revision(user=office)
    assert found("艺术类") == []
    assert found("普通本科") == [disclosure.pk]
    assert (disclosure.pk, Version.DRAFT) in staff_found(office, "艺术类")

    review_through(DisclosurePage.objects.get(pk=disclosure.pk), submitter=office)
    assert found("艺术类") == [disclosure.pk]
    assert found("普通本科") == []
    assert not SearchDocument.objects.filter(page=disclosure, version=Version.DRAFT).exists()


def test_withdrawal_removes_from_public_search(disclosure, office):
    from xxgk.review.services import withdraw_disclosure

    withdraw_disclosure(disclosure, user=office, reason="已过时")
    assert found("招生章程") == []
    assert staff_found(office, "招生章程") == [(disclosure.pk, Version.DRAFT)]


def test_expired_content_is_never_returned_even_before_the_expiry_job(disclosure):
    Page.objects.filter(pk=disclosure.pk).update(
        expire_at=timezone.now() - datetime.timedelta(seconds=1)
    )
    assert found("招生章程") == []  # the live row is still there; the query checks expiry
    call_command("publish_scheduled")
    assert not SearchDocument.objects.filter(page=disclosure, version=Version.LIVE).exists()


def test_future_expiry_is_still_found(disclosure):
    Page.objects.filter(pk=disclosure.pk).update(
        expire_at=timezone.now() + datetime.timedelta(days=1)
    )
    assert found("招生章程") == [disclosure.pk]


def test_view_restricted_pages_are_not_public(db):
    # No restriction may hide a disclosure (xxgk.disclosures.signals); the office may restrict
    # the site's other pages, and then search keeps them out of public results.
    guide = Page.objects.get(slug="guide")
    assert guide.pk in found("官方微博")
    restriction = PageViewRestriction.objects.create(
        page=guide, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.first())
    assert guide.pk not in found("官方微博")


def test_deleting_a_page_removes_its_rows(office, item_a):
    draft = create_disclosure(user=office, item=item_a, title="待删除的草稿")
    assert SearchDocument.objects.filter(page_id=draft.pk).exists()
    draft.delete()
    assert not SearchDocument.objects.filter(page_id=draft.pk).exists()
    assert staff_found(office, "待删除") == []


def test_a_failed_publish_leaves_no_trace_in_the_index(office, dept_a, item_a):
    with pytest.raises(RuntimeError), transaction.atomic():
        published_disclosure(item=item_a, department=dept_a, author=office, title="回滚测试公告")
        raise RuntimeError("rolled back")
    assert not SearchDocument.objects.filter(title="回滚测试公告").exists()
    assert found("回滚") == []


def test_moving_a_disclosure_follows_its_new_item(disclosure, office, item_b):
    disclosure.move(item_b, pos="last-child")
    document = SearchDocument.objects.get(page=disclosure, version=Version.LIVE)
    assert document.item_id == item_b.pk


def _document(name, data):
    return get_document_model().objects.create(title=name, file=ContentFile(data, name=name))


def test_attachment_text_is_searchable_and_a_broken_file_does_not_break_indexing(
    office, dept_a, item_a
):
    documents = [
        _document("名单.docx", docx_bytes(["2022年国家励志奖学金获奖学生名单"])),
        _document("预算表.xlsx", xlsx_bytes([["项目", "金额"], ["实验室建设经费", 320]])),
        _document("通知.pdf", render_pdf("通知", ["请于周五前提交体检报告"])),
        _document("损坏.pdf", b"%PDF-1.4 this is not really a pdf"),
    ]
    page = published_disclosure(
        item=item_a,
        department=dept_a,
        author=office,
        title="附件测试",
        body="",
        documents=documents,
    )
    assert found("励志奖学金") == [page.pk]
    assert found("实验室建设") == [page.pk]
    assert found("体检报告") == [page.pk]
    broken = AttachmentText.objects.get(document=documents[3])
    assert broken.error and not broken.text
    assert found("附件测试") == [page.pk]


def test_snippets_are_cut_from_the_indexed_text(office, dept_a, item_a):
    """The index keeps no text: snippets recompute it from the pages (texts_of), a live row
    from the page, a draft row from its latest revision, attachments from AttachmentText.
    It is exactly what was indexed, attachments (marked, titled) included."""
    from xxgk.search.documents import content_of, texts_of

    documents = [
        _document("名单.docx", docx_bytes(["2022年国家励志奖学金获奖学生名单"])),
        _document("损坏.pdf", b"%PDF-1.4 this is not really a pdf"),
    ]
    page = published_disclosure(
        item=item_a,
        department=dept_a,
        author=office,
        title="附件测试",
        body="",
        documents=documents,
        summary="摘要：奖学金名单",
    )
    draft = DisclosurePage.objects.get(pk=page.pk).get_latest_revision_as_object()
    draft.body = "<p>修订后的正文 &amp; 说明。</p>"
    draft.save_revision(user=office)
    rows = list(SearchDocument.objects.filter(page_id=page.pk).order_by("version"))
    assert [row.version for row in rows] == [Version.DRAFT, Version.LIVE]
    live = DisclosurePage.objects.get(pk=page.pk)
    expected = {
        rows[0].pk: content_of(live.get_latest_revision_as_object()).text,
        rows[1].pk: content_of(live).text,
    }
    assert texts_of(rows) == expected
    assert "\x1e名单.docx\n" in expected[rows[1].pk] and "励志奖学金" in expected[rows[1].pk]
    assert "修订后的正文 & 说明" in expected[rows[0].pk]
    assert "修订后的正文" not in expected[rows[1].pk]
    standard = SearchDocument.objects.filter(kind="栏目页面", version=Version.LIVE).first()
    assert standard is not None  # the guide and rules pages of the migrations
    assert texts_of([standard]) == {standard.pk: content_of(standard.page.specific).text}


def fts_instances(table: str) -> set[tuple]:
    """Every token instance an FTS5 table holds (fts5vocab): (term, document id, column,
    offset); column and offset are None in the characters table (detail=none)."""
    with connection.cursor() as cursor:
        cursor.execute(
            f"CREATE VIRTUAL TABLE temp.instances USING fts5vocab(main, {table}, instance)"
        )
        try:
            cursor.execute("SELECT term, doc, col, offset FROM temp.instances")
            return set(cursor.fetchall())
        finally:
            cursor.execute("DROP TABLE temp.instances")


def indexed_rows():
    """What the index holds, by (page, version): the document row, and the tokens (SQLite:
    read back from both FTS5 tables; PostgreSQL: the token columns)."""
    documents = {
        pk: (page_id, version, title, kind, date)
        for pk, page_id, version, title, kind, date in SearchDocument.objects.values_list(
            "pk", "page_id", "version", "title", "kind", "date"
        )
    }
    if connection.vendor == "sqlite":
        tokens = sorted(
            (*documents[doc][:2], term, table, -1 if column is None else column, offset or 0)
            for table in ("xxgk_search_fts", "xxgk_search_chars")
            for term, doc, column, offset in fts_instances(table)
        )
    else:
        tokens = sorted(
            SearchText.objects.values_list(
                "document__page_id", "document__version", "title_tokens", "body_tokens"
            )
        )
    return sorted(documents.values()), tokens


def test_rebuild_reproduces_the_index(disclosure, office, item_a):
    create_disclosure(user=office, item=item_a, title="重建测试草稿")
    before = indexed_rows()
    SearchDocument.objects.all().delete()
    assert found("招生章程") == []
    assert indexed_rows() == ([], [])
    assert rebuild_index() == len(before[0])
    assert indexed_rows() == before
    assert found("招生章程") == [disclosure.pk]


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's FTS5 tables")
def test_sqlites_full_text_index_matches_the_text_through_edits_and_deletes(
    disclosure, office, item_a
):
    """FTS5 contentless tables delete a row by its rowid (migration 0007), written beside the
    document row and deleted by a trigger on it. Every token instance both tables hold, read
    back through fts5vocab, is exactly what the index's rows tokenise to — their pages'
    content now, a live row from the page, a draft row from its latest revision — after an
    edit, a publication, a withdrawal and a deletion: nothing left of an edited or deleted
    version, no row without its tokens."""
    from xxgk.search.backends import document_characters
    from xxgk.search.documents import content_of
    from xxgk.search.tokenizer import index_tokens

    revision_page = disclosure.get_latest_revision_as_object()
    revision_page.body = "<p>新增艺术类专业招生要求。</p>"
    revision_page.save_revision(user=office)
    review_through(DisclosurePage.objects.get(pk=disclosure.pk), submitter=office)
    other = published_disclosure(item=item_a, department=disclosure.publishing_department,
                                 author=office, title="另一份公开信息")  # fmt: skip
    edited = other.get_latest_revision_as_object()
    edited.title = "另一份公开信息（修订）"
    edited.save_revision(user=office)  # a draft row beside the live one
    DisclosurePage.objects.get(pk=disclosure.pk).unpublish()
    create_disclosure(user=office, item=item_a, title="待删除的草稿").delete()

    expected_tokens, expected_characters = set(), set()
    for document in SearchDocument.objects.select_related("page"):
        page = document.page.specific
        if document.version == Version.DRAFT:
            page = page.get_latest_revision_as_object()
        content = content_of(page)
        title, body = index_tokens(content.title), index_tokens(content.text)
        for column, tokens in (("title_tokens", title), ("body_tokens", body)):
            expected_tokens |= {(t, document.pk, column, n) for n, t in enumerate(tokens)}
        for character in document_characters(title + body).split():
            expected_characters.add((character, document.pk, None, None))
    assert {doc for _, doc, _, _ in expected_tokens} == set(
        SearchDocument.objects.values_list("pk", flat=True)
    )
    assert fts_instances("xxgk_search_fts") == expected_tokens
    assert fts_instances("xxgk_search_chars") == expected_characters
    assert staff_found(office, "艺术类") == [(disclosure.pk, Version.DRAFT)]
    assert staff_found(office, "普通本科") == []
    assert sorted(staff_found(office, "修订")) == [(other.pk, Version.DRAFT)]


def test_the_index_follows_edits_after_a_rebuild(disclosure, office):
    # The SQLite rebuild suspends the full-text triggers; they must be back afterwards.
    rebuild_index()
    disclosure.title = "2022年艺术类招生章程"
    disclosure.save_revision(user=office)
    review_through(disclosure, submitter=office)
    assert found("艺术类") == [disclosure.pk]
    DisclosurePage.objects.get(pk=disclosure.pk).unpublish()
    assert found("招生章程") == []


def test_a_failed_rebuild_leaves_the_old_index(disclosure, monkeypatch):
    def entries():
        yield from ()
        raise RuntimeError("page tree unreadable")

    monkeypatch.setattr("xxgk.search.services._entries", entries)
    with pytest.raises(RuntimeError):
        rebuild_index()
    assert found("招生章程") == [disclosure.pk]
    monkeypatch.undo()
    disclosure.unpublish()
    assert found("招生章程") == []


def test_rebuild_command(disclosure, capsys):
    call_command("rebuild_search_index")
    assert "检索索引已重建" in capsys.readouterr().out
    assert found("招生章程") == [disclosure.pk]


def test_sync_of_a_missing_or_unsearched_page_is_harmless(disclosure):
    sync_page(disclosure.get_parent().pk)  # a catalogue item: not searched
    sync_page(10**9)
    assert found("招生章程") == [disclosure.pk]


def test_a_rebuild_reads_pages_a_chunk_at_a_time_not_one_by_one(disclosure, office, dept_a, item_a):
    """A million disclosures took 85 minutes to index when each page's attachments and
    parent were read separately: the queries of a rebuild do not grow with the pages."""
    from django.test.utils import CaptureQueriesContext

    def rebuild_queries():
        with CaptureQueriesContext(connection) as captured:
            rebuild_index()
        return len(captured)

    few = rebuild_queries()
    for n in range(5):
        published_disclosure(
            item=item_a, department=dept_a, author=office, title=f"分批索引测试{n}"
        )
    assert rebuild_queries() == few
    assert len(found("分批索引测试")) == 5
