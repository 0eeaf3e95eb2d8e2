import csv

import pytest

from xxgk_demo.pdf import render_pdf

HEADER = ["标题", "发布日期", "部门", "事项编号", "正文", "正文文件", "附件", "原始地址"]


@pytest.fixture
def old_site(tmp_path):
    """A folder of files as scraped from the old site."""
    folder = tmp_path / "files"
    (folder / "attachments").mkdir(parents=True)
    (folder / "attachments" / "章程.pdf").write_bytes(render_pdf("招生章程", ["章程全文"]))
    (folder / "attachments" / "预算表.pdf").write_bytes(render_pdf("预算表", ["预算"]))
    (folder / "pages").mkdir()
    page = (
        "<html><head><title>x</title><script>track()</script></head><body>"
        "<h2>2021年预算</h2><p style='color:red' onclick='x()'>预算说明</p></body></html>"
    )
    (folder / "pages" / "budget.html").write_bytes(page.encode("gb18030"))
    return folder


@pytest.fixture
def write_csv(tmp_path):
    def _write(rows, name="manifest.csv", header=HEADER):
        path = tmp_path / name
        with open(path, "w", newline="", encoding="utf-8-sig") as handle:
            writer = csv.writer(handle)
            writer.writerow(header)
            writer.writerows(rows)
        return path

    return _write


@pytest.fixture
def good_rows(item_a, item_b):
    return [
        [
            "2021年招生章程",
            "2021-05-20",
            "ZSA",
            "7",
            "<p>章程正文</p>",
            "",
            "attachments/章程.pdf",
            "http://old.example.edu.cn/zs/2021/1.html",
        ],
        [
            "2021年预算",
            "2021/03/15",
            "计划财务处",
            "19",
            "",
            "pages/budget.html",
            "attachments/预算表.pdf; attachments/章程.pdf",
            "http://old.example.edu.cn/cw/2021/7.html",
        ],
    ]
