from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from xxgk.cases.wagtail import menu_entry, register_case_admin, register_case_deadlines

from . import admin_urls
from .models import Mailbox, SensitiveWord
from .policy import letter_policy
from .selectors import open_letters


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


register_case_deadlines(_("领导信箱来信"), letter_policy, open_letters, "mailbox_admin:letter")
