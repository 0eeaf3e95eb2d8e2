import json

import pytest
from django.conf import settings
from django.db import connection


@pytest.mark.django_db
def test_healthz_reports_database(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    payload = json.loads(response.content)
    assert payload["status"] == "ok"
    assert payload["database"]["ok"] is True
    assert payload["database"]["vendor"] == connection.vendor


@pytest.mark.django_db
def test_healthz_reports_unreachable_database(client, monkeypatch):
    from django.db import OperationalError

    from xxgk.core import views

    class Broken:
        def cursor(self):
            raise OperationalError("connection refused")

    monkeypatch.setattr(views, "connection", Broken())
    response = client.get("/healthz")
    assert response.status_code == 503
    assert json.loads(response.content)["database"]["ok"] is False


def test_locale_and_time_zone():
    assert settings.LANGUAGE_CODE == "zh-hans"
    assert settings.TIME_ZONE == "Asia/Shanghai"
    assert "en" in dict(settings.LANGUAGES)


@pytest.mark.django_db
def test_sqlite_runs_in_wal_mode():
    if connection.vendor != "sqlite":
        pytest.skip("WAL is a SQLite setting")
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA journal_mode")
        mode = cursor.fetchone()[0]
    # The in-memory test database cannot use WAL; a file database must.
    assert mode in {"wal", "memory"}


def test_settings_read_database_url(monkeypatch):
    import dj_database_url

    parsed = dj_database_url.parse("postgres://u:p@127.0.0.1:5432/xxgk")
    assert parsed["ENGINE"] == "django.db.backends.postgresql"
    assert parsed["NAME"] == "xxgk"


def test_production_requires_secret_key(monkeypatch):
    import subprocess
    import sys

    env = {"DJANGO_ENV": "production", "PATH": "/usr/bin:/bin", "ALLOWED_HOSTS": "example.edu.cn"}
    result = subprocess.run(
        [sys.executable, "-c", "import xxgk.settings"],
        env=env,
        capture_output=True,
        text=True,
        cwd=settings.BASE_DIR,
    )
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


@pytest.mark.django_db
def test_unknown_url_gets_chinese_404(client):
    response = client.get("/no/such/page/")
    assert response.status_code == 404
    assert "页面不存在" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("page", ["abc", "0", "-1", "99999", "1.5", ""])
def test_bad_page_number_is_404_not_500(client, page):
    assert client.get("/catalogue/zsks/item-7/").status_code == 200
    response = client.get(f"/catalogue/zsks/item-7/?page={page}")
    if page == "":
        assert response.status_code == 200
    else:
        assert response.status_code == 404
