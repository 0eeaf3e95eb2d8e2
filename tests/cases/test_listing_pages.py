"""A case register's listing (cases/admin/listing.html) splits into pages whose links keep
the listing's filters, so the office can walk a filtered register to its end."""

import re

import pytest
from django.urls import reverse

from tests.complaints.test_complaints import DATA
from xxgk.complaints import services
from xxgk.complaints.models import Complaint, ComplaintStatus

pytestmark = pytest.mark.django_db

PER_PAGE = 30  # the complaints register's page size


def test_the_page_links_keep_the_filter_and_reach_the_last_case(client, office):
    for n in range(PER_PAGE + 1):
        services.submit_complaint(data={**DATA, "subject": f"招生章程未公开第{n:03d}号"})
    client.force_login(office)
    url = reverse("complaints_admin:list")
    first = client.get(url, {"status": ComplaintStatus.RECEIVED}).content.decode()
    link = re.search(r'href="([^"]*)">下一页</a>', first)
    assert link, "no link to the second page"
    query = link.group(1).replace("&amp;", "&")
    assert "status=received" in query and "page=2" in query
    assert "上一页" not in first and "第 1 页，共 2 页" in " ".join(first.split())
    second = client.get(url + query).content.decode()
    shown = set(re.findall(r"未公开第\d{3}号", first)) | set(re.findall(r"未公开第\d{3}号", second))
    assert len(shown) == Complaint.objects.count() == PER_PAGE + 1
    assert "上一页" in second and "下一页" not in second


def test_an_empty_listing_says_so_in_one_row(client, office):
    client.force_login(office)
    page = client.get(reverse("complaints_admin:list")).content.decode()
    assert re.search(r'<td colspan="7">暂无举报。</td>', page)
