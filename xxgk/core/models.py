"""Models every app may use. Only what has no domain of its own lives here."""

from django.db import models
from django.utils.translation import gettext_lazy
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

from .documents import OFFICIAL, PLAIN
from .documents.fonts import validate_font_file
from .storage import private_storage


class SerialCounter(models.Model):
    """The last serial issued per (prefix, year): public case numbers (YSQ, a mailbox's prefix,
    JB) and the review sheets' 保审〔year〕N号. One row per prefix and year, so a year starts at
    1 and no number is issued twice or skipped (`numbering.next_serial`)."""

    prefix = models.CharField(max_length=8)
    year = models.PositiveSmallIntegerField()
    last_serial = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["prefix", "year"], name="unique_serial_counter")
        ]

    def __str__(self):
        return f"{self.prefix}-{self.year}: {self.last_serial}"


class DocumentLayout(models.TextChoices):
    OFFICIAL = OFFICIAL, gettext_lazy("公文版式（GB/T 9704-2012）")
    PLAIN = PLAIN, gettext_lazy("普通版式")


def _font_field(verbose_name):
    """A licensed font the office uploads: in private storage (never served by URL: the
    licence covers the school's use, not handing the file to the public), checked on upload."""
    return models.FileField(
        verbose_name,
        upload_to="fonts/",
        storage=private_storage,
        blank=True,
        validators=[validate_font_file],
        help_text=gettext_lazy(
            "TrueType 字体（.ttf 或 .ttc），授权须允许嵌入，每次保存上传一个；"
            "不上传则使用系统自带的开源字体。"
        ),
    )


@register_setting(icon="doc-full")
class DocumentSettings(BaseGenericSetting):
    """The layout and fonts of the documents the school issues (letters to applicants, review
    sheets, the annual report), edited by the office under 设置 → 公文版式与字体. It lives in
    core beside the document toolkit that reads it (`documents.house.house_style`), so that
    every app generating documents gets the same look without importing another app."""

    layout = models.CharField(
        gettext_lazy("告知书和年度报告的版式"),
        max_length=16,
        choices=DocumentLayout.choices,
        default=DocumentLayout.OFFICIAL,
        help_text=gettext_lazy(
            "公文版式：GB/T 9704-2012 的版心、字号和落款（发文机关署名、成文日期、印章位置）；"
            "普通版式：四边 25 毫米页边距、小四号正文。PDF 和 Word 文件都按此排版。"
        ),
    )
    title_font = _font_field(gettext_lazy("标题字体（如方正小标宋简体）"))
    body_font = _font_field(gettext_lazy("正文字体（如仿宋_GB2312）"))
    heading_font = _font_field(gettext_lazy("一级标题字体（如黑体）"))
    subheading_font = _font_field(gettext_lazy("二级标题字体（如楷体_GB2312）"))
    # Any save (a new upload, a cleared font, the layout) changes the stamp; the per-process
    # cache of registered fonts is keyed by it (`documents.fonts.typefaces`).
    changed_at = models.DateTimeField(auto_now=True)

    panels = [
        FieldPanel("layout"),
        MultiFieldPanel(
            [
                FieldPanel("title_font"),
                FieldPanel("body_font"),
                FieldPanel("heading_font"),
                FieldPanel("subheading_font"),
            ],
            heading=gettext_lazy("学校购买授权的字体"),
        ),
    ]

    class Meta:
        verbose_name = verbose_name_plural = gettext_lazy("公文版式与字体")

    def __str__(self):
        return str(self._meta.verbose_name)
