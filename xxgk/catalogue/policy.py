"""The rights over the catalogue's own pages (the index, the 10 categories, the items).

The catalogue is the office's to change; departments' editors only add disclosures under the
items they answer for (granted per item by ``services.sync_item_permissions``). Items are
retired, never deleted or unpublished, so their disclosures stay reachable; nothing is ever
published beneath an item except through the review, and no view restriction may hide the
disclosures filed below (``xxgk.disclosures.policy``).
"""

from functools import partial

from django.utils.translation import gettext_lazy as _

from xxgk.orgs.policy import Action, Policy, page_grants, wagtail_grants
from xxgk.orgs.selectors import is_office


def _office_and_wagtail(question, user, page) -> bool:
    return is_office(user) and wagtail_grants(question, user, page)


def _may_move(user, page) -> bool:
    # Wagtail equates moving with deleting; items are never deleted but may be re-filed.
    grants = page_grants(user, page)
    return is_office(user) and (user.is_superuser or "change" in grants.permissions)


def _may_add_child(user, page) -> bool:
    return not getattr(page, "retired_on", None) and page_grants(user, page).can_add_subpage()


def _may_publish_child(user, page) -> bool:
    # An item's children are disclosures: they go live only through the review.
    # Imported here: the models import this policy at module level.
    from .models import CatalogueItemPage

    return (
        is_office(user)
        and not isinstance(page, CatalogueItemPage)
        and page_grants(user, page).can_publish_subpage()
    )


def _never(user, page) -> bool:
    return False


catalogue_policy = Policy(
    "catalogue",
    {
        Action.EDIT: partial(_office_and_wagtail, "can_edit"),
        Action.PUBLISH: partial(_office_and_wagtail, "can_publish"),
        Action.UNSCHEDULE: partial(_office_and_wagtail, "can_unschedule"),
        Action.VIEW_REVISIONS: partial(wagtail_grants, "can_view_revisions"),
        Action.LOCK: partial(_office_and_wagtail, "can_lock"),
        Action.UNLOCK: partial(wagtail_grants, "can_unlock"),
        Action.MOVE: _may_move,
        Action.ADD_CHILD: _may_add_child,
        Action.PUBLISH_CHILD: _may_publish_child,
        Action.REORDER_CHILDREN: partial(_office_and_wagtail, "can_reorder_children"),
        Action.SUBMIT: _never,
        Action.UNPUBLISH: _never,
        Action.DELETE: _never,
        Action.COPY: _never,
        Action.RESTRICT: _never,
    },
    {
        Action.EDIT: _("信息公开目录只能由信息公开办公室修改。"),
        Action.DELETE: _("清单事项只能停用，不能删除。"),
        Action.RESTRICT: _("信息公开目录之下有公开信息，不能设置访问限制。"),
    },
)
