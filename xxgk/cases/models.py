"""What every kind of case stores the same way: its public number, its query code, its
timeline and the erasure of its personal data. The case apps' models build on these."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from xxgk.orgs.models import Department
from xxgk.security.fields import EncryptedCharField


def optional_link(to, verbose_name=None, related_name="+", on_delete=models.SET_NULL):
    """A link a case or its parts may lack (a category, a fee period, a person, a department):
    empty until someone sets it."""
    return models.ForeignKey(
        to,
        on_delete=on_delete,
        null=True,
        blank=True,
        related_name=related_name,
        verbose_name=verbose_name,
    )


def staff_link(verbose_name=None, related_name="+"):
    """A member of staff who did something to a case; the case outlives the account."""
    return optional_link(settings.AUTH_USER_MODEL, verbose_name, related_name)


def department_link(verbose_name, related_name, on_delete=models.PROTECT):
    """The department a case is assigned to (or is about)."""
    return optional_link(Department, verbose_name, related_name, on_delete)


class Case(models.Model):
    """A case the public follows with its number and the query code it was given once."""

    query_code_hash = models.CharField(max_length=64, editable=False)
    personal_data_erased_on = models.DateField(_("个人信息删除日期"), null=True, blank=True)

    class Meta:
        abstract = True


class PublicCase(Case):
    """A case written on the public site (letter, complaint): a subject, a message kept as
    typed, optional contacts, and the sensitive words it hit."""

    subject = models.CharField(_("标题"), max_length=100)
    phone = EncryptedCharField(_("联系电话"), max_length=30, blank=True)
    email = models.EmailField(_("电子邮箱"), blank=True)
    flagged_words = models.CharField(_("命中敏感词"), max_length=300, blank=True)

    class Meta:
        abstract = True

    def __str__(self):
        return f"{self.number} {self.subject}"


class CaseAttachment(models.Model):
    """A file that came with a case: private, served to staff only under the name it was
    sent with. The case app adds the link to its case and the file field."""

    original_name = models.CharField(_("文件名"), max_length=200)
    size = models.PositiveIntegerField(_("大小"))

    class Meta:
        abstract = True

    def __str__(self):
        return self.original_name


class CaseEvent(models.Model):
    """One step of a case's timeline: who did it, when, and a note."""

    actor = staff_link(_("操作人"))
    note = models.TextField(_("说明"), blank=True)
    at = models.DateTimeField(_("时间"), db_index=True)

    class Meta:
        abstract = True
        ordering = ["at", "pk"]
