"""The anonymous search log, its retention, and what the office reads from it."""

import datetime

import pytest

from xxgk.core.schedule import JOBS
from xxgk.search.models import SearchQueryDay
from xxgk.search.services import log_search, purge_search_log

pytestmark = pytest.mark.django_db

URL = "/search/"
LOG_URL = "/admin/xxgk-search/log/"


def test_a_public_search_is_counted_per_day_without_ip_user_or_time(client, corpus, office):
    client.force_login(office)  # even a logged-in reader leaves no name behind
    for _ in range(2):
        client.get(URL, {"q": "招生章程"}, REMOTE_ADDR="203.0.113.9")
    client.get(URL, {"q": "不存在的词组"})
    client.get(URL, {"q": "招生章程", "page": 1, "sort": "date"})
    client.get("/admin/xxgk-search/", {"q": "招生章程"})  # staff search is not logged
    rows = {row.query: row for row in SearchQueryDay.objects.all()}
    assert rows["招生章程"].searches == 3 and rows["招生章程"].results == 2
    assert rows["不存在的词组"].results == 0
    fields = {field.name for field in SearchQueryDay._meta.get_fields()}
    assert fields == {"id", "day", "query", "searches", "results"}


def test_later_pages_of_the_same_search_are_not_counted_again(client, corpus, settings):
    from xxgk.search import views

    original, views.PER_PAGE = views.PER_PAGE, 2
    try:
        client.get(URL, {"q": "招生"})
        client.get(URL, {"q": "招生", "page": 2})
    finally:
        views.PER_PAGE = original
    assert SearchQueryDay.objects.get(query="招生").searches == 1


def test_the_log_is_kept_for_the_configured_days_by_a_daily_job(settings):
    settings.XXGK_SEARCH_LOG_DAYS = 30
    today = datetime.date(2024, 6, 30)
    for days in (0, 30, 31, 400):
        log_search("招生", 3, day=today - datetime.timedelta(days=days))
    assert purge_search_log(today=today) == 2
    assert sorted(SearchQueryDay.objects.values_list("day", flat=True)) == [
        datetime.date(2024, 5, 31),
        today,
    ]
    assert "purge_search_log" in JOBS


def test_new_queries_stop_being_logged_at_the_daily_cap(monkeypatch):
    from xxgk.search import services

    monkeypatch.setattr(services, "MAX_LOGGED_QUERIES_PER_DAY", 2)
    for query in ("甲", "乙", "丙", "甲"):
        log_search(query, 1)
    assert dict(SearchQueryDay.objects.values_list("query", "searches")) == {"甲": 2, "乙": 1}


def test_the_office_reads_top_and_zero_result_queries_of_a_period(client, office, supervisor):
    day = datetime.date(2024, 3, 1)
    for query, results, times in (("招生", 12, 5), ("奖学金", 3, 2), ("职代会", 0, 4)):
        for _ in range(times):
            log_search(query, results, day=day)
    log_search("去年的词", 0, day=day - datetime.timedelta(days=400))
    for user in (office, supervisor):
        client.force_login(user)
        html = client.get(LOG_URL, {"date_from": "2024-02-01", "date_to": "2024-03-31"})
        html = html.content.decode()
        assert html.index("招生") < html.index("奖学金")
        zero = html.split("没有结果的搜索")[1]
        assert "职代会" in zero and "招生" not in zero and "去年的词" not in html
        assert "公开搜索 11 次" in html
    assert "添加同义词" not in zero  # the supervisor reads, the office adds
    client.force_login(office)
    assert "添加同义词" in client.get(LOG_URL, {"date_from": "2024-03-01"}).content.decode()


@pytest.mark.parametrize("role", ["editor_a", "reviewer", "leader"])
def test_other_staff_cannot_read_the_log(client, request, role):
    client.force_login(request.getfixturevalue(role))
    assert client.get(LOG_URL).status_code == 403
