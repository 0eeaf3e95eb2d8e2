"""The search index: one row per indexed version of a page.

SearchDocument holds what queries filter and join on. The full-text structures are the
engine's own: on SQLite two contentless FTS5 tables whose rowid is the document's id
(migration 0007; written by xxgk.search.backends.SQLiteBackend in the same transaction as
the document row, deleted by a trigger on it); on PostgreSQL SearchText's token columns and
a generated tsvector column over them, with a GIN index (migration 0002). Neither engine
keeps the text itself: snippets are cut from the pages' own text (documents.texts_of).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from .synonyms import validate_entry


class Version(models.TextChoices):
    LIVE = "live", _("已发布")
    DRAFT = "draft", _("草稿或未发布修改")


class SearchDocument(models.Model):
    """The searchable text of a page: its live content (public search) or its latest
    revision while that differs from what is live (staff search only)."""

    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="+")
    version = models.CharField(max_length=8, choices=Version.choices)
    kind = models.CharField(max_length=32)
    title = models.CharField(max_length=255)
    date = models.DateField()
    item = models.ForeignKey(
        "catalogue.CatalogueItemPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    department = models.ForeignKey(
        "orgs.Department", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    indexed_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["page", "version"], name="search_document_version")
        ]
        indexes = [models.Index(fields=["version", "date"], name="search_document_date")]

    def __str__(self):
        return f"{self.title} ({self.get_version_display()})"


class SearchText(models.Model):
    """PostgreSQL's token columns (its generated tsvector and phrase check read them); its
    primary key is the document's id. SQLite writes no rows here: its FTS5 tables hold the
    tokens."""

    document = models.OneToOneField(
        SearchDocument, on_delete=models.CASCADE, primary_key=True, related_name="content"
    )
    title_tokens = models.TextField(blank=True)
    body_tokens = models.TextField(blank=True)

    def __str__(self):
        return str(self.document_id)


class AttachmentText(models.Model):
    """Text extracted from an attached file, kept so that saving a draft again does not
    re-parse a long PDF. ``error`` says why a file could not be read."""

    document = models.OneToOneField(
        "wagtaildocs.Document", on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    source = models.CharField(max_length=300)
    text = models.TextField(blank=True)
    error = models.CharField(max_length=255, blank=True)

    def __str__(self):
        return self.source


class Synonym(models.Model):
    """An entry of the synonym and abbreviation list the office keeps (xxgk.search.synonyms):
    a query containing ``term`` also searches each of ``synonyms``; a two-way entry makes
    every word of it search all the others. Validated as a whole list (no loops, bounded
    expansion) by synonyms.validate_entry."""

    term = models.CharField(_("搜索词"), max_length=40)
    synonyms = models.CharField(
        _("同时搜索"),
        max_length=400,
        help_text=_("一个或多个词，用逗号、分号或换行分隔（顿号可以出现在词中）。"),
    )
    two_way = models.BooleanField(
        _("双向"),
        default=True,
        help_text=_("勾选：条目中每个词都同时搜索其他词；不勾选：只有搜索词扩展到同时搜索的词。"),
    )
    note = models.CharField(_("说明"), max_length=200, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("同义词")
        verbose_name_plural = _("同义词与缩略语")
        ordering = ["term", "pk"]

    def __str__(self):
        arrow = "↔" if self.two_way else "→"
        return f"{self.term} {arrow} {self.synonyms}"

    def clean(self):
        validate_entry(self)


class SearchQueryDay(models.Model):
    """The anonymous search log: how often a query was searched on a day and how many
    results it found the last time. No time of day, no IP address, no user."""

    day = models.DateField()
    query = models.CharField(max_length=100)
    searches = models.PositiveIntegerField(default=1)
    results = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["day", "query"], name="search_query_day")]

    def __str__(self):
        return f"{self.day} {self.query} ×{self.searches}"
