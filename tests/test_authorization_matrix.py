"""Every URL pattern of the site, requested as every role, against an explicit table.

The URL configuration is walked recursively (Wagtail's admin and every app included), each
pattern gets arguments that name existing objects where the pattern's arguments allow, and
each role GETs it; a role that must be refused also POSTs to it. Outcomes:

- ``deny``: a redirect to a login page, 401 or 403. A 404 also counts as a refusal when the
  table expects one (objects a role may not see are hidden);
- ``allow``: anything else below 500. A 404 or 405 is accepted for an allowed role too,
  since the generated arguments cannot name a fitting object for every pattern.

A pattern missing from RULES fails the suite: a new URL needs a decision here.
"""

import re

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from tests.factories import published_disclosure

pytestmark = pytest.mark.django_db

ROLES = [
    "anonymous",
    "applicant",
    "editor_a",
    "editor_b",
    "reviewer",
    "office",
    "supervisor",
    "leader",
]
STAFF = {"editor_a", "editor_b", "reviewer", "office", "supervisor", "leader"}
EVERYONE = set(ROLES)


def walk(resolver, prefix="", namespaces=()):
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            namespace = (pattern.namespace,) if pattern.namespace else ()
            yield from walk(pattern, prefix + str(pattern.pattern), namespaces + namespace)
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern), pattern


ALL_PATTERNS = sorted({route for route, _ in walk(get_resolver())})


@pytest.fixture
def world(dept_a, dept_b, item_a, item_b, editor_a, editor_b, reviewer, office, supervisor, leader):
    """Objects for the generated arguments, and a logged-in client per role."""
    from tests.requests.conftest import make_application

    disclosure = published_disclosure(item=item_a, department=dept_a, author=editor_a)
    application, code = make_application()
    users = {
        "editor_a": editor_a,
        "editor_b": editor_b,
        "reviewer": reviewer,
        "office": office,
        "supervisor": supervisor,
        "leader": leader,
    }
    clients = {"anonymous": Client()}
    applicant = Client()
    response = applicant.post("/apply/track/", {"number": application.number, "code": code})
    assert response.status_code == 200
    clients["applicant"] = applicant

    def login_all():
        """(Re)logs the staff clients in; the logout pattern ends their sessions."""
        for role, user in users.items():
            clients.setdefault(role, Client()).force_login(user)

    login_all()
    values = {
        "page_id": disclosure.pk,
        "page_pk": disclosure.pk,
        "parent_page_id": item_a.pk,
        "page_to_move_id": disclosure.pk,
        "destination_id": item_a.pk,
        "disclosure_id": disclosure.pk,
        "item_number": item_a.item_number,
        "number": application.number,
        "school_year_start": 2021,
        "pk": 1,
        "fmt": "pdf",
        "filter_spec": "original",
        "slug": "x",
    }
    return {"clients": clients, "values": values, "login_all": login_all}


PLACEHOLDER = re.compile(r"<(?:(\w+):)?(\w+)>|\(\?P<(\w+)>(?:[^()]|\([^()]*\))*\)")


def build_url(route: str, values: dict) -> str:
    """A concrete path for a route, with values where known and 1 / "x" elsewhere."""

    def value(match):
        converter, name = match.group(1) or "", match.group(2) or match.group(3)
        if name in values and not (converter == "int" and not str(values[name]).isdigit()):
            return str(values[name])
        return "1" if converter == "int" or name.endswith("id") else "x"

    url = PLACEHOLDER.sub(value, route)
    url = url.replace("^((?:[\\w\\-]+/)*)$", "").replace("^(\\d+)/(.*)$", "1/x.pdf")
    url = re.sub(r"[\^$]", "", url).replace("\\", "")
    url = url.replace(".*", "x").replace("(", "").replace(")", "").replace("?", "")
    return "/" + url


LOGIN_PATHS = ("/admin/login/", "/_util/login/")


def outcome(response) -> str:
    status = response.status_code
    if status in (401, 403):
        return "deny"
    if status in (301, 302) and response["Location"].startswith(LOGIN_PATHS):
        return "deny"
    if status in (404, 405):
        return "hidden"  # no such object, or not this method: not a refusal, not a grant
    if status >= 500:
        return "error"
    return "allow"


# Who may reach each pattern. SUPERUSER: nobody of the roles (Wagtail's site, user-group,
# workflow, redirect and collection settings). LOGIN_GATE: staff-only URLs about a specific
# object that the generated arguments do not name (every staff role gets 404); only the
# login gate is checked for them. Documents and images: the office manages them, editors
# upload and choose them in their department's collection (xxgk.orgs.roles
# DEPARTMENT_COLLECTION_PERMISSIONS; the office's rights are COLLECTION_PERMISSIONS).
OFFICE = {"office"}
FILE_USERS = {"office", "editor_a", "editor_b"}
OVERSIGHT = {"office", "supervisor", "leader"}
SUPERUSER = set()
LOGIN_GATE = STAFF
RULES = {
    "^((?:[\\w\\-]+/)*)$": EVERYONE,
    "^api/": EVERYONE,
    "^media/(?P<path>.*)$": EVERYONE,
    "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/": EVERYONE,
    "_util/login/": EVERYONE,
    "admin/": STAFF,
    "admin/^.*/$": LOGIN_GATE,
    "admin/account/": STAFF,
    "admin/annual-report/": OFFICE,
    "admin/annual-report/drafts/<int:pk>/": OFFICE,
    "admin/annual-report/drafts/<int:pk>/edit/": OFFICE,
    "admin/annual-report/drafts/<int:pk>/export.<str:fmt>": OFFICE,
    "admin/annual-report/drafts/<int:pk>/figures/<str:code>/": OFFICE,
    "admin/annual-report/drafts/<int:pk>/history/": OFFICE,
    "admin/annual-report/drafts/<int:pk>/history/<int:revision_pk>/restore/": OFFICE,
    "admin/annual-report/drafts/<int:pk>/publish/": OFFICE,
    "admin/annual-report/figures/": OFFICE,
    "admin/annual-report/generate/": OFFICE,
    "admin/annual-report/import/": OFFICE,
    "admin/annual-report/templates/<int:pk>/": OFFICE,
    "admin/annual-report/templates/new/": OFFICE,
    "admin/api-calls/": {"office", "supervisor"},
    "admin/audit/": {"office", "supervisor"},
    "admin/api-tokens/": OFFICE,
    "admin/api-tokens/<int:pk>/revoke/": OFFICE,
    "admin/api-tokens/<int:pk>/rotate/": OFFICE,
    "admin/api-tokens/new/": OFFICE,
    "admin/api/main/^documents/": STAFF,
    "admin/api/main/^documents/<int:pk>/": LOGIN_GATE,
    "admin/api/main/^documents/find/": LOGIN_GATE,
    "admin/api/main/^images/": STAFF,
    "admin/api/main/^images/<int:pk>/": LOGIN_GATE,
    "admin/api/main/^images/find/": LOGIN_GATE,
    "admin/api/main/^pages/": STAFF,
    "admin/api/main/^pages/<int:pk>/": LOGIN_GATE,
    "admin/api/main/^pages/<int:pk>/action/<str:action_name>/": STAFF,
    "admin/api/main/^pages/find/": LOGIN_GATE,
    "admin/block-preview/": LOGIN_GATE,
    "admin/bulk/<str:app_label>/<str:model_name>/<str:action>/": LOGIN_GATE,
    "admin/choose-anchor-link/": STAFF,
    "admin/choose-email-link/": STAFF,
    "admin/choose-external-link/": STAFF,
    "admin/choose-page/": STAFF,
    "admin/choose-page/<int:parent_page_id>/": STAFF,
    "admin/choose-page/chosen-multiple/": STAFF,
    "admin/choose-page/search/": STAFF,
    "admin/choose-phone-link/": STAFF,
    "admin/collections/": SUPERUSER,
    "admin/collections/<int:collection_id>/privacy/": SUPERUSER,
    "admin/collections/<int:pk>/": SUPERUSER,
    "admin/collections/<int:pk>/delete/": LOGIN_GATE,
    "admin/collections/add/": SUPERUSER,
    "admin/complaints/": OVERSIGHT,
    "admin/complaints/<int:pk>/": OVERSIGHT,
    "admin/complaints/<int:pk>/<slug:action>/": STAFF,
    "admin/dismissibles/": STAFF,
    "admin/documents/": FILE_USERS,
    "admin/documents/add/": FILE_USERS,
    "admin/documents/chooser/": STAFF,
    "admin/documents/chooser/chosen-multiple/": STAFF,
    "admin/documents/chooser/chosen/<str:pk>/": LOGIN_GATE,
    "admin/documents/chooser/create/": FILE_USERS,
    "admin/documents/chooser/results/": STAFF,
    "admin/documents/delete/<int:document_id>/": LOGIN_GATE,
    "admin/documents/edit/<int:document_id>/": OFFICE,
    "admin/documents/multiple/<int:doc_id>/": STAFF,
    "admin/documents/multiple/<int:doc_id>/delete/": STAFF,
    "admin/documents/multiple/add/": FILE_USERS,
    "admin/documents/multiple/create_from_uploaded_document/<int:uploaded_file_id>/": STAFF,
    "admin/documents/multiple/delete_upload/<int:uploaded_file_id>/": STAFF,
    "admin/documents/results/": FILE_USERS,
    "admin/documents/usage/<int:document_id>/": LOGIN_GATE,
    "admin/editing-sessions/ping/<str:app_label>/<str:model_name>/<str:object_id>/<int:session_id>/": STAFF,  # noqa: E501
    "admin/editing-sessions/release/<int:session_id>/": STAFF,
    "admin/embeds/chooser/": STAFF,
    "admin/embeds/chooser/upload/": STAFF,
    "admin/evaluation/": OVERSIGHT,
    "admin/evaluation/surveys/<int:pk>/": OVERSIGHT,
    "admin/failwhale/": STAFF,
    "admin/forms/": {"editor_a", "editor_b", "office"},
    "admin/forms/results/": {"editor_a", "editor_b", "office"},
    "admin/forms/submissions/<int:page_id>/": LOGIN_GATE,
    "admin/forms/submissions/<int:page_id>/delete/": SUPERUSER,
    "admin/forms/submissions/<int:page_id>/results/": LOGIN_GATE,
    "admin/groups/": SUPERUSER,
    "admin/groups/delete/<int:pk>/": LOGIN_GATE,
    "admin/groups/edit/<int:pk>/": SUPERUSER,
    "admin/groups/history-results/<int:pk>/": LOGIN_GATE,
    "admin/groups/history/<int:pk>/": LOGIN_GATE,
    "admin/groups/new/": SUPERUSER,
    "admin/groups/results/": SUPERUSER,
    "admin/groups/usage/<int:pk>/": LOGIN_GATE,
    "admin/images/": FILE_USERS,
    "admin/images/<int:image_id>/": OFFICE,
    "admin/images/<int:image_id>/delete/": LOGIN_GATE,
    "admin/images/<int:image_id>/generate_url/": LOGIN_GATE,
    "admin/images/<int:image_id>/generate_url/output/": LOGIN_GATE,
    "admin/images/<int:image_id>/preview/<str:filter_spec>/": LOGIN_GATE,
    "admin/images/add/": FILE_USERS,
    "admin/images/chooser/": STAFF,
    "admin/images/chooser/<int:image_id>/select_format/": LOGIN_GATE,
    "admin/images/chooser/chosen-multiple/": STAFF,
    "admin/images/chooser/chosen/<str:pk>/": LOGIN_GATE,
    "admin/images/chooser/create/": FILE_USERS,
    "admin/images/chooser/results/": STAFF,
    "admin/images/multiple/<int:image_id>/": STAFF,
    "admin/images/multiple/<int:image_id>/delete/": STAFF,
    "admin/images/multiple/add/": FILE_USERS,
    "admin/images/multiple/create_from_uploaded_image/<int:uploaded_file_id>/": STAFF,
    "admin/images/multiple/delete_upload/<int:uploaded_file_id>/": STAFF,
    "admin/images/results/": FILE_USERS,
    "admin/images/usage/<int:image_id>/": LOGIN_GATE,
    "admin/import-site/": OFFICE,
    "admin/inspections/": OVERSIGHT,
    "admin/inspections/copy/<int:pk>/": OFFICE,
    "admin/inspections/delete/<int:pk>/": LOGIN_GATE,
    "admin/inspections/edit/<int:pk>/": OFFICE,
    "admin/inspections/history-results/<int:pk>/": LOGIN_GATE,
    "admin/inspections/history/<int:pk>/": LOGIN_GATE,
    "admin/inspections/inspect/<int:pk>/": LOGIN_GATE,
    "admin/inspections/new/": OFFICE,
    "admin/inspections/results/": OVERSIGHT,
    "admin/inspections/usage/<int:pk>/": LOGIN_GATE,
    "admin/jsi18n/": EVERYONE,
    "admin/letters/": STAFF,
    "admin/letters/<int:pk>/": LOGIN_GATE,
    "admin/letters/<int:pk>/<slug:action>/": STAFF,
    "admin/letters/attachments/<int:pk>/": LOGIN_GATE,
    "admin/letters/export/": OFFICE,
    "admin/letters/statistics/": OVERSIGHT,
    "admin/login/": EVERYONE,
    "admin/logout/": STAFF,
    "admin/pages/": {"editor_a", "editor_b", "office"},
    "admin/pages/<int:page_id>/convert_alias/": LOGIN_GATE,
    "admin/pages/<int:page_id>/copy/": {"editor_a", "office"},
    "admin/pages/<int:page_id>/delete/": SUPERUSER,
    "admin/pages/<int:page_id>/edit/": {"editor_a", "office"},
    "admin/pages/<int:page_id>/edit/preview/": {"editor_a", "office"},
    "admin/pages/<int:page_id>/history/": {"editor_a", "editor_b", "office"},
    "admin/pages/<int:page_id>/history/results/": {"editor_a", "editor_b", "office"},
    "admin/pages/<int:page_id>/lock/": STAFF,
    "admin/pages/<int:page_id>/privacy/": STAFF,
    "admin/pages/<int:page_id>/revisions/": STAFF,
    "admin/pages/<int:page_id>/revisions/<int:revision_id>/revert/": LOGIN_GATE,
    "admin/pages/<int:page_id>/revisions/<int:revision_id>/unschedule/": LOGIN_GATE,
    "admin/pages/<int:page_id>/revisions/<int:revision_id>/view/": LOGIN_GATE,
    "admin/pages/<int:page_id>/unlock/": STAFF,
    "admin/pages/<int:page_id>/unpublish/": OFFICE,
    "admin/pages/<int:page_id>/usage/": {"editor_a", "office"},
    "admin/pages/<int:page_id>/view_draft/": STAFF,
    "admin/pages/<int:page_id>/workflow_history/": {"editor_a", "office"},
    "admin/pages/<int:page_id>/workflow_history/detail/<int:workflow_state_id>/": {
        "editor_a",
        "office",
    },
    "admin/pages/<int:page_to_move_id>/move/": SUPERUSER,
    "admin/pages/<int:page_to_move_id>/move/<int:destination_id>/confirm/": STAFF,
    "admin/pages/<int:page_to_move_id>/set_position/": STAFF,
    "admin/pages/<int:parent_page_id>/": {"editor_a", "editor_b", "office"},
    "admin/pages/<int:parent_page_id>/add_subpage/": {"editor_a", "office"},
    "admin/pages/<int:parent_page_id>/results/": {"editor_a", "editor_b", "office"},
    "admin/pages/^(?P<pk>\\d+)/revisions/compare/(?P<revision_id_a>live|earliest|\\d+)\\.\\.\\.(?P<revision_id_b>live|latest|\\d+)/$": LOGIN_GATE,  # noqa: E501
    "admin/pages/add/<slug:content_type_app_name>/<slug:content_type_model_name>/<int:parent_page_id>/": LOGIN_GATE,  # noqa: E501
    "admin/pages/add/<slug:content_type_app_name>/<slug:content_type_model_name>/<int:parent_page_id>/preview/": LOGIN_GATE,  # noqa: E501
    "admin/pages/create/<slug:app_label>/<slug:model_name>": LOGIN_GATE,
    "admin/pages/search/": {"editor_a", "editor_b", "office"},
    "admin/pages/search/results/": {"editor_a", "editor_b", "office"},
    "admin/pages/usage/<slug:content_type_app_name>/<slug:content_type_model_name>/": LOGIN_GATE,
    "admin/pages/usage/<slug:content_type_app_name>/<slug:content_type_model_name>/results/": LOGIN_GATE,  # noqa: E501
    "admin/pages/workflow/action/<int:page_id>/<slug:action_name>/<int:task_state_id>/": STAFF,
    "admin/pages/workflow/collect_action_data/<int:page_id>/<slug:action_name>/<int:task_state_id>/": STAFF,  # noqa: E501
    "admin/pages/workflow/confirm_cancellation/<int:page_id>/": STAFF,
    "admin/pages/workflow/preview/<int:page_id>/<int:task_id>/": STAFF,
    "admin/password_reset/": EVERYONE,
    "admin/password_reset/complete/": EVERYONE,
    "admin/password_reset/confirm/<uidb64>/<token>/": EVERYONE,
    "admin/password_reset/done/": EVERYONE,
    "admin/redirects/": SUPERUSER,
    "admin/redirects/<int:redirect_id>/": SUPERUSER,
    "admin/redirects/<int:redirect_id>/delete/": LOGIN_GATE,
    "admin/redirects/add/": SUPERUSER,
    "admin/redirects/import/": SUPERUSER,
    "admin/redirects/import/process/": SUPERUSER,
    "admin/redirects/results/": SUPERUSER,
    "admin/reports/aging-pages/": {"editor_a", "editor_b", "office"},
    "admin/reports/aging-pages/results/": {"editor_a", "editor_b", "office"},
    "admin/reports/locked/": OFFICE,
    "admin/reports/locked/results/": OFFICE,
    "admin/reports/page-types-usage/": {"editor_a", "editor_b", "office"},
    "admin/reports/page-types-usage/results/": {"editor_a", "editor_b", "office"},
    "admin/reports/site-history/": STAFF,
    "admin/reports/site-history/results/": STAFF,
    "admin/reports/workflow/": {"editor_a", "editor_b", "office"},
    "admin/reports/workflow/results/": {"editor_a", "editor_b", "office"},
    "admin/reports/workflow_tasks/": {"editor_a", "editor_b", "office"},
    "admin/reports/workflow_tasks/results/": {"editor_a", "editor_b", "office"},
    "admin/requests/": OFFICE,
    "admin/requests/<int:pk>/": OFFICE,
    "admin/requests/<int:pk>/actions/<str:name>/": STAFF,
    "admin/requests/<int:pk>/files/<int:file_pk>/": OFFICE,
    "admin/requests/letters/<int:pk>.<str:fmt>": LOGIN_GATE,
    "admin/requests/export/": OFFICE,
    "admin/requests/new/": OFFICE,
    "admin/requests/statistics/": OFFICE,
    "admin/requests/statistics/cases/": OFFICE,
    "admin/review/": {"reviewer", "office"},
    "admin/review/audit/": {"reviewer", "office", "supervisor"},
    "admin/review/mine/": {"editor_a", "editor_b", "office"},
    "admin/review/notices/": STAFF,
    "admin/review/notices/read/": STAFF,
    "admin/review/page/<int:page_id>/": {"editor_a", "reviewer", "office", "supervisor"},
    "admin/review/page/<int:page_id>/withdraw/": OFFICE,
    "admin/review/record/<int:pk>/": {"editor_a", "reviewer", "office", "supervisor"},
    "admin/review/record/<int:pk>/docx/": {"editor_a", "reviewer", "office", "supervisor"},
    "admin/review/record/<int:pk>/pdf/": {"editor_a", "reviewer", "office", "supervisor"},
    "admin/review/task/<int:task_state_id>/": {"editor_a", "reviewer", "office", "supervisor"},
    "admin/settings/<slug:app_name>/<slug:model_name>/": LOGIN_GATE,
    "admin/settings/<slug:app_name>/<slug:model_name>/<int:pk>/": LOGIN_GATE,
    "admin/settings/<slug:app_name>/<slug:model_name>/<int:pk>/preview/": LOGIN_GATE,
    "admin/sites/": SUPERUSER,
    "admin/sites/copy/<int:pk>/": SUPERUSER,
    "admin/sites/delete/<int:pk>/": LOGIN_GATE,
    "admin/sites/edit/<int:pk>/": SUPERUSER,
    "admin/sites/history-results/<int:pk>/": LOGIN_GATE,
    "admin/sites/history/<int:pk>/": LOGIN_GATE,
    "admin/sites/new/": SUPERUSER,
    "admin/sites/results/": SUPERUSER,
    "admin/sites/usage/<int:pk>/": LOGIN_GATE,
    "admin/snippets/": OFFICE,
    "admin/snippets/choose/evaluation/survey/": STAFF,
    "admin/snippets/choose/evaluation/survey/chosen-multiple/": STAFF,
    "admin/snippets/choose/evaluation/survey/chosen/<str:pk>/": LOGIN_GATE,
    "admin/snippets/choose/evaluation/survey/create/": OFFICE,
    "admin/snippets/choose/evaluation/survey/results/": STAFF,
    "admin/snippets/choose/mailbox/mailbox/": STAFF,
    "admin/snippets/choose/mailbox/mailbox/chosen-multiple/": STAFF,
    "admin/snippets/choose/mailbox/mailbox/chosen/<str:pk>/": LOGIN_GATE,
    "admin/snippets/choose/mailbox/mailbox/create/": OFFICE,
    "admin/snippets/choose/mailbox/mailbox/results/": STAFF,
    "admin/snippets/choose/mailbox/sensitiveword/": STAFF,
    "admin/snippets/choose/mailbox/sensitiveword/chosen-multiple/": STAFF,
    "admin/snippets/choose/mailbox/sensitiveword/chosen/<str:pk>/": LOGIN_GATE,
    "admin/snippets/choose/mailbox/sensitiveword/create/": OFFICE,
    "admin/snippets/choose/mailbox/sensitiveword/results/": STAFF,
    "admin/snippets/choose/orgs/department/": STAFF,
    "admin/snippets/choose/orgs/department/chosen-multiple/": STAFF,
    "admin/snippets/choose/orgs/department/chosen/<str:pk>/": STAFF,
    "admin/snippets/choose/orgs/department/create/": OFFICE,
    "admin/snippets/choose/orgs/department/results/": STAFF,
    "admin/snippets/choose/orgs/staffprofile/": STAFF,
    "admin/snippets/choose/orgs/staffprofile/chosen-multiple/": STAFF,
    "admin/snippets/choose/orgs/staffprofile/chosen/<str:pk>/": STAFF,
    "admin/snippets/choose/orgs/staffprofile/create/": OFFICE,
    "admin/snippets/choose/orgs/staffprofile/results/": STAFF,
    "admin/snippets/choose/reports/admissionresult/": STAFF,
    "admin/snippets/choose/reports/admissionresult/chosen-multiple/": STAFF,
    "admin/snippets/choose/reports/admissionresult/chosen/<str:pk>/": LOGIN_GATE,
    "admin/snippets/choose/reports/admissionresult/create/": OFFICE,
    "admin/snippets/choose/reports/admissionresult/results/": STAFF,
    "admin/snippets/choose/reports/cadrechange/": STAFF,
    "admin/snippets/choose/reports/cadrechange/chosen-multiple/": STAFF,
    "admin/snippets/choose/reports/cadrechange/chosen/<str:pk>/": LOGIN_GATE,
    "admin/snippets/choose/reports/cadrechange/create/": OFFICE,
    "admin/snippets/choose/reports/cadrechange/results/": STAFF,
    "admin/snippets/choose/reports/channel/": STAFF,
    "admin/snippets/choose/reports/channel/chosen-multiple/": STAFF,
    "admin/snippets/choose/reports/channel/chosen/<str:pk>/": LOGIN_GATE,
    "admin/snippets/choose/reports/channel/create/": OFFICE,
    "admin/snippets/choose/reports/channel/results/": STAFF,
    "admin/snippets/choose/reports/channelmonth/": STAFF,
    "admin/snippets/choose/reports/channelmonth/chosen-multiple/": STAFF,
    "admin/snippets/choose/reports/channelmonth/chosen/<str:pk>/": LOGIN_GATE,
    "admin/snippets/choose/reports/channelmonth/create/": OFFICE,
    "admin/snippets/choose/reports/channelmonth/results/": STAFF,
    "admin/snippets/choose/reports/feeschedule/": STAFF,
    "admin/snippets/choose/reports/feeschedule/chosen-multiple/": STAFF,
    "admin/snippets/choose/reports/feeschedule/chosen/<str:pk>/": LOGIN_GATE,
    "admin/snippets/choose/reports/feeschedule/create/": OFFICE,
    "admin/snippets/choose/reports/feeschedule/results/": STAFF,
    "admin/snippets/choose/reports/outreachevent/": STAFF,
    "admin/snippets/choose/reports/outreachevent/chosen-multiple/": STAFF,
    "admin/snippets/choose/reports/outreachevent/chosen/<str:pk>/": LOGIN_GATE,
    "admin/snippets/choose/reports/outreachevent/create/": OFFICE,
    "admin/snippets/choose/reports/outreachevent/results/": STAFF,
    "admin/snippets/choose/reports/outreachmember/": STAFF,
    "admin/snippets/choose/reports/outreachmember/chosen-multiple/": STAFF,
    "admin/snippets/choose/reports/outreachmember/chosen/<str:pk>/": LOGIN_GATE,
    "admin/snippets/choose/reports/outreachmember/create/": OFFICE,
    "admin/snippets/choose/reports/outreachmember/results/": STAFF,
    "admin/snippets/choose/reports/probationassessment/": STAFF,
    "admin/snippets/choose/reports/probationassessment/chosen-multiple/": STAFF,
    "admin/snippets/choose/reports/probationassessment/chosen/<str:pk>/": LOGIN_GATE,
    "admin/snippets/choose/reports/probationassessment/create/": OFFICE,
    "admin/snippets/choose/reports/probationassessment/results/": STAFF,
    "admin/snippets/choose/reports/procurementnotice/": STAFF,
    "admin/snippets/choose/reports/procurementnotice/chosen-multiple/": STAFF,
    "admin/snippets/choose/reports/procurementnotice/chosen/<str:pk>/": LOGIN_GATE,
    "admin/snippets/choose/reports/procurementnotice/create/": OFFICE,
    "admin/snippets/choose/reports/procurementnotice/results/": STAFF,
    "admin/snippets/choose/requests/lettertemplate/": STAFF,
    "admin/snippets/choose/requests/lettertemplate/chosen-multiple/": STAFF,
    "admin/snippets/choose/requests/lettertemplate/chosen/<str:pk>/": STAFF,
    "admin/snippets/choose/requests/lettertemplate/create/": OFFICE,
    "admin/snippets/choose/requests/lettertemplate/results/": STAFF,
    "admin/snippets/choose/review/departmenthead/": STAFF,
    "admin/snippets/choose/review/departmenthead/chosen-multiple/": STAFF,
    "admin/snippets/choose/review/departmenthead/chosen/<str:pk>/": LOGIN_GATE,
    "admin/snippets/choose/review/departmenthead/create/": SUPERUSER,
    "admin/snippets/choose/review/departmenthead/results/": STAFF,
    "admin/snippets/choose/workdays/calendarday/": STAFF,
    "admin/snippets/choose/workdays/calendarday/chosen-multiple/": STAFF,
    "admin/snippets/choose/workdays/calendarday/chosen/<str:pk>/": LOGIN_GATE,
    "admin/snippets/choose/workdays/calendarday/create/": OFFICE,
    "admin/snippets/choose/workdays/calendarday/results/": STAFF,
    "admin/snippets/choose/workdays/confirmedyear/": STAFF,
    "admin/snippets/choose/workdays/confirmedyear/chosen-multiple/": STAFF,
    "admin/snippets/choose/workdays/confirmedyear/chosen/<str:pk>/": LOGIN_GATE,
    "admin/snippets/choose/workdays/confirmedyear/create/": OFFICE,
    "admin/snippets/choose/workdays/confirmedyear/results/": STAFF,
    "admin/snippets/evaluation/survey/": OFFICE,
    "admin/snippets/evaluation/survey/add/": OFFICE,
    "admin/snippets/evaluation/survey/copy/<int:pk>/": OFFICE,
    "admin/snippets/evaluation/survey/delete/<int:pk>/": OFFICE,
    "admin/snippets/evaluation/survey/edit/<int:pk>/": OFFICE,
    "admin/snippets/evaluation/survey/history-results/<int:pk>/": OFFICE,
    "admin/snippets/evaluation/survey/history/<int:pk>/": OFFICE,
    "admin/snippets/evaluation/survey/results/": OFFICE,
    "admin/snippets/evaluation/survey/usage/<int:pk>/": OFFICE,
    "admin/snippets/mailbox/mailbox/": OFFICE,
    "admin/snippets/mailbox/mailbox/add/": OFFICE,
    "admin/snippets/mailbox/mailbox/copy/<int:pk>/": OFFICE,
    "admin/snippets/mailbox/mailbox/delete/<int:pk>/": OFFICE,
    "admin/snippets/mailbox/mailbox/edit/<int:pk>/": OFFICE,
    "admin/snippets/mailbox/mailbox/history-results/<int:pk>/": OFFICE,
    "admin/snippets/mailbox/mailbox/history/<int:pk>/": OFFICE,
    "admin/snippets/mailbox/mailbox/results/": OFFICE,
    "admin/snippets/mailbox/mailbox/usage/<int:pk>/": OFFICE,
    "admin/snippets/mailbox/sensitiveword/": OFFICE,
    "admin/snippets/mailbox/sensitiveword/add/": OFFICE,
    "admin/snippets/mailbox/sensitiveword/copy/<int:pk>/": OFFICE,
    "admin/snippets/mailbox/sensitiveword/delete/<int:pk>/": OFFICE,
    "admin/snippets/mailbox/sensitiveword/edit/<int:pk>/": OFFICE,
    "admin/snippets/mailbox/sensitiveword/history-results/<int:pk>/": OFFICE,
    "admin/snippets/mailbox/sensitiveword/history/<int:pk>/": OFFICE,
    "admin/snippets/mailbox/sensitiveword/results/": OFFICE,
    "admin/snippets/mailbox/sensitiveword/usage/<int:pk>/": OFFICE,
    "admin/snippets/orgs/department/": {"office", "supervisor"},
    "admin/snippets/orgs/department/add/": OFFICE,
    "admin/snippets/orgs/department/copy/<int:pk>/": OFFICE,
    "admin/snippets/orgs/department/delete/<int:pk>/": SUPERUSER,
    "admin/snippets/orgs/department/edit/<int:pk>/": OFFICE,
    "admin/snippets/orgs/department/history-results/<int:pk>/": OFFICE,
    "admin/snippets/orgs/department/history/<int:pk>/": OFFICE,
    "admin/snippets/orgs/department/results/": {"office", "supervisor"},
    "admin/snippets/orgs/department/usage/<int:pk>/": OFFICE,
    "admin/snippets/orgs/staffprofile/": OFFICE,
    "admin/snippets/orgs/staffprofile/add/": OFFICE,
    "admin/snippets/orgs/staffprofile/copy/<int:pk>/": OFFICE,
    "admin/snippets/orgs/staffprofile/delete/<int:pk>/": SUPERUSER,
    "admin/snippets/orgs/staffprofile/edit/<int:pk>/": OFFICE,
    "admin/snippets/orgs/staffprofile/history-results/<int:pk>/": OFFICE,
    "admin/snippets/orgs/staffprofile/history/<int:pk>/": OFFICE,
    "admin/snippets/orgs/staffprofile/results/": OFFICE,
    "admin/snippets/orgs/staffprofile/usage/<int:pk>/": OFFICE,
    "admin/snippets/reports/admissionresult/": OFFICE,
    "admin/snippets/reports/admissionresult/add/": OFFICE,
    "admin/snippets/reports/admissionresult/copy/<int:pk>/": OFFICE,
    "admin/snippets/reports/admissionresult/delete/<int:pk>/": OFFICE,
    "admin/snippets/reports/admissionresult/edit/<int:pk>/": OFFICE,
    "admin/snippets/reports/admissionresult/history-results/<int:pk>/": OFFICE,
    "admin/snippets/reports/admissionresult/history/<int:pk>/": OFFICE,
    "admin/snippets/reports/admissionresult/results/": OFFICE,
    "admin/snippets/reports/admissionresult/usage/<int:pk>/": OFFICE,
    "admin/snippets/reports/cadrechange/": OFFICE,
    "admin/snippets/reports/cadrechange/add/": OFFICE,
    "admin/snippets/reports/cadrechange/copy/<int:pk>/": OFFICE,
    "admin/snippets/reports/cadrechange/delete/<int:pk>/": OFFICE,
    "admin/snippets/reports/cadrechange/edit/<int:pk>/": OFFICE,
    "admin/snippets/reports/cadrechange/history-results/<int:pk>/": OFFICE,
    "admin/snippets/reports/cadrechange/history/<int:pk>/": OFFICE,
    "admin/snippets/reports/cadrechange/results/": OFFICE,
    "admin/snippets/reports/cadrechange/usage/<int:pk>/": OFFICE,
    "admin/snippets/reports/channel/": OFFICE,
    "admin/snippets/reports/channel/add/": OFFICE,
    "admin/snippets/reports/channel/copy/<int:pk>/": OFFICE,
    "admin/snippets/reports/channel/delete/<int:pk>/": OFFICE,
    "admin/snippets/reports/channel/edit/<int:pk>/": OFFICE,
    "admin/snippets/reports/channel/history-results/<int:pk>/": OFFICE,
    "admin/snippets/reports/channel/history/<int:pk>/": OFFICE,
    "admin/snippets/reports/channel/results/": OFFICE,
    "admin/snippets/reports/channel/usage/<int:pk>/": OFFICE,
    "admin/snippets/reports/channelmonth/": OFFICE,
    "admin/snippets/reports/channelmonth/add/": OFFICE,
    "admin/snippets/reports/channelmonth/copy/<int:pk>/": OFFICE,
    "admin/snippets/reports/channelmonth/delete/<int:pk>/": OFFICE,
    "admin/snippets/reports/channelmonth/edit/<int:pk>/": OFFICE,
    "admin/snippets/reports/channelmonth/history-results/<int:pk>/": OFFICE,
    "admin/snippets/reports/channelmonth/history/<int:pk>/": OFFICE,
    "admin/snippets/reports/channelmonth/results/": OFFICE,
    "admin/snippets/reports/channelmonth/usage/<int:pk>/": OFFICE,
    "admin/snippets/reports/feeschedule/": OFFICE,
    "admin/snippets/reports/feeschedule/add/": OFFICE,
    "admin/snippets/reports/feeschedule/copy/<int:pk>/": OFFICE,
    "admin/snippets/reports/feeschedule/delete/<int:pk>/": OFFICE,
    "admin/snippets/reports/feeschedule/edit/<int:pk>/": OFFICE,
    "admin/snippets/reports/feeschedule/history-results/<int:pk>/": OFFICE,
    "admin/snippets/reports/feeschedule/history/<int:pk>/": OFFICE,
    "admin/snippets/reports/feeschedule/results/": OFFICE,
    "admin/snippets/reports/feeschedule/usage/<int:pk>/": OFFICE,
    "admin/snippets/reports/outreachevent/": OFFICE,
    "admin/snippets/reports/outreachevent/add/": OFFICE,
    "admin/snippets/reports/outreachevent/copy/<int:pk>/": OFFICE,
    "admin/snippets/reports/outreachevent/delete/<int:pk>/": OFFICE,
    "admin/snippets/reports/outreachevent/edit/<int:pk>/": OFFICE,
    "admin/snippets/reports/outreachevent/history-results/<int:pk>/": OFFICE,
    "admin/snippets/reports/outreachevent/history/<int:pk>/": OFFICE,
    "admin/snippets/reports/outreachevent/results/": OFFICE,
    "admin/snippets/reports/outreachevent/usage/<int:pk>/": OFFICE,
    "admin/snippets/reports/outreachmember/": OFFICE,
    "admin/snippets/reports/outreachmember/add/": OFFICE,
    "admin/snippets/reports/outreachmember/copy/<int:pk>/": OFFICE,
    "admin/snippets/reports/outreachmember/delete/<int:pk>/": OFFICE,
    "admin/snippets/reports/outreachmember/edit/<int:pk>/": OFFICE,
    "admin/snippets/reports/outreachmember/history-results/<int:pk>/": OFFICE,
    "admin/snippets/reports/outreachmember/history/<int:pk>/": OFFICE,
    "admin/snippets/reports/outreachmember/results/": OFFICE,
    "admin/snippets/reports/outreachmember/usage/<int:pk>/": OFFICE,
    "admin/snippets/reports/probationassessment/": OFFICE,
    "admin/snippets/reports/probationassessment/add/": OFFICE,
    "admin/snippets/reports/probationassessment/copy/<int:pk>/": OFFICE,
    "admin/snippets/reports/probationassessment/delete/<int:pk>/": OFFICE,
    "admin/snippets/reports/probationassessment/edit/<int:pk>/": OFFICE,
    "admin/snippets/reports/probationassessment/history-results/<int:pk>/": OFFICE,
    "admin/snippets/reports/probationassessment/history/<int:pk>/": OFFICE,
    "admin/snippets/reports/probationassessment/results/": OFFICE,
    "admin/snippets/reports/probationassessment/usage/<int:pk>/": OFFICE,
    "admin/snippets/reports/procurementnotice/": OFFICE,
    "admin/snippets/reports/procurementnotice/add/": OFFICE,
    "admin/snippets/reports/procurementnotice/copy/<int:pk>/": OFFICE,
    "admin/snippets/reports/procurementnotice/delete/<int:pk>/": OFFICE,
    "admin/snippets/reports/procurementnotice/edit/<int:pk>/": OFFICE,
    "admin/snippets/reports/procurementnotice/history-results/<int:pk>/": OFFICE,
    "admin/snippets/reports/procurementnotice/history/<int:pk>/": OFFICE,
    "admin/snippets/reports/procurementnotice/results/": OFFICE,
    "admin/snippets/reports/procurementnotice/usage/<int:pk>/": OFFICE,
    "admin/snippets/requests/lettertemplate/": OFFICE,
    "admin/snippets/requests/lettertemplate/add/": OFFICE,
    "admin/snippets/requests/lettertemplate/copy/<int:pk>/": OFFICE,
    "admin/snippets/requests/lettertemplate/delete/<int:pk>/": SUPERUSER,
    "admin/snippets/requests/lettertemplate/edit/<int:pk>/": OFFICE,
    "admin/snippets/requests/lettertemplate/history-results/<int:pk>/": OFFICE,
    "admin/snippets/requests/lettertemplate/history/<int:pk>/": OFFICE,
    "admin/snippets/requests/lettertemplate/results/": OFFICE,
    "admin/snippets/requests/lettertemplate/usage/<int:pk>/": OFFICE,
    "admin/snippets/review/departmenthead/": SUPERUSER,
    "admin/snippets/review/departmenthead/add/": SUPERUSER,
    "admin/snippets/review/departmenthead/copy/<int:pk>/": SUPERUSER,
    "admin/snippets/review/departmenthead/delete/<int:pk>/": SUPERUSER,
    "admin/snippets/review/departmenthead/edit/<int:pk>/": SUPERUSER,
    "admin/snippets/review/departmenthead/history-results/<int:pk>/": SUPERUSER,
    "admin/snippets/review/departmenthead/history/<int:pk>/": SUPERUSER,
    "admin/snippets/review/departmenthead/results/": SUPERUSER,
    "admin/snippets/review/departmenthead/usage/<int:pk>/": SUPERUSER,
    "admin/snippets/workdays/calendarday/": OFFICE,
    "admin/snippets/workdays/calendarday/add/": OFFICE,
    "admin/snippets/workdays/calendarday/copy/<int:pk>/": OFFICE,
    "admin/snippets/workdays/calendarday/delete/<int:pk>/": OFFICE,
    "admin/snippets/workdays/calendarday/edit/<int:pk>/": OFFICE,
    "admin/snippets/workdays/calendarday/history-results/<int:pk>/": OFFICE,
    "admin/snippets/workdays/calendarday/history/<int:pk>/": OFFICE,
    "admin/snippets/workdays/calendarday/results/": OFFICE,
    "admin/snippets/workdays/calendarday/usage/<int:pk>/": OFFICE,
    "admin/snippets/workdays/confirmedyear/": OFFICE,
    "admin/snippets/workdays/confirmedyear/add/": OFFICE,
    "admin/snippets/workdays/confirmedyear/copy/<int:pk>/": OFFICE,
    "admin/snippets/workdays/confirmedyear/delete/<int:pk>/": OFFICE,
    "admin/snippets/workdays/confirmedyear/edit/<int:pk>/": OFFICE,
    "admin/snippets/workdays/confirmedyear/history-results/<int:pk>/": OFFICE,
    "admin/snippets/workdays/confirmedyear/history/<int:pk>/": OFFICE,
    "admin/snippets/workdays/confirmedyear/results/": OFFICE,
    "admin/snippets/workdays/confirmedyear/usage/<int:pk>/": OFFICE,
    "admin/sprite/": EVERYONE,
    "admin/supervision/": OVERSIGHT,
    "admin/supervision/departments/<str:code>/": LOGIN_GATE,
    "admin/supervision/departments/<str:code>/handling/": STAFF,
    "admin/supervision/export/matrix.xlsx": OVERSIGHT,
    "admin/supervision/export/overdue.xlsx": OVERSIGHT,
    "admin/supervision/notices/read/": STAFF,
    "admin/supervision/pending/<int:pk>/cancel/": STAFF,
    "admin/supervision/pending/add/": {"editor_a", "editor_b", "office"},
    "admin/tag-autocomplete/": STAFF,
    "admin/tag-autocomplete/<slug:app_name>/<slug:model_name>/": LOGIN_GATE,
    "admin/test404/": STAFF,
    "admin/two-factor/": STAFF,
    "admin/two-factor/enrol/": STAFF,
    "admin/users/": OFFICE,
    "admin/users/copy/<int:pk>/": OFFICE,
    "admin/users/delete/<int:pk>/": SUPERUSER,
    "admin/users/edit/<int:pk>/": OFFICE,
    "admin/users/history-results/<int:pk>/": OFFICE,
    "admin/users/history/<int:pk>/": OFFICE,
    "admin/users/new/": OFFICE,
    "admin/users/results/": OFFICE,
    "admin/users/usage/<int:pk>/": OFFICE,
    "admin/workflows/add/": SUPERUSER,
    "admin/workflows/disable/<int:pk>/": SUPERUSER,
    "admin/workflows/edit/<int:pk>/": SUPERUSER,
    "admin/workflows/enable/<int:pk>/": STAFF,
    "admin/workflows/list/": SUPERUSER,
    "admin/workflows/list/results/": SUPERUSER,
    "admin/workflows/remove/<int:page_pk>/": STAFF,
    "admin/workflows/remove/<int:page_pk>/<int:workflow_pk>/": STAFF,
    "admin/workflows/task_chooser/": STAFF,
    "admin/workflows/task_chooser/<int:task_id>/": STAFF,
    "admin/workflows/task_chooser/create/": STAFF,
    "admin/workflows/task_chooser/results/": STAFF,
    "admin/workflows/tasks/add/<str:app_label>/<str:model_name>/": LOGIN_GATE,
    "admin/workflows/tasks/disable/<int:pk>/": SUPERUSER,
    "admin/workflows/tasks/edit/<int:pk>/": SUPERUSER,
    "admin/workflows/tasks/enable/<int:pk>/": STAFF,
    "admin/workflows/tasks/index/": SUPERUSER,
    "admin/workflows/tasks/index/results/": SUPERUSER,
    "admin/workflows/tasks/select_type/": SUPERUSER,
    "admin/workflows/usage/<int:pk>/": SUPERUSER,
    "admin/workflows/usage/<int:pk>/results/": SUPERUSER,
    "admin/xxgk-search/": STAFF,
    "admin/xxgk-search/log/": {"office", "supervisor"},
    "admin/xxgk-search/synonyms/": {"office", "supervisor"},
    "admin/xxgk-search/synonyms/<int:pk>/delete/": OFFICE,
    "admin/xxgk-search/synonyms/<int:pk>/edit/": OFFICE,
    "admin/xxgk-search/synonyms/add/": OFFICE,
    "api/v1/": EVERYONE,
    "api/v1/catalogue": EVERYONE,
    "api/v1/catalogue/items/<item_number>": EVERYONE,
    "api/v1/departments": EVERYONE,
    "api/v1/disclosures": EVERYONE,
    "api/v1/disclosures/<disclosure_id>": EVERYONE,
    "api/v1/docs": EVERYONE,
    "api/v1/integration/disclosures": EVERYONE,
    "api/v1/integration/disclosures/<disclosure_id>": SUPERUSER,
    "api/v1/integration/whoami": SUPERUSER,
    "api/v1/openapi.json": EVERYONE,
    "api/v1/reports": EVERYONE,
    "api/v1/reports/<school_year_start>": EVERYONE,
    "api/v1/statistics/disclosures": EVERYONE,
    "api/v1/statistics/mailbox": EVERYONE,
    "api/v1/statistics/requests": EVERYONE,
    "apply/": EVERYONE,
    "apply/done/": EVERYONE,
    "apply/track/": EVERYONE,
    "apply/track/<str:number>/files/<int:pk>/": EVERYONE,
    "apply/track/<str:number>/letters/<int:pk>.<str:fmt>": EVERYONE,
    "catalogue-history/": EVERYONE,
    "complaints/": EVERYONE,
    "complaints/receipt/": EVERYONE,
    "complaints/track/": EVERYONE,
    "documents/^(\\d+)/(.*)$": EVERYONE,
    "documents/authenticate_with_password/<int:restriction_id>/": EVERYONE,
    "evaluation/helpful/<int:page_id>/": EVERYONE,
    "evaluation/surveys/": EVERYONE,
    "evaluation/surveys/<int:pk>/": EVERYONE,
    "evaluation/surveys/<int:pk>/thanks/": EVERYONE,
    "feeds/atom/": EVERYONE,
    "feeds/category/<int:number>/atom/": EVERYONE,
    "feeds/category/<int:number>/rss/": EVERYONE,
    "feeds/item/<str:item_number>/atom/": EVERYONE,
    "feeds/item/<str:item_number>/rss/": EVERYONE,
    "feeds/rss/": EVERYONE,
    "healthz": EVERYONE,
    "lang/<str:code>/": EVERYONE,
    "mailbox/": EVERYONE,
    "mailbox/<slug:slug>/": EVERYONE,
    "mailbox/<slug:slug>/letters/<str:number>/": EVERYONE,
    "mailbox/<slug:slug>/write/": EVERYONE,
    "mailbox/receipt/": EVERYONE,
    "mailbox/track/": EVERYONE,
    "robots.txt": EVERYONE,
    "search/": EVERYONE,
    "sitemap-<section>.xml": EVERYONE,
    "sitemap.xml": EVERYONE,
    "views/<int:page_id>/": EVERYONE,
}
# Wagtail's deliberate server-error page (for checking error reporting): staff are not sent.
RAISES_BY_DESIGN = {"admin/failwhale/"}
STATE_CHANGING = re.compile(
    r"add|edit|delete|new|create|update|publish|move|copy|revoke|rotate|approve|reject"
    r"|decide|assign|restore|lock|import|generate|revert|convert|reorder|submit|write|action"
)


def expected_roles(route: str) -> set[str]:
    return RULES[route]


def test_every_pattern_has_a_rule():
    missing = []
    for route in ALL_PATTERNS:
        try:
            expected_roles(route)
        except KeyError:
            missing.append(route)
    assert not missing, "URL patterns without an authorization rule:\n" + "\n".join(missing)


@pytest.mark.parametrize("role", ROLES)
def test_role_against_every_pattern(world, role):
    client = world["clients"][role]
    mismatches = []
    for route in ALL_PATTERNS:
        if role in STAFF and route in RAISES_BY_DESIGN:
            continue
        allowed = role in expected_roles(route)
        url = build_url(route, world["values"])
        got = outcome(client.get(url))
        if got == "error" or (allowed and got == "deny") or (not allowed and got == "allow"):
            mismatches.append(
                f"GET {url} ({route}): expected {allowed and 'allow' or 'deny'}, {got}"
            )
        if not allowed and STATE_CHANGING.search(route):
            response = client.post(url, {})
            posted = "deny" if response.status_code == 405 else outcome(response)
            if posted in ("allow", "error"):
                mismatches.append(f"POST {url} ({route}): expected deny, {posted}")
        if "logout" in route:
            world["login_all"]()
    assert not mismatches, "\n".join(mismatches)
