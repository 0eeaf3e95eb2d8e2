from django.conf import settings
from django.http import Http404
from django.urls import path, reverse
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.permissions import policy_registry

from xxgk.catalogue.models import CATALOGUE_PAGE_CONTEXT_HOOK, CatalogueIndexPage, CatalogueItemPage
from xxgk.core.pagination import paginate_or_404
from xxgk.core.selectors import live_pages_referencing

from .admin_views import READ_ACTION, DisclosurePageViewSet, new_disclosure
from .models import DisclosureAttachment
from .selectors import catalogue_tree, may_write_disclosures, published_disclosures_for_item


@hooks.register(CATALOGUE_PAGE_CONTEXT_HOOK)
def add_disclosures_to_catalogue_pages(page, request, context):
    """The catalogue's public pages show what is filed under them: the index, the tree with
    counts; an item, its published disclosures, paginated (a bad page number is a 404)."""
    if isinstance(page, CatalogueIndexPage):
        context["tree"] = catalogue_tree(include_retired=True)
    elif isinstance(page, CatalogueItemPage):
        context["disclosures"] = paginate_or_404(
            request, published_disclosures_for_item(page), settings.XXGK_DISCLOSURES_PER_PAGE
        )


@hooks.register("register_admin_viewset")
def register_disclosure_page_views():
    return DisclosurePageViewSet("disclosure_pages")


@hooks.register("register_admin_urls")
def register_new_disclosure_url():
    return [path("disclosures/new/", new_disclosure, name="disclosures_new")]


class NewDisclosureMenuItem(MenuItem):
    """Shown to whoever may write under some catalogue item."""

    def is_shown(self, request):
        return may_write_disclosures(request.user)


@hooks.register("register_admin_menu_item")
def register_new_disclosure_menu_item():
    return NewDisclosureMenuItem(
        gettext_lazy("新建公开信息"),
        reverse("disclosures_new"),
        name="disclosures-new",
        icon_name="plus",
        order=140,
    )


@hooks.register("register_log_actions")
def register_read_log_action(actions):
    actions.register_action(
        READ_ACTION, gettext_lazy("查看版本"), gettext_lazy("监督人员查看了未公开或历史版本")
    )


@hooks.register("before_serve_document")
def serve_only_published_attachments(document, request):
    """A document is public only while a live page attaches it or links it in its text.

    Drafts' and withdrawn disclosures' files would otherwise be served to anyone who guesses
    the sequential id. Staff who may choose or change documents in its collection (the
    people who attach them and review the pages) still download it; everyone else gets 404.
    Attachments, the usual case, cost one indexed query (attachment.document_id joined to the
    page's ``live`` flag); links in rich text are looked up in Wagtail's reference index.
    """
    if DisclosureAttachment.objects.filter(document_id=document.pk, page__live=True).exists():
        return None
    if live_pages_referencing(document).exists():
        return None
    user = request.user
    policy = policy_registry.get_by_type(type(document))
    if user.is_authenticated and policy.user_has_any_permission_for_instance(
        user, ["choose", "change"], document
    ):
        return None
    raise Http404
