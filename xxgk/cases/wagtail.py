"""How a kind of case joins the Wagtail admin: its URLs under /admin/<prefix> and its menu
entry, shown to whoever its policy allows. Called from each case app's wagtail_hooks."""

from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from xxgk.orgs.policy import Action


class PolicyMenuItem(MenuItem):
    """Shown to whoever `policy` allows `action` (without a particular case)."""

    def __init__(self, *args, policy, action=Action.VIEW, **kwargs):
        super().__init__(*args, **kwargs)
        self.policy = policy
        self.action = action

    def is_shown(self, request):
        return self.policy.allows(request.user, self.action)


def register_case_admin(prefix: str, admin_urls, menu) -> None:
    """`admin_urls` is the app's URL module (its app_name is the namespace); `menu` returns
    the menu item, called once the URLs can be reversed."""
    hooks.register("register_admin_urls", lambda: [path(prefix, include(admin_urls))])
    hooks.register("register_admin_menu_item", menu)


def menu_entry(label, url_name: str, *, icon: str, order: int, policy, action=Action.VIEW):
    """A case kind's one menu item, built when Wagtail asks for its menu."""
    return lambda: PolicyMenuItem(
        label, reverse(url_name), icon_name=icon, order=order, policy=policy, action=action
    )
