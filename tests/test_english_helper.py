"""The English-page check itself: it must see what a reader sees and nothing else."""

from tests.english import chinese_runs, visible_text

PAGE = """<html><body><header>页头</header>
<main><h1>Title</h1><a title="提示" href="#">Link</a><input placeholder="请输入">
<p data-content>正文</p><script>var s = "脚本";</script><br/><p>Left 中文 here</p></main>
<footer>页脚</footer></body></html>"""


def _content(tag, attributes):
    return "data-content" in attributes


def test_reads_the_words_and_readable_attributes_of_main_only():
    text = visible_text(PAGE, "main", _content)
    assert "提示" in text and "请输入" in text and "中文" in text
    assert "正文" not in text and "脚本" not in text and "页脚" not in text


def test_content_strings_are_taken_out_before_looking_for_chinese():
    text = visible_text(PAGE, "main", _content)
    assert chinese_runs(text, "提示", "请输入", "中文") == []
    assert [run.strip() for run in chinese_runs(text, "提示", "请输入", context=0)] == ["中文"]
