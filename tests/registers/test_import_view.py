"""The registers' import page: dry run, real run, a bad file; who reaches it (see also
tests/reports/test_drafts.py and tests/test_authorization_matrix.py)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from xxgk.registers.models import AdmissionResult

pytestmark = pytest.mark.django_db


def test_import_view_dry_run_then_real(client, office):
    client.force_login(office)
    csv = "招生年份,省份,层次,录取人数\n2022,浙江,本科,5\n".encode()
    url = reverse("registers_admin:import")
    dry = client.post(
        url, {"kind": "admissions", "file": SimpleUploadedFile("a.csv", csv), "dry_run": "on"}
    )
    # Compared as a reader sees it: runs of white space (template line breaks) are one space.
    assert dry.status_code == 200 and "将新增 1 条" in " ".join(dry.content.decode().split())
    assert not AdmissionResult.objects.exists()
    client.post(url, {"kind": "admissions", "file": SimpleUploadedFile("a.csv", csv)})
    assert AdmissionResult.objects.get().admitted == 5
    bad = client.post(
        url, {"kind": "admissions", "file": SimpleUploadedFile("a.csv", b"x,y\n1,2\n")}
    )
    assert bad.status_code == 422 and "无法识别的列" in bad.content.decode()
