from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from xxgk.orgs.policy import Action

from . import admin_urls
from .models import Mailbox, SensitiveWord
from .policy import letter_policy


class MailboxViewSet(SnippetViewSet):
    model = Mailbox
    icon = "mail"
    menu_label = "信箱设置"
    list_display = ["name", "slug", "number_prefix", "allow_anonymous", "is_active"]


class SensitiveWordViewSet(SnippetViewSet):
    model = SensitiveWord
    icon = "warning"
    menu_label = "敏感词"
    list_display = ["word", "note"]
    search_fields = ["word"]


class MailboxSettingsGroup(SnippetViewSetGroup):
    items = (MailboxViewSet, SensitiveWordViewSet)
    menu_icon = "mail"
    menu_label = "信箱与敏感词"
    menu_name = "mailbox-settings"


register_snippet(MailboxSettingsGroup)


class LetterMenuItem(MenuItem):
    def is_shown(self, request):
        return letter_policy.allows(request.user, Action.VIEW)


@hooks.register("register_admin_urls")
def register_mailbox_admin_urls():
    return [path("letters/", include(admin_urls, namespace="mailbox_admin"))]


@hooks.register("register_admin_menu_item")
def register_letters_menu_item():
    return LetterMenuItem(
        "领导信箱来信", reverse("mailbox_admin:list"), icon_name="mail", order=250
    )
