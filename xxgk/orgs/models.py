from django.conf import settings
from django.contrib.auth.models import Group
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Collection

from .roles import DEPARTMENT_GROUP_PREFIX, ROLE_GROUP_NAMES, Role

department_code_validator = RegexValidator(
    r"^[A-Z][A-Z0-9]{1,15}$", _("部门代码须为 2-16 位大写字母或数字，且以字母开头。")
)


class Department(models.Model):
    """An office or school unit that answers for catalogue items (谁公开、谁负责)."""

    name = models.CharField(_("部门名称"), max_length=100, unique=True)
    code = models.CharField(
        _("部门代码"), max_length=16, unique=True, validators=[department_code_validator]
    )
    contact_person = models.CharField(_("联系人"), max_length=50, blank=True)
    phone = models.CharField(_("联系电话"), max_length=50, blank=True)
    email = models.EmailField(_("电子邮箱"), blank=True)
    address = models.CharField(_("办公地址"), max_length=200, blank=True)
    is_active = models.BooleanField(_("在用"), default=True)
    sort_order = models.PositiveIntegerField(_("排序"), default=100)
    # The group whose members edit this department's catalogue items; page permissions hang
    # off it, so Wagtail's explorer and our services read the same rules.
    editor_group = models.OneToOneField(
        Group, on_delete=models.PROTECT, related_name="department", editable=False
    )
    # The collection holding the department's files: only its editors' group (and the office
    # and reviewers, from the root) may see them before they are published.
    collection = models.OneToOneField(
        Collection,
        on_delete=models.PROTECT,
        related_name="department",
        null=True,
        editable=False,
        verbose_name=_("文件集"),
    )

    class Meta:
        ordering = ["sort_order", "code"]
        verbose_name = verbose_name_plural = _("部门")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        # Every department has its editors' group and its collection, whichever path created
        # it (service, back office, fixture): page and file permissions hang off them. The
        # collection is named after the department and follows its renames.
        if self.editor_group_id is None:
            self.editor_group, _ = Group.objects.get_or_create(
                name=f"{DEPARTMENT_GROUP_PREFIX}{self.code}"
            )
        if self.collection_id is None:
            self.collection = Collection.get_first_root_node().add_child(name=self.name)
        else:
            Collection.objects.filter(pk=self.collection_id).exclude(name=self.name).update(
                name=self.name
            )
        super().save(*args, **kwargs)


class StaffProfile(models.Model):
    """The department a staff account belongs to; roles live in auth groups."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="staff_profile"
    )
    department = models.ForeignKey(
        Department,
        on_delete=models.PROTECT,
        related_name="staff",
        null=True,
        blank=True,
        verbose_name=_("所属部门"),
    )
    phone = models.CharField(_("联系电话"), max_length=50, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = _("工作人员档案")

    def __str__(self):
        return f"{self.user} ({self.department or '—'})"


def role_group_name(role: Role) -> str:
    return ROLE_GROUP_NAMES[Role(role)]
