"""Wagtail's page views for disclosures, checked by ``disclosure_policy``.

Wagtail lets a page type bring its own views (a ``PageViewSet``). Most of Wagtail's views
already ask the page's permission tester, which answers from the policy; the read views
below ask Wagtail's "may publish or may edit" (and "holds any page permission") instead,
which is not the rule for reading a disclosure's history: the department, the reviewers who
review it, the office and the supervisor read it (the supervisor's reads are logged, as the
revisions may hold personal data the review removed).
"""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from wagtail.admin.views.generic.preview import PreviewRevision
from wagtail.admin.views.pages.history import (
    PageHistoryView,
    PageWorkflowHistoryViewMixin,
    WorkflowHistoryDetailView,
    WorkflowHistoryView,
)
from wagtail.admin.views.pages.move import MoveConfirmView
from wagtail.admin.views.pages.preview import ViewDraftView
from wagtail.admin.views.pages.revisions import RevisionsCompareView, RevisionsRevertView
from wagtail.admin.views.pages.workflow import ConfirmWorkflowCancellationView
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.log_actions import log
from wagtail.models import Page

from xxgk.catalogue.policy import catalogue_policy
from xxgk.orgs.policy import Action
from xxgk.orgs.roles import Role
from xxgk.orgs.selectors import has_role

from . import selectors
from .models import DisclosurePage
from .policy import disclosure_policy

# A supervisor's read of a disclosure's unpublished or earlier content (Wagtail's log,
# mirrored into the audit log); not a change, so it stays out of the page's history list.
READ_ACTION = "xxgk_disclosures.revision_read"


def checked_disclosure(request, page_id, action):
    page = get_object_or_404(Page, id=page_id).specific
    disclosure_policy.require(request.user, action, page)
    return page


def log_supervisor_read(request, page, what: str, revision=None) -> None:
    if has_role(request.user, Role.SUPERVISOR):
        log(
            instance=page,
            action=READ_ACTION,
            user=request.user,
            revision=revision,
            data={"what": what},
        )


class DisclosureRevisionView(PreviewRevision):
    """One revision as it would look on the portal."""

    model = Page

    def setup(self, request, page_id, revision_id, *args, **kwargs):
        super().setup(request, page_id, revision_id, *args, **kwargs)

    def get_object(self):
        return checked_disclosure(self.request, self.pk, Action.VIEW_REVISIONS)

    def get(self, request, *args, **kwargs):
        revision = get_object_or_404(self.object.revisions, id=self.revision_id)
        log_supervisor_read(request, self.object, "revision", revision)
        return super().get(request, *args, **kwargs)


class DisclosureCompareView(RevisionsCompareView):
    def dispatch(self, request, *args, **kwargs):
        # Wagtail's own dispatch first requires a page permission, which readers lack.
        return super(RevisionsCompareView, self).dispatch(request, *args, **kwargs)

    def get_object(self, queryset=None):
        page = checked_disclosure(self.request, self.pk, Action.COMPARE)
        log_supervisor_read(self.request, page, "compare")
        return page


class DisclosureHistoryView(PageHistoryView):
    any_permission_required = None

    def get_object(self):
        return checked_disclosure(self.request, self.pk, Action.VIEW_REVISIONS)

    def get_base_queryset(self):
        return super().get_base_queryset().exclude(action=READ_ACTION)


class DisclosureDraftView(ViewDraftView):
    def dispatch(self, request, page_id, *args, **kwargs):
        page = checked_disclosure(request, page_id, Action.VIEW_REVISIONS)
        log_supervisor_read(request, page, "draft", page.latest_revision)
        draft = page.get_latest_revision_as_object()
        return draft.make_preview_request(
            request, request.GET.get("mode", draft.default_preview_mode)
        )


class ReadWorkflowHistoryMixin:
    def dispatch(self, request, *args, **kwargs):
        disclosure_policy.require(request.user, Action.VIEW_REVISIONS, self.object.specific)
        return super(PageWorkflowHistoryViewMixin, self).dispatch(request, *args, **kwargs)


class DisclosureWorkflowHistoryView(ReadWorkflowHistoryMixin, WorkflowHistoryView):
    pass


class DisclosureWorkflowHistoryDetailView(ReadWorkflowHistoryMixin, WorkflowHistoryDetailView):
    pass


class DisclosureRevertView(RevisionsRevertView):
    """Revert = a new draft revision of the old content, which goes through review."""

    def dispatch(self, request, page_id, **kwargs):
        checked_disclosure(request, page_id, Action.REVERT)
        return super().dispatch(request, page_id, **kwargs)


class DisclosureMoveConfirmView(MoveConfirmView):
    """Wagtail checks the move only when it is posted; the confirmation is refused too."""

    def dispatch(self, request, page_to_move_id, destination_id, *args, **kwargs):
        page = checked_disclosure(request, page_to_move_id, Action.MOVE)
        destination = get_object_or_404(Page, id=destination_id)
        if not page.permissions_for_user(request.user).can_move_to(destination):
            raise PermissionDenied(disclosure_policy.refusal(Action.MOVE))
        return super().dispatch(request, page_to_move_id, destination_id, *args, **kwargs)


class DisclosureWorkflowCancellationView(ConfirmWorkflowCancellationView):
    def dispatch(self, request, *args, **kwargs):
        disclosure_policy.require(request.user, Action.EDIT, self.object.specific)
        return super().dispatch(request, *args, **kwargs)


class DisclosurePageViewSet(PageViewSet):
    model = DisclosurePage
    icon = "doc-full"
    revisions_view_class = DisclosureRevisionView
    revisions_compare_view_class = DisclosureCompareView
    revisions_revert_view_class = DisclosureRevertView
    history_view_class = DisclosureHistoryView
    view_draft_view_class = DisclosureDraftView
    workflow_history_view_class = DisclosureWorkflowHistoryView
    workflow_history_detail_view_class = DisclosureWorkflowHistoryDetailView
    confirm_workflow_cancellation_view_class = DisclosureWorkflowCancellationView
    move_confirm_view_class = DisclosureMoveConfirmView


def add_url(item) -> str:
    return reverse("wagtailadmin_pages:add", args=("disclosures", "disclosurepage", item.pk))


def new_disclosure(request):
    """新建公开信息: the catalogue item is found by its number or by words of its name (a
    search form, with the items as suggestions while typing), then Wagtail's editor opens
    under it. Only items the user may write under are offered."""
    items = selectors.items_to_write_under(request.user)
    if not items:
        return TemplateResponse(
            request,
            "core/admin_403.html",
            {"reason": catalogue_policy.refusal(Action.ADD_CHILD)},
            status=403,
        )
    query = request.GET.get("q", "").strip()[:100]
    results = selectors.search_items(items, query)
    return TemplateResponse(
        request,
        "disclosures/admin/new_disclosure.html",
        {
            "items": items,
            "query": query,
            "results": [(item, add_url(item)) for item in results],
        },
    )
