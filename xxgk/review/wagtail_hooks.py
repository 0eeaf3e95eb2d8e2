"""Wires the review into Wagtail's admin: URLs, menu items with counts, the dashboard panel,
log actions for the audit trail, and the refusals on Wagtail's own publish/unpublish paths."""

from django.contrib import messages
from django.urls import include, path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.action_menu import ActionMenuItem
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.widgets.button import Button
from wagtail.log_actions import LogFormatter
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from xxgk.disclosures.models import DisclosurePage
from xxgk.disclosures.policy import disclosure_policy
from xxgk.orgs.policy import Action
from xxgk.orgs.roles import Role
from xxgk.orgs.selectors import has_role, is_office

from . import selectors, services, urls
from .models import DepartmentHead
from .policy import may_read_review_of, review_policy


@hooks.register("register_admin_urls")
def register_review_urls():
    return [path("review/", include((urls, "review"), namespace="review"))]


# --- Audit log actions -------------------------------------------------------------------------


class TransitionFormatter(LogFormatter):
    """Renders our transitions as "from → to" with the comment (reason, opinion)."""

    def format_message(self, log_entry):
        data = log_entry.data or {}
        # The states are stored in Chinese; the catalogue knows them as msgids.
        source, target = data.get("from") or "", data.get("to") or ""
        return _("%(action)s：%(source)s → %(target)s") % {
            "action": self.label,
            "source": _(source) if source else "",
            "target": _(target) if target else "",
        }

    def format_comment(self, log_entry):
        return (log_entry.data or {}).get("comment", "")


TRANSITIONS = {
    "xxgk_review.submit": gettext_lazy("提交保密审查"),
    "xxgk_review.head_submit": gettext_lazy("提交部门负责人审核"),
    "xxgk_review.approve": gettext_lazy("审查同意"),
    "xxgk_review.reject": gettext_lazy("审查退回"),
    "xxgk_review.restart": gettext_lazy("修改后重新审查"),
    "xxgk_review.withdraw": gettext_lazy("撤回"),
    "xxgk_review.restore": gettext_lazy("重新送审"),
}


@hooks.register("register_log_actions")
def register_review_log_actions(actions):
    for action, label in TRANSITIONS.items():
        actions.register_action(action)(type("Formatter", (TransitionFormatter,), {"label": label}))
    actions.register_action(
        "xxgk_review.publish_refused",
        gettext_lazy("拒绝发布"),
        gettext_lazy("未经保密审查的版本被拒绝发布"),
    )
    actions.register_action("xxgk_review.scan_completed")(ScanCompletedFormatter)
    actions.register_action(
        "xxgk_review.redact",
        gettext_lazy("生成涂黑副本"),
        gettext_lazy("扫描件中识别出的个人信息已涂黑，作为新版本送审"),
    )


class ScanCompletedFormatter(LogFormatter):
    label = gettext_lazy("个人信息扫描完成")

    def format_message(self, log_entry):
        data = log_entry.data or {}
        message = _("个人信息扫描完成：疑似个人信息 %(hits)s 处") % {"hits": data.get("hits", 0)}
        for label in data.get("unscannable", []):
            message += f"；{label}"
        return message


# --- Menu and dashboard ------------------------------------------------------------------------


class CountedMenuItem(MenuItem):
    """A menu item shown to some users, with a live count in its label."""

    def __init__(self, label, url_name, *, shown, count=None, **kwargs):
        super().__init__(label, "", **kwargs)
        self.url_name, self.shown, self.count = url_name, shown, count

    def is_shown(self, request):
        return self.shown(request.user)

    def render_component(self, request):
        self.url = reverse(self.url_name)
        component = super().render_component(request)
        number = self.count(request.user) if self.count else 0
        if number:
            component.label = f"{self.label}（{number}）"
        return component


def _is_editor_or_office(user):
    return has_role(user, Role.EDITOR) or is_office(user)


def _may_use_queue(user):
    return review_policy.allows(user, Action.HANDLE)


def _may_read_log(user):
    return review_policy.allows(user, Action.VIEW)


def _unread_count(user):
    return selectors.unread_notices(user).count()


# label, URL name, icon, order, who sees it, what it counts
MENU_ITEMS = [
    (
        gettext_lazy("待我审查"),
        "review:queue",
        "tasks",
        150,
        _may_use_queue,
        selectors.review_queue_count,
    ),
    (gettext_lazy("我的公开信息"), "review:mine", "doc-full", 160, _is_editor_or_office, None),
    (gettext_lazy("审查日志"), "review:audit", "history", 170, _may_read_log, None),
    (gettext_lazy("通知"), "review:notices", "mail", 180, lambda user: True, _unread_count),
]


def _register_menu_item(label, url_name, icon, order, shown, count):
    name = url_name.replace(":", "-")
    hooks.register(
        "register_admin_menu_item",
        lambda: CountedMenuItem(
            label, url_name, shown=shown, count=count, name=name, icon_name=icon, order=order
        ),
    )


for _item in MENU_ITEMS:
    _register_menu_item(*_item)


class ReviewPanel(Component):
    """待我审查 and the unread notices: the dashboard's first panel."""

    name = "review"
    order = 10
    template_name = "review/dashboard_panel.html"

    def get_context_data(self, parent_context):
        user = parent_context["request"].user
        return {
            "queue_count": selectors.review_queue_count(user) if _may_use_queue(user) else None,
            "notices": list(selectors.unread_notices(user)[:5]),
        }


# Wagtail's own workflow panels ("Awaiting your review", "Your pages in a workflow"): the
# review is decided on its own page with its checklist, and an editor follows their pages
# in 我的公开信息; Wagtail's panels would offer a second, bare way to approve.
WAGTAIL_WORKFLOW_PANELS = {"workflow_objects_to_moderate", "user_objects_in_workflow_moderation"}


@hooks.register("construct_homepage_panels")
def add_review_panel(request, panels):
    panels[:] = [p for p in panels if getattr(p, "name", "") not in WAGTAIL_WORKFLOW_PANELS]
    panels.insert(0, ReviewPanel())


# --- The disclosure's own steps in Wagtail's editor -------------------------------------------


class DisclosureStepMenuItem(ActionMenuItem):
    """A step of xxgk.review offered in the editor's action menu where the policy allows it
    (Wagtail's own publish and unpublish are never offered for disclosures)."""

    action = None
    url_name = None

    def is_shown(self, context):
        page = context.get("page")
        if context["view"] != "edit" or not isinstance(page, DisclosurePage):
            return False
        return self.applies(page) and disclosure_policy.allows(
            context["request"].user, self.action, page
        )

    def applies(self, page):
        return True

    def get_url(self, context):
        return reverse(self.url_name, args=[context["page"].pk])


class WithdrawMenuItem(DisclosureStepMenuItem):
    label = gettext_lazy("撤回…")
    name = "action-withdraw"
    icon_name = "download"
    action = Action.WITHDRAW
    url_name = "review:withdraw"

    def applies(self, page):
        return page.live


class RestoreMenuItem(DisclosureStepMenuItem):
    label = gettext_lazy("重新送审…")
    name = "action-restore"
    icon_name = "repeat"
    action = Action.RESTORE
    url_name = "review:restore"


@hooks.register("register_page_action_menu_item")
def register_withdraw_menu_item():
    return WithdrawMenuItem(order=60)


@hooks.register("register_page_action_menu_item")
def register_restore_menu_item():
    return RestoreMenuItem(order=61)


@hooks.register("register_page_header_buttons")
def review_history_button(page, user, view_name, next_url=None):
    page = page.specific_deferred
    if isinstance(page, DisclosurePage) and may_read_review_of(user, page):
        yield Button(
            _("保密审查记录"),
            reverse("review:page", args=[page.pk]),
            icon_name="tasks",
            priority=66,
        )


def _tell_editor_about_scan(request, page):
    """After a submission in the editor, show the personal-data hits straight away."""
    if not isinstance(page.specific, DisclosurePage):
        return
    state = selectors.current_task_state(page)
    if state is None:
        return
    report = selectors.scan_report_for(state.revision)
    if report is None:
        return
    for hit in report.hits[:10]:
        messages.warning(
            request,
            _("疑似%(label)s：%(masked)s（%(location)s）")
            % {"label": _(hit["label"]), "masked": hit["masked"], "location": hit["location"]},
        )
    for item in report.unscannable:
        messages.warning(
            request, _("附件“%(name)s”%(label)s") % {"name": item.name, "label": item.label}
        )
    if report.pending:
        messages.info(request, services.scan_warning(report))


@hooks.register("after_edit_page")
def scan_notice_after_edit(request, page):
    _tell_editor_about_scan(request, page)


@hooks.register("after_create_page")
def scan_notice_after_create(request, page):
    _tell_editor_about_scan(request, page)


# --- Department heads --------------------------------------------------------------------------


class DepartmentHeadViewSet(SnippetViewSet):
    model = DepartmentHead
    icon = "user"
    menu_label = gettext_lazy("部门负责人")
    list_display = ["department", "user", "required"]
    add_to_admin_menu = False


register_snippet(DepartmentHeadViewSet)
