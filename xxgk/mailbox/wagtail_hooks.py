from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from xxgk.cases.wagtail import DueCase, menu_entry, register_case_admin, register_case_deadlines
from xxgk.orgs.policy import Action

from . import admin_urls
from .models import OPEN_STATUSES, Mailbox, SensitiveWord
from .policy import letter_policy
from .selectors import letters_for_user


class MailboxViewSet(SnippetViewSet):
    model = Mailbox
    icon = "mail"
    menu_label = _("信箱设置")
    list_display = ["name", "slug", "number_prefix", "allow_anonymous", "is_active"]


class SensitiveWordViewSet(SnippetViewSet):
    model = SensitiveWord
    icon = "warning"
    menu_label = _("敏感词")
    list_display = ["word", "note"]
    search_fields = ["word"]


class MailboxSettingsGroup(SnippetViewSetGroup):
    items = (MailboxViewSet, SensitiveWordViewSet)
    menu_icon = "mail"
    menu_label = _("信箱与敏感词")
    menu_name = "mailbox-settings"


register_snippet(MailboxSettingsGroup)


menu = menu_entry(
    _("领导信箱来信"), "mailbox_admin:list", icon="mail", order=250, policy=letter_policy
)
register_case_admin("letters/", admin_urls, menu)


def letters_falling_due(user, until):
    """The open letters this user may see whose answer is due by `until`."""
    if not letter_policy.allows(user, Action.VIEW):
        return None
    letters = letters_for_user(user).filter(status__in=OPEN_STATUSES, due_date__lte=until)
    return [
        DueCase(
            due_date=letter.due_date,
            kind=str(_("领导信箱来信")),
            number=letter.number,
            status=letter.get_status_display(),
            url=reverse("mailbox_admin:letter", args=[letter.pk]),
        )
        for letter in letters
    ]


register_case_deadlines(letters_falling_due)
