"""`make run` starts quietly: progress and accounts on the terminal, the loader's logs in a file."""

import logging
from io import StringIO

from django.core.management import call_command

from xxgk_demo.management.commands import load_demo


def test_log_records_go_to_the_file_while_loading_and_the_terminal_gets_them_back(tmp_path):
    terminal = StringIO()
    console = logging.StreamHandler(terminal)
    root = logging.getLogger()
    root.addHandler(console)
    try:
        with load_demo.logs_to(tmp_path / "log" / "load.log"):
            logging.getLogger("wagtail").warning('Published: "学校章程" pk=7')
        logging.getLogger("wagtail").warning("after loading")
    finally:
        root.removeHandler(console)
    assert 'Published: "学校章程" pk=7' in (tmp_path / "log" / "load.log").read_text("utf-8")
    assert "Published" not in terminal.getvalue()
    assert "after loading" in terminal.getvalue()


def test_the_command_ends_with_the_addresses_and_the_account_table(tmp_path, monkeypatch):
    def load(command, log_file):
        logging.getLogger("wagtail").warning('Page created: "学校概况" id=68')
        return [("admin", "s3cret-pass", "超级管理员"), ("office", "0ffice-pass", "信息公开办公室")]

    monkeypatch.setattr(load_demo.Command, "_load", load)
    out = StringIO()
    call_command(
        "load_demo", site_url="http://127.0.0.1:8000/", log_file=tmp_path / "x.log", stdout=out
    )
    lines = out.getvalue().strip().splitlines()
    assert lines[0] == "网站：     http://127.0.0.1:8000/"
    assert lines[1] == "管理后台： http://127.0.0.1:8000/admin/"
    assert lines[2] == "演示账号（用户名 / 密码 / 角色）："
    assert lines[3].split() == ["admin", "s3cret-pass", "超级管理员"]
    assert lines[4].split() == ["office", "0ffice-pass", "信息公开办公室"]
    assert "Page created" not in out.getvalue()
    assert "学校概况" in (tmp_path / "x.log").read_text("utf-8")
