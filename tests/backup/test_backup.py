"""Backups round-trip on the current database vendor (SQLite in `make test`, PostgreSQL in
`make test-pg`): back up, restore onto a fresh install in another process, compare rows per
table and every file's hash; a backup taken while an applicant keeps submitting restores to a
consistent state."""

import io
import json
import subprocess
import tarfile
import time
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from wagtail.documents.models import Document

from deploy.local import PYTHON, REPO
from tests.factories import published_disclosure
from tests.pagecache.test_serving import database_for_subprocesses
from tests.requests.conftest import applicant
from xxgk.backup.services import BackupError, current_row_counts, storage_roots, unpack
from xxgk.mailbox.models import Mailbox
from xxgk.mailbox.services import submit_letter
from xxgk.requests.services import create_application

from .helpers import drop_database, file_hashes, fresh_database_url, install_env

pytestmark = pytest.mark.django_db(transaction=True)

PDF = b"%PDF-1.4\n" + bytes(range(256)) * 8
PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4

# Run inside a restored installation: what it holds, as JSON.
INSPECT = """
import json
from django.core.management import call_command
from django.db import connection
from xxgk.backup.services import current_row_counts
from xxgk.requests.models import Application, Attachment
from xxgk.mailbox.models import LetterAttachment
from wagtail.documents.models import Document
call_command("restore", {archive!r})
with connection.cursor() as cursor:
    if connection.vendor == "sqlite":
        cursor.execute("PRAGMA integrity_check")
        integrity = cursor.fetchone()[0]
    else:
        integrity = "ok"
files = [a.file for a in Attachment.objects.all()]
files += [a.file for a in LetterAttachment.objects.all()]
files += [d.file for d in Document.objects.all()]
print(json.dumps({{
    "integrity": integrity,
    "counts": current_row_counts(),
    "numbers": sorted(Application.objects.values_list("number", flat=True)),
    "applications_without_file": Application.objects.filter(attachments=None).count(),
    "missing_files": [f.name for f in files if not f.storage.exists(f.name)],
}}))
"""


def restore_and_inspect(archive: Path, database_url: str, root: Path) -> dict:
    result = subprocess.run(
        [PYTHON, "manage.py", "shell", "--no-imports", "-c", INSPECT.format(archive=str(archive))],
        cwd=REPO,
        env=install_env(database_url, root),
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.fixture
def site_data(office, dept_a, item_a):
    """A disclosure with an attachment, an application with one, a letter with one."""
    document = Document.objects.create(title="招生计划表", file=ContentFile(PDF, name="plan.pdf"))
    published_disclosure(
        item=item_a, department=dept_a, author=office, title="2026年招生章程", documents=[document]
    )
    application, _ = create_application(
        data=applicant(), files=[SimpleUploadedFile("身份证.pdf", PDF)]
    )
    mailbox = Mailbox.objects.create(
        name="校长信箱", slug="president", number_prefix="XZ", default_department=dept_a
    )
    submit_letter(
        mailbox=mailbox,
        data={"writer_name": "李四", "subject": "食堂建议", "message": "建议延长食堂开放时间。"},
        files=[SimpleUploadedFile("photo.png", PNG)],
    )
    return application


def test_round_trip_onto_a_fresh_install(site_data, tmp_path):
    archive = tmp_path / "site.tar.gz"
    call_command("backup", output=str(archive), stdout=io.StringIO())
    roots = storage_roots()
    assert set(roots) == {"media", "private"}  # documents and images; applicants' files
    source_files = file_hashes(*roots.values())
    assert len(source_files) == 3  # plan.pdf, the application's and the letter's attachment
    source_counts = current_row_counts()

    target = fresh_database_url(tmp_path, "restore")
    try:
        restored = restore_and_inspect(archive, target, tmp_path / "restored")
    finally:
        drop_database(target)
    assert restored["integrity"] == "ok"
    assert restored["counts"] == source_counts
    assert restored["numbers"] == [site_data.number]
    assert restored["missing_files"] == []
    restored_root = tmp_path / "restored"
    assert file_hashes(restored_root / "media", restored_root / "private") == source_files


def test_restore_refuses_a_database_with_data_unless_forced(site_data, tmp_path):
    archive = tmp_path / "site.tar.gz"
    call_command("backup", output=str(archive), stdout=io.StringIO())
    before = current_row_counts()
    with pytest.raises(CommandError, match="--force"):
        call_command("restore", str(archive))
    assert current_row_counts() == before


def test_a_damaged_archive_is_refused(site_data, tmp_path):
    archive = tmp_path / "site.tar.gz"
    call_command("backup", output=str(archive), stdout=io.StringIO())
    damaged = tmp_path / "damaged.tar.gz"
    with tarfile.open(archive) as source, tarfile.open(damaged, "w:gz") as copy:
        for member in source.getmembers():
            data = source.extractfile(member).read()
            if member.name.endswith(".pdf"):
                data = data[:-1] + b"X"  # one flipped byte in an applicant's file
            copy.addfile(member, io.BytesIO(data))
    with pytest.raises(BackupError, match="校验和不符"):
        unpack(damaged, tmp_path / "unpacked")
    with pytest.raises(CommandError, match="校验和不符"):
        call_command("restore", str(damaged), force=True)


WRITER = """
import json, pathlib
from django.core.files.uploadedfile import SimpleUploadedFile
from tests.requests.conftest import applicant
from xxgk.requests.services import create_application
stop, ready = pathlib.Path({stop!r}), pathlib.Path({ready!r})
written = 0
while not stop.exists():
    body = b"%PDF-1.4 " + str(written).encode() * 4000
    create_application(data=applicant(), files=[SimpleUploadedFile("a.pdf", body)])
    written += 1
    if written == 3:
        ready.touch()
print(json.dumps(written))
"""


def test_backup_while_applicants_submit_is_consistent(tmp_path):
    """An applicant process keeps submitting (row + file) during the whole backup; the
    restored site has gap-free numbers, every row's file, and an intact database."""
    source = database_for_subprocesses(tmp_path)
    env = install_env(source, tmp_path / "live")
    stop, ready = tmp_path / "stop", tmp_path / "ready"
    writer = subprocess.Popen(
        [
            PYTHON,
            "manage.py",
            "shell",
            "--no-imports",
            "-c",
            WRITER.format(stop=str(stop), ready=str(ready)),
        ],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    archive = tmp_path / "live.tar.gz"
    try:
        deadline = time.monotonic() + 120
        while not ready.exists():
            assert writer.poll() is None, writer.stderr.read()[-3000:]
            assert time.monotonic() < deadline, "the writer did not start"
            time.sleep(0.2)
        backup = subprocess.run(
            [PYTHON, "manage.py", "backup", "--output", str(archive)],
            cwd=REPO,
            env=env,
            capture_output=True,
            text=True,
        )
        assert writer.poll() is None, "the writer must still be writing after the backup"
    finally:
        stop.touch()
        out, err = writer.communicate(timeout=120)
    assert backup.returncode == 0, backup.stderr[-3000:]
    assert writer.returncode == 0, err[-3000:]
    written = json.loads(out.strip().splitlines()[-1])

    target = fresh_database_url(tmp_path, "restore_live")
    try:
        restored = restore_and_inspect(archive, target, tmp_path / "restored")
    finally:
        drop_database(target)
    assert restored["integrity"] == "ok"
    numbers = restored["numbers"]
    assert 3 <= len(numbers) <= written
    year = numbers[0].split("-")[1]
    assert numbers == [f"YSQ-{year}-{n:06d}" for n in range(1, len(numbers) + 1)]
    assert restored["applications_without_file"] == 0
    assert restored["missing_files"] == []
