from wagtail import hooks
from wagtail.admin.views.pages.bulk_actions import delete as page_delete
from wagtail.admin.views.pages.bulk_actions import move as page_move
from wagtail.admin.views.pages.bulk_actions import publish as page_publish
from wagtail.admin.views.pages.bulk_actions import unpublish as page_unpublish
from wagtail.documents.views.bulk_actions import add_tags as document_tags
from wagtail.documents.views.bulk_actions import add_to_collection as document_collection
from wagtail.documents.views.bulk_actions import delete as document_delete
from wagtail.images.views.bulk_actions import add_tags as image_tags
from wagtail.images.views.bulk_actions import add_to_collection as image_collection
from wagtail.images.views.bulk_actions import delete as image_delete
from wagtail.snippets.bulk_actions import delete as snippet_delete
from wagtail.users.views.bulk_actions import assign_role as user_role
from wagtail.users.views.bulk_actions import delete as user_delete
from wagtail.users.views.bulk_actions import set_active_state as user_state

from . import services
from .admin_denied import refused_as_a_whole
from .models import DocumentSettings

# Every bulk action Wagtail registers, again, refusing a selection as a whole. Registered
# after Wagtail's own (order 0), so these replace them in the bulk action registry; the
# authorization matrix checks that every registered bulk action is one of them.
WAGTAIL_BULK_ACTIONS = [
    page_publish.PublishBulkAction,
    page_unpublish.UnpublishBulkAction,
    page_delete.DeleteBulkAction,
    page_move.MoveBulkAction,
    document_delete.DeleteBulkAction,
    document_tags.AddTagsBulkAction,
    document_collection.AddToCollectionBulkAction,
    image_delete.DeleteBulkAction,
    image_tags.AddTagsBulkAction,
    image_collection.AddToCollectionBulkAction,
    snippet_delete.DeleteBulkAction,
    user_delete.DeleteBulkAction,
    user_role.AssignRoleBulkAction,
    user_state.SetActiveStateBulkAction,
]

for _action in WAGTAIL_BULK_ACTIONS:
    hooks.register("register_bulk_action", refused_as_a_whole(_action), order=1)


# --- Wagtail's own menu entries that confuse more than they help -------------------------------
# "帮助" opens Wagtail's English guides; "片段" is Wagtail's generic list of snippet types, each
# of which its domain's menu already links (告知书模板, 满意度调查, 部门与人员 …). Of the
# reports, the workflow reports duplicate the review's own lists (审查日志, 我的公开信息) with
# Wagtail's bare moderation, "较早的页面" and "Page types usage" are about Wagtail's page tree.
# A superuser keeps them all, to look behind the scenes.
HIDDEN_MENU_ITEMS = {"help", "snippets"}
HIDDEN_REPORTS = {"workflows", "workflow-tasks", "aging-pages", "page-types-usage"}


@hooks.register("construct_main_menu")
def hide_wagtail_menu_items(request, menu_items):
    if not request.user.is_superuser:
        menu_items[:] = [item for item in menu_items if item.name not in HIDDEN_MENU_ITEMS]


@hooks.register("construct_reports_menu")
def hide_wagtail_reports(request, menu_items):
    if not request.user.is_superuser:
        menu_items[:] = [item for item in menu_items if item.name not in HIDDEN_REPORTS]


@hooks.register("construct_homepage_summary_items")
def hide_site_summary(request, summary_items):
    """The dashboard's "1 Page, 0 Images, 0 Documents" counts what the user may explore of
    Wagtail's page tree, not disclosures: a number nobody needs, in English."""
    if not request.user.is_superuser:
        summary_items.clear()


@hooks.register("after_edit_setting")
def remove_replaced_fonts(request, instance):
    """A replaced or cleared licensed font leaves the server with the save that dropped it."""
    if isinstance(instance, DocumentSettings):
        services.remove_unused_fonts(instance)
