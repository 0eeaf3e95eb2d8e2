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

import json
import re
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from tests.factories import published_disclosure
from tests.rights import build_rights_world, page_state, writes_during

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
def staff_users(editor_a, editor_b, reviewer, office, supervisor, leader):
    return {
        "editor_a": editor_a,
        "editor_b": editor_b,
        "reviewer": reviewer,
        "office": office,
        "supervisor": supervisor,
        "leader": leader,
    }


def applicant_client():
    """A visitor holding an application's number and query code (and so its tracking page)."""
    from tests.requests.conftest import make_application

    application, code = make_application()
    client = Client()
    response = client.post("/apply/track/", {"number": application.number, "code": code})
    assert response.status_code == 200
    return client, application


@pytest.fixture
def world(dept_a, item_a, item_b, editor_a, staff_users):
    """Objects for the generated arguments, and a logged-in client per role (department B
    answers for item B, so its editor works in the page tree too)."""
    disclosure = published_disclosure(item=item_a, department=dept_a, author=editor_a)
    users = staff_users
    applicant, application = applicant_client()
    clients = {"anonymous": Client(), "applicant": applicant}

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
OVERSIGHT = {"office", "supervisor", "leader"}  # dashboards, statistics, the report desk
READS_ALL = {"office", "supervisor"}  # cases, letters, complaints, logs: read all, masked
# The disclosure of the walk (department A's, reviewed by someone other than ``reviewer``).
HISTORY_READERS = {"editor_a", "office", "supervisor"}
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
    "admin/annual-report/": OVERSIGHT,
    "admin/annual-report/drafts/<int:pk>/": OVERSIGHT,
    "admin/annual-report/drafts/<int:pk>/edit/": OFFICE,
    "admin/annual-report/drafts/<int:pk>/export.<str:fmt>": OVERSIGHT,
    "admin/annual-report/drafts/<int:pk>/figures/<str:code>/": OVERSIGHT,
    "admin/annual-report/drafts/<int:pk>/history/": OVERSIGHT,
    "admin/annual-report/drafts/<int:pk>/history/<int:revision_pk>/restore/": OFFICE,
    "admin/annual-report/drafts/<int:pk>/publish/": OFFICE,
    "admin/annual-report/figures/": OVERSIGHT,
    "admin/annual-report/generate/": OFFICE,
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
    "admin/complaints/": READS_ALL,
    "admin/complaints/<int:pk>/": READS_ALL,
    "admin/complaints/<int:pk>/<slug:action>/": STAFF,
    "admin/disclosures/new/": {"editor_a", "editor_b", "office"},
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
    # Letters: whoever reads all (office, supervision) and staff of a department (the
    # reviewer fixture belongs to department A); leaders see the statistics only.
    "admin/letters/": STAFF - {"leader"},
    "admin/letters/<int:pk>/": STAFF - {"leader"},
    "admin/letters/<int:pk>/<slug:action>/": STAFF,
    "admin/letters/attachments/<int:pk>/": STAFF - {"leader"},
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
    # The disclosure's page URLs; the detailed rules, on pages in every state and with effects
    # checked, are PAGE_PROBES below.
    "admin/pages/<int:page_id>/history/": HISTORY_READERS,
    "admin/pages/<int:page_id>/history/results/": HISTORY_READERS,
    "admin/pages/<int:page_id>/lock/": STAFF,  # POST only: GET is 405 for everyone
    "admin/pages/<int:page_id>/privacy/": SUPERUSER,
    "admin/pages/<int:page_id>/revisions/": STAFF,  # a redirect to the history
    "admin/pages/<int:page_id>/revisions/<int:revision_id>/revert/": {"editor_a", "office"},
    "admin/pages/<int:page_id>/revisions/<int:revision_id>/unschedule/": {"editor_a", "office"},
    "admin/pages/<int:page_id>/revisions/<int:revision_id>/view/": HISTORY_READERS,
    "admin/pages/<int:page_id>/unlock/": STAFF,  # POST only: GET is 405 for everyone
    "admin/pages/<int:page_id>/unpublish/": SUPERUSER,
    "admin/pages/<int:page_id>/usage/": {"editor_a", "office"},
    "admin/pages/<int:page_id>/view_draft/": HISTORY_READERS,
    "admin/pages/<int:page_id>/workflow_history/": HISTORY_READERS,
    "admin/pages/<int:page_id>/workflow_history/detail/<int:workflow_state_id>/": HISTORY_READERS,
    "admin/pages/<int:page_to_move_id>/move/": SUPERUSER,
    "admin/pages/<int:page_to_move_id>/move/<int:destination_id>/confirm/": SUPERUSER,
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
    "admin/pages/workflow/confirm_cancellation/<int:page_id>/": {"editor_a", "office"},
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
    "admin/registers/import/": OFFICE,
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
    "admin/requests/": READS_ALL,
    "admin/requests/<int:pk>/": READS_ALL,
    "admin/requests/<int:pk>/actions/<str:name>/": STAFF,
    "admin/requests/<int:pk>/files/<int:file_pk>/": OFFICE,
    "admin/requests/letters/<int:pk>.<str:fmt>": LOGIN_GATE,
    "admin/requests/export/": OFFICE,
    "admin/requests/new/": OFFICE,
    "admin/requests/statistics/": OVERSIGHT,
    "admin/requests/statistics/cases/": OVERSIGHT,
    "admin/review/": {"reviewer", "office"},
    "admin/review/attachment/<int:pk>/redact/": {"editor_a", "office"},  # POST only
    "admin/review/audit/": READS_ALL,
    # An OCR hit's crop (unmasked value): those who may read the disclosure's review.
    "admin/review/crop/<int:pk>/": HISTORY_READERS,
    "admin/review/mine/": {"editor_a", "editor_b", "office"},
    "admin/review/notices/": STAFF,
    "admin/review/notices/read/": STAFF,
    "admin/review/page/<int:page_id>/": HISTORY_READERS,
    "admin/review/page/<int:page_id>/withdraw/": OFFICE,
    "admin/review/page/<int:page_id>/restore/": SUPERUSER,  # the page is live: nothing to restore
    "admin/review/record/<int:pk>/": HISTORY_READERS,
    "admin/review/record/<int:pk>/docx/": HISTORY_READERS,
    "admin/review/record/<int:pk>/pdf/": HISTORY_READERS,
    "admin/review/task/<int:task_state_id>/": HISTORY_READERS,
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
    "admin/snippets/choose/registers/admissionresult/": STAFF,
    "admin/snippets/choose/registers/admissionresult/chosen-multiple/": STAFF,
    "admin/snippets/choose/registers/admissionresult/chosen/<str:pk>/": LOGIN_GATE,
    "admin/snippets/choose/registers/admissionresult/create/": OFFICE,
    "admin/snippets/choose/registers/admissionresult/results/": STAFF,
    "admin/snippets/choose/registers/cadrechange/": STAFF,
    "admin/snippets/choose/registers/cadrechange/chosen-multiple/": STAFF,
    "admin/snippets/choose/registers/cadrechange/chosen/<str:pk>/": LOGIN_GATE,
    "admin/snippets/choose/registers/cadrechange/create/": OFFICE,
    "admin/snippets/choose/registers/cadrechange/results/": STAFF,
    "admin/snippets/choose/registers/channel/": STAFF,
    "admin/snippets/choose/registers/channel/chosen-multiple/": STAFF,
    "admin/snippets/choose/registers/channel/chosen/<str:pk>/": LOGIN_GATE,
    "admin/snippets/choose/registers/channel/create/": OFFICE,
    "admin/snippets/choose/registers/channel/results/": STAFF,
    "admin/snippets/choose/registers/channelmonth/": STAFF,
    "admin/snippets/choose/registers/channelmonth/chosen-multiple/": STAFF,
    "admin/snippets/choose/registers/channelmonth/chosen/<str:pk>/": LOGIN_GATE,
    "admin/snippets/choose/registers/channelmonth/create/": OFFICE,
    "admin/snippets/choose/registers/channelmonth/results/": STAFF,
    "admin/snippets/choose/registers/feeschedule/": STAFF,
    "admin/snippets/choose/registers/feeschedule/chosen-multiple/": STAFF,
    "admin/snippets/choose/registers/feeschedule/chosen/<str:pk>/": LOGIN_GATE,
    "admin/snippets/choose/registers/feeschedule/create/": OFFICE,
    "admin/snippets/choose/registers/feeschedule/results/": STAFF,
    "admin/snippets/choose/registers/outreachevent/": STAFF,
    "admin/snippets/choose/registers/outreachevent/chosen-multiple/": STAFF,
    "admin/snippets/choose/registers/outreachevent/chosen/<str:pk>/": LOGIN_GATE,
    "admin/snippets/choose/registers/outreachevent/create/": OFFICE,
    "admin/snippets/choose/registers/outreachevent/results/": STAFF,
    "admin/snippets/choose/registers/outreachmember/": STAFF,
    "admin/snippets/choose/registers/outreachmember/chosen-multiple/": STAFF,
    "admin/snippets/choose/registers/outreachmember/chosen/<str:pk>/": LOGIN_GATE,
    "admin/snippets/choose/registers/outreachmember/create/": OFFICE,
    "admin/snippets/choose/registers/outreachmember/results/": STAFF,
    "admin/snippets/choose/registers/probationassessment/": STAFF,
    "admin/snippets/choose/registers/probationassessment/chosen-multiple/": STAFF,
    "admin/snippets/choose/registers/probationassessment/chosen/<str:pk>/": LOGIN_GATE,
    "admin/snippets/choose/registers/probationassessment/create/": OFFICE,
    "admin/snippets/choose/registers/probationassessment/results/": STAFF,
    "admin/snippets/choose/registers/procurementnotice/": STAFF,
    "admin/snippets/choose/registers/procurementnotice/chosen-multiple/": STAFF,
    "admin/snippets/choose/registers/procurementnotice/chosen/<str:pk>/": LOGIN_GATE,
    "admin/snippets/choose/registers/procurementnotice/create/": OFFICE,
    "admin/snippets/choose/registers/procurementnotice/results/": STAFF,
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
    "admin/snippets/registers/admissionresult/": OFFICE,
    "admin/snippets/registers/admissionresult/add/": OFFICE,
    "admin/snippets/registers/admissionresult/copy/<int:pk>/": OFFICE,
    "admin/snippets/registers/admissionresult/delete/<int:pk>/": OFFICE,
    "admin/snippets/registers/admissionresult/edit/<int:pk>/": OFFICE,
    "admin/snippets/registers/admissionresult/history-results/<int:pk>/": OFFICE,
    "admin/snippets/registers/admissionresult/history/<int:pk>/": OFFICE,
    "admin/snippets/registers/admissionresult/results/": OFFICE,
    "admin/snippets/registers/admissionresult/usage/<int:pk>/": OFFICE,
    "admin/snippets/registers/cadrechange/": OFFICE,
    "admin/snippets/registers/cadrechange/add/": OFFICE,
    "admin/snippets/registers/cadrechange/copy/<int:pk>/": OFFICE,
    "admin/snippets/registers/cadrechange/delete/<int:pk>/": OFFICE,
    "admin/snippets/registers/cadrechange/edit/<int:pk>/": OFFICE,
    "admin/snippets/registers/cadrechange/history-results/<int:pk>/": OFFICE,
    "admin/snippets/registers/cadrechange/history/<int:pk>/": OFFICE,
    "admin/snippets/registers/cadrechange/results/": OFFICE,
    "admin/snippets/registers/cadrechange/usage/<int:pk>/": OFFICE,
    "admin/snippets/registers/channel/": OFFICE,
    "admin/snippets/registers/channel/add/": OFFICE,
    "admin/snippets/registers/channel/copy/<int:pk>/": OFFICE,
    "admin/snippets/registers/channel/delete/<int:pk>/": OFFICE,
    "admin/snippets/registers/channel/edit/<int:pk>/": OFFICE,
    "admin/snippets/registers/channel/history-results/<int:pk>/": OFFICE,
    "admin/snippets/registers/channel/history/<int:pk>/": OFFICE,
    "admin/snippets/registers/channel/results/": OFFICE,
    "admin/snippets/registers/channel/usage/<int:pk>/": OFFICE,
    "admin/snippets/registers/channelmonth/": OFFICE,
    "admin/snippets/registers/channelmonth/add/": OFFICE,
    "admin/snippets/registers/channelmonth/copy/<int:pk>/": OFFICE,
    "admin/snippets/registers/channelmonth/delete/<int:pk>/": OFFICE,
    "admin/snippets/registers/channelmonth/edit/<int:pk>/": OFFICE,
    "admin/snippets/registers/channelmonth/history-results/<int:pk>/": OFFICE,
    "admin/snippets/registers/channelmonth/history/<int:pk>/": OFFICE,
    "admin/snippets/registers/channelmonth/results/": OFFICE,
    "admin/snippets/registers/channelmonth/usage/<int:pk>/": OFFICE,
    "admin/snippets/registers/feeschedule/": OFFICE,
    "admin/snippets/registers/feeschedule/add/": OFFICE,
    "admin/snippets/registers/feeschedule/copy/<int:pk>/": OFFICE,
    "admin/snippets/registers/feeschedule/delete/<int:pk>/": OFFICE,
    "admin/snippets/registers/feeschedule/edit/<int:pk>/": OFFICE,
    "admin/snippets/registers/feeschedule/history-results/<int:pk>/": OFFICE,
    "admin/snippets/registers/feeschedule/history/<int:pk>/": OFFICE,
    "admin/snippets/registers/feeschedule/results/": OFFICE,
    "admin/snippets/registers/feeschedule/usage/<int:pk>/": OFFICE,
    "admin/snippets/registers/outreachevent/": OFFICE,
    "admin/snippets/registers/outreachevent/add/": OFFICE,
    "admin/snippets/registers/outreachevent/copy/<int:pk>/": OFFICE,
    "admin/snippets/registers/outreachevent/delete/<int:pk>/": OFFICE,
    "admin/snippets/registers/outreachevent/edit/<int:pk>/": OFFICE,
    "admin/snippets/registers/outreachevent/history-results/<int:pk>/": OFFICE,
    "admin/snippets/registers/outreachevent/history/<int:pk>/": OFFICE,
    "admin/snippets/registers/outreachevent/results/": OFFICE,
    "admin/snippets/registers/outreachevent/usage/<int:pk>/": OFFICE,
    "admin/snippets/registers/outreachmember/": OFFICE,
    "admin/snippets/registers/outreachmember/add/": OFFICE,
    "admin/snippets/registers/outreachmember/copy/<int:pk>/": OFFICE,
    "admin/snippets/registers/outreachmember/delete/<int:pk>/": OFFICE,
    "admin/snippets/registers/outreachmember/edit/<int:pk>/": OFFICE,
    "admin/snippets/registers/outreachmember/history-results/<int:pk>/": OFFICE,
    "admin/snippets/registers/outreachmember/history/<int:pk>/": OFFICE,
    "admin/snippets/registers/outreachmember/results/": OFFICE,
    "admin/snippets/registers/outreachmember/usage/<int:pk>/": OFFICE,
    "admin/snippets/registers/probationassessment/": OFFICE,
    "admin/snippets/registers/probationassessment/add/": OFFICE,
    "admin/snippets/registers/probationassessment/copy/<int:pk>/": OFFICE,
    "admin/snippets/registers/probationassessment/delete/<int:pk>/": OFFICE,
    "admin/snippets/registers/probationassessment/edit/<int:pk>/": OFFICE,
    "admin/snippets/registers/probationassessment/history-results/<int:pk>/": OFFICE,
    "admin/snippets/registers/probationassessment/history/<int:pk>/": OFFICE,
    "admin/snippets/registers/probationassessment/results/": OFFICE,
    "admin/snippets/registers/probationassessment/usage/<int:pk>/": OFFICE,
    "admin/snippets/registers/procurementnotice/": OFFICE,
    "admin/snippets/registers/procurementnotice/add/": OFFICE,
    "admin/snippets/registers/procurementnotice/copy/<int:pk>/": OFFICE,
    "admin/snippets/registers/procurementnotice/delete/<int:pk>/": OFFICE,
    "admin/snippets/registers/procurementnotice/edit/<int:pk>/": OFFICE,
    "admin/snippets/registers/procurementnotice/history-results/<int:pk>/": OFFICE,
    "admin/snippets/registers/procurementnotice/history/<int:pk>/": OFFICE,
    "admin/snippets/registers/procurementnotice/results/": OFFICE,
    "admin/snippets/registers/procurementnotice/usage/<int:pk>/": OFFICE,
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
    "favicon.ico": EVERYONE,
    "feeds/": EVERYONE,
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
            response, writes = writes_during(client.post, url, {})
            posted = "deny" if response.status_code == 405 else outcome(response)
            if posted in ("allow", "error"):
                mismatches.append(f"POST {url} ({route}): expected deny, {posted}")
            if writes:
                mismatches.append(f"POST {url} ({route}): refused but wrote {writes}")
        if "logout" in route:
            world["login_all"]()
    assert not mismatches, "\n".join(mismatches)


# === Wagtail's own page admin, probed on a realistic world, with effects ======================
#
# Every Wagtail URL about one page (editor, privacy, revisions, comparisons, history,
# unscheduling, reverting, locking, copying, moving, deleting, unpublishing, workflow actions),
# each page bulk action and each admin-API page action is requested by each of the 8 roles,
# against pages in every state (tests/rights.py). The expected roles come from the rules of
# issue 17 (docs/security.md, "Rights"), written out here, not read from the policy. A role
# that must be refused gets a 403 (or the login page) on GET and POST, and its POST must leave
# the database as it was: no write at all, the pages still live or withdrawn, no view
# restriction, no new revision, no schedule change, no lock, no move.

NOBODY = frozenset()
HIDDEN_OR_DENIED = ("deny", "hidden")
# Who may read a disclosure's revisions, comparisons, history and drafts: its department's
# editors, the office, the supervisor, and the reviewer of it (public_b was reviewed by
# ``reviewer``, review_b is under review; the others were reviewed by someone else).
READERS = {
    "public_a": {"editor_a", "office", "supervisor"},
    "draft_a": {"editor_a", "office", "supervisor"},
    "shared_b": {"editor_b", "office", "supervisor"},
    "withdrawn_b": {"editor_b", "office", "supervisor"},
    "scheduled_b": {"editor_b", "office", "supervisor"},
    "public_b": {"editor_b", "office", "supervisor", "reviewer"},
    "review_b": {"editor_b", "office", "supervisor", "reviewer"},
}
# Who may edit (and copy, revert) it: its department's editors and the office. Department A
# also answers for the item shared_b is filed under; it still may not touch B's disclosure.
EDITORS = {
    "public_a": {"editor_a", "office"},
    "draft_a": {"editor_a", "office"},
    "shared_b": {"editor_b", "office"},
    "review_b": {"editor_b", "office"},
    "scheduled_b": {"editor_b", "office"},
}


@dataclass(frozen=True)
class Probe:
    """One Wagtail URL on one object: who may reach it, and what a refused POST sends."""

    route: str
    target: str
    allowed: frozenset
    url: Callable
    post: Callable | None = None  # POST body for refused roles (None: GET only)
    get: bool = True
    json: bool = False
    refusals: tuple = ("deny",)  # outcomes that count as a refusal
    action: str = ""  # the bulk or API action named in the URL

    @property
    def name(self):
        return f"{self.route} [{self.target}]"


def _page_url(name, *extra):
    return lambda w, target: reverse(f"wagtailadmin_pages:{name}", args=[w.page(target).pk, *extra])


def _revision_url(name, which="latest"):
    return lambda w, target: reverse(
        f"wagtailadmin_pages:{name}", args=[w.page(target).pk, w.revision(target, which).pk]
    )


def _compare_url(w, target):
    page = w.page(target)
    earliest, latest = w.revision(target, "earliest").pk, w.revision(target).pk
    return f"/admin/pages/{page.pk}/revisions/compare/{earliest}...{latest}/"


def _bulk_url(action):
    return lambda w, target: (
        reverse("wagtail_bulk_action", args=("wagtailcore", "page", action))
        + f"?id={w.page(target).pk}"
    )


def _api_url(action):
    return lambda w, target: f"/admin/api/main/pages/{w.page(target).pk}/action/{action}/"


def _edit_form(w, target):
    page = w.page(target).specific
    return nested_form_data(
        {
            "title": page.title + "（改）",
            "slug": page.slug,
            "publishing_department": page.publishing_department_id,
            "formed_on": "",
            "publication_date": "",
            "summary": "",
            "body": rich_text("<p>改过的正文。</p>"),
            "attachments": inline_formset([]),
            "comments": inline_formset([]),
            "go_live_at": "",
            "expire_at": "",
            "action-publish": "1",
        }
    )


def _nothing(w, target):
    return {}


def _probe(route, target, allowed, url, post=_nothing, **options):
    return Probe(route, target, frozenset(allowed), url, post, **options)


def _task_state(w, target):
    return w.page(target).current_workflow_state.current_task_state


PAGE_PROBES = [
    # The editor, its preview and the page's references: the department and the office.
    *[
        _probe("admin/pages/<int:page_id>/edit/", t, EDITORS[t], _page_url("edit"), _edit_form)
        for t in ("public_a", "shared_b")
    ],
    _probe(
        "admin/pages/<int:page_id>/edit/preview/",
        "public_a",
        EDITORS["public_a"],
        _page_url("preview_on_edit"),
        _edit_form,
    ),
    _probe("admin/pages/<int:page_id>/usage/", "public_a", EDITORS["public_a"], _page_url("usage")),
    _probe(
        "admin/pages/<int:page_id>/copy/",
        "public_a",
        EDITORS["public_a"],
        _page_url("copy"),
        lambda w, t: {
            "new_title": "副本",
            "new_slug": "copy-of-public-a",
            "new_parent_page": w.items["a"].pk,
            "alias": "on",
            "publish_copies": "on",
        },
    ),
    # Deleting: drafts only, by their department or the office; published ones never.
    _probe("admin/pages/<int:page_id>/delete/", "draft_a", EDITORS["draft_a"], _page_url("delete")),
    _probe("admin/pages/<int:page_id>/delete/", "public_a", NOBODY, _page_url("delete")),
    # Wagtail's unpublish: nobody (withdrawal, with a reason, is the office's own step).
    _probe("admin/pages/<int:page_id>/unpublish/", "public_a", NOBODY, _page_url("unpublish")),
    # View restrictions: never on a disclosure or a page above disclosures; the office may
    # restrict the site's other pages.
    *[
        _probe(
            "admin/pages/<int:page_id>/privacy/",
            target,
            allowed,
            _page_url("set_privacy"),
            lambda w, t: {"restriction_type": "password", "password": "secret-123"},
        )
        for target, allowed in (
            ("public_a", NOBODY),
            ("withdrawn_b", NOBODY),
            ("home", NOBODY),
            ("guide", {"office"}),
        )
    ],
    # Locking (POST only): the office.
    _probe("admin/pages/<int:page_id>/lock/", "public_a", {"office"}, _page_url("lock"), get=False),
    _probe(
        "admin/pages/<int:page_id>/unlock/", "public_a", {"office"}, _page_url("unlock"), get=False
    ),
    # Reading revisions, comparisons, history, drafts and the workflow's history.
    *[
        _probe(
            "admin/pages/<int:page_id>/revisions/<int:revision_id>/view/",
            target,
            READERS[target],
            _revision_url("revisions_view"),
            get=True,
        )
        for target in ("public_a", "public_b", "review_b", "shared_b", "withdrawn_b")
    ],
    *[
        _probe(
            "admin/pages/^(?P<pk>\\d+)/revisions/compare/(?P<revision_id_a>live|earliest|\\d+)"
            "\\.\\.\\.(?P<revision_id_b>live|latest|\\d+)/$",
            target,
            READERS[target],
            _compare_url,
        )
        for target in ("public_a", "public_b")
    ],
    *[
        _probe(route, target, READERS[target], _page_url(name))
        for route, name in (
            ("admin/pages/<int:page_id>/history/", "history"),
            ("admin/pages/<int:page_id>/history/results/", "history_results"),
        )
        for target in ("public_a", "public_b", "withdrawn_b")
    ],
    *[
        _probe("admin/pages/<int:page_id>/view_draft/", t, READERS[t], _page_url("view_draft"))
        for t in ("draft_a", "review_b")
    ],
    _probe(
        "admin/pages/<int:page_id>/workflow_history/",
        "review_b",
        READERS["review_b"],
        _page_url("workflow_history"),
    ),
    _probe(
        "admin/pages/<int:page_id>/workflow_history/detail/<int:workflow_state_id>/",
        "review_b",
        READERS["review_b"],
        lambda w, t: reverse(
            "wagtailadmin_pages:workflow_history_detail",
            args=[w.page(t).pk, w.page(t).current_workflow_state.pk],
        ),
    ),
    # Revert = a new draft revision, which goes through review: the editors of the page.
    _probe(
        "admin/pages/<int:page_id>/revisions/<int:revision_id>/revert/",
        "public_a",
        EDITORS["public_a"],
        _revision_url("revisions_revert", "earliest"),
        _edit_form,
    ),
    # Unscheduling: the department, the office, the reviewer of it (not this one's).
    _probe(
        "admin/pages/<int:page_id>/revisions/<int:revision_id>/unschedule/",
        "scheduled_b",
        EDITORS["scheduled_b"],
        lambda w, t: reverse(
            "wagtailadmin_pages:revisions_unschedule",
            args=[w.page(t).pk, w.page(t).revisions.get(approved_go_live_at__isnull=False).pk],
        ),
    ),
    # Moving: the office re-files drafts; published disclosures stay where they are.
    _probe("admin/pages/<int:page_to_move_id>/move/", "draft_a", {"office"}, _page_url("move")),
    _probe("admin/pages/<int:page_to_move_id>/move/", "public_b", NOBODY, _page_url("move")),
    *[
        _probe(
            "admin/pages/<int:page_to_move_id>/move/<int:destination_id>/confirm/",
            target,
            allowed,
            lambda w, t: reverse(
                "wagtailadmin_pages:move_confirm", args=[w.page(t).pk, w.items["shared"].pk]
            ),
        )
        for target, allowed in (("draft_a", {"office"}), ("public_b", NOBODY))
    ],
    # Ordering within an item (POST only): the office.
    _probe(
        "admin/pages/<int:page_to_move_id>/set_position/",
        "public_a",
        {"office"},
        lambda w, t: (
            reverse("wagtailadmin_pages:set_page_position", args=[w.page(t).pk]) + "?position=0"
        ),
        get=False,
    ),
    # Adding under an item: the departments that answer for it, and the office.
    *[
        _probe(
            "admin/pages/<int:parent_page_id>/add_subpage/",
            item,
            allowed,
            lambda w, t: reverse("wagtailadmin_pages:add_subpage", args=[w.items[t].pk]),
            post=None,
        )
        for item, allowed in (("a", {"editor_a", "office"}), ("b", {"editor_b", "office"}))
    ],
    # Wagtail's one-click workflow decisions: nobody (decided on the review page, with a
    # record); cancelling is for the submitter's department and the office.
    *[
        _probe(
            route,
            "review_b",
            NOBODY,
            lambda w, t, name=name: reverse(
                f"wagtailadmin_pages:{name}", args=[w.page(t).pk, "approve", _task_state(w, t).pk]
            ),
        )
        for route, name in (
            (
                "admin/pages/workflow/action/<int:page_id>/<slug:action_name>/<int:task_state_id>/",
                "workflow_action",
            ),
            (
                "admin/pages/workflow/collect_action_data/<int:page_id>/<slug:action_name>/"
                "<int:task_state_id>/",
                "collect_workflow_action_data",
            ),
        )
    ],
    _probe(
        "admin/pages/workflow/preview/<int:page_id>/<int:task_id>/",
        "review_b",
        NOBODY,
        lambda w, t: reverse(
            "wagtailadmin_pages:workflow_preview",
            args=[w.page(t).pk, _task_state(w, t).task_id],
        ),
    ),
    _probe(
        "admin/pages/workflow/confirm_cancellation/<int:page_id>/",
        "review_b",
        EDITORS["review_b"],
        _page_url("confirm_workflow_cancellation"),
    ),
    # No disclosure is an alias, so there is nothing to convert (404 for everyone).
    _probe(
        "admin/pages/<int:page_id>/convert_alias/",
        "public_a",
        NOBODY,
        _page_url("convert_alias"),
        refusals=("deny", "hidden"),
    ),
    # Bulk actions: a selection with a page one may not act on is refused as a whole.
    *[
        _probe(
            "admin/bulk/<str:app_label>/<str:model_name>/<str:action>/",
            t,
            a,
            _bulk_url(n),
            p,
            action=n,
        )
        for n, t, a, p in (
            ("publish", "withdrawn_b", NOBODY, _nothing),
            ("publish", "draft_a", NOBODY, _nothing),
            ("publish", "scheduled_b", NOBODY, _nothing),
            ("unpublish", "public_b", NOBODY, _nothing),
            ("delete", "draft_a", EDITORS["draft_a"], _nothing),
            ("delete", "public_a", NOBODY, _nothing),
            ("move", "draft_a", {"office"}, lambda w, t: {"chooser": w.items["shared"].pk}),
            ("move", "public_b", NOBODY, lambda w, t: {"chooser": w.items["shared"].pk}),
        )
    ],
    # Wagtail's admin API page actions (POST only). The API hides pages outside one's part of
    # the tree (404) and refuses the rest (403).
    *[
        _probe(
            "admin/api/main/^pages/<int:pk>/action/<str:action_name>/",
            target,
            allowed,
            _api_url(action),
            body,
            get=False,
            json=True,
            refusals=refusals,
            action=action,
        )
        for action, target, allowed, body, refusals in (
            ("publish", "withdrawn_b", NOBODY, _nothing, HIDDEN_OR_DENIED),
            ("publish", "draft_a", NOBODY, _nothing, HIDDEN_OR_DENIED),
            ("unpublish", "public_b", NOBODY, _nothing, HIDDEN_OR_DENIED),
            ("delete", "public_a", NOBODY, _nothing, HIDDEN_OR_DENIED),
            ("delete", "draft_a", EDITORS["draft_a"], _nothing, HIDDEN_OR_DENIED),
            (
                "move",
                "public_b",
                NOBODY,
                lambda w, t: {"destination_page_id": w.items["shared"].pk},
                HIDDEN_OR_DENIED,
            ),
            (
                "copy",
                "public_a",
                EDITORS["public_a"],
                lambda w, t: {"destination_page_id": w.items["a"].pk, "slug": "api-copy"},
                HIDDEN_OR_DENIED,
            ),
            (
                "create_alias",
                "public_a",
                NOBODY,
                lambda w, t: {"destination_page_id": w.items["a"].pk, "update_slug": "alias"},
                HIDDEN_OR_DENIED,
            ),
            (
                "revert_to_page_revision",
                "public_a",
                EDITORS["public_a"],
                lambda w, t: {"revision_id": w.revision(t, "earliest").pk},
                HIDDEN_OR_DENIED,
            ),
            ("convert_alias", "public_a", NOBODY, _nothing, (*HIDDEN_OR_DENIED, "invalid")),
        )
    ],
]
# Wagtail page URLs that are not about one page (listings, search, the type chooser) keep
# their rule in RULES above; the one redirect only forwards to the history, checked above.
NOT_ABOUT_ONE_PAGE = {
    "admin/pages/",
    "admin/pages/<int:parent_page_id>/",
    "admin/pages/<int:parent_page_id>/results/",
    "admin/pages/add/<slug:content_type_app_name>/<slug:content_type_model_name>/<int:parent_page_id>/",  # noqa: E501
    "admin/pages/add/<slug:content_type_app_name>/<slug:content_type_model_name>/<int:parent_page_id>/preview/",  # noqa: E501
    "admin/pages/create/<slug:app_label>/<slug:model_name>",
    "admin/pages/search/",
    "admin/pages/search/results/",
    "admin/pages/usage/<slug:content_type_app_name>/<slug:content_type_model_name>/",
    "admin/pages/usage/<slug:content_type_app_name>/<slug:content_type_model_name>/results/",
    "admin/pages/<int:page_id>/revisions/",
}


def test_every_wagtail_page_url_is_probed():
    """A new Wagtail page URL needs a probe with its rule (or a place among the listings)."""
    probed = {probe.route for probe in PAGE_PROBES}
    pages = {route for route in ALL_PATTERNS if route.startswith("admin/pages/")}
    assert not pages - probed - NOT_ABOUT_ONE_PAGE, sorted(pages - probed - NOT_ABOUT_ONE_PAGE)


def test_every_bulk_action_refuses_as_a_whole_and_page_ones_are_probed():
    from wagtail.admin.views.bulk_action.registry import bulk_action_registry

    from xxgk.core.admin_denied import RefusedAsAWhole

    bulk_action_registry._scan_for_bulk_actions()
    registered = [
        (app, model, name, action)
        for app, models in bulk_action_registry.actions.items()
        for model, actions in models.items()
        for name, action in actions.items()
    ]
    assert registered
    assert not [r[:3] for r in registered if not issubclass(r[3], RefusedAsAWhole)]
    page_actions = {
        name for app, model, name, _ in registered if (app, model) == ("wagtailcore", "page")
    }
    probed = {probe.action for probe in PAGE_PROBES if probe.route.startswith("admin/bulk/")}
    assert page_actions == probed


def api_outcome(response) -> str:
    if response.status_code == 400:
        return "invalid"
    return outcome(response)


@pytest.fixture
def rights_world(dept_a, dept_b, item_a, item_b, staff_users):
    return build_rights_world(
        dept_a=dept_a, dept_b=dept_b, item_a=item_a, item_b=item_b, users=staff_users
    )


def role_client(world, role):
    if role == "applicant":
        return applicant_client()[0]
    client = Client()
    if role != "anonymous":
        client.force_login(world.users[role])
    return client


@pytest.mark.parametrize("role", ROLES)
def test_wagtail_page_admin_by_role(rights_world, role):
    world = rights_world
    client = role_client(world, role)
    mismatches = []
    for probe in PAGE_PROBES:
        allowed = role in probe.allowed
        url = probe.url(world, probe.target)
        if probe.get:
            got = outcome(client.get(url))
            if allowed and got != "allow":
                mismatches.append(f"GET {probe.name}: expected allow, {got}")
            elif not allowed and got not in probe.refusals:
                mismatches.append(f"GET {probe.name}: expected refusal, {got}")
        if allowed or probe.post is None:
            continue
        body = probe.post(world, probe.target)
        before = page_state(world)
        if probe.json:
            response, writes = writes_during(
                client.post, url, json.dumps(body), content_type="application/json"
            )
            got = api_outcome(response)
        else:
            response, writes = writes_during(client.post, url, body)
            # A view that takes no POST (405) cannot have acted on it.
            got = "deny" if response.status_code == 405 else outcome(response)
        if got not in probe.refusals:
            mismatches.append(f"POST {probe.name}: expected refusal, {got}")
        if writes:
            mismatches.append(f"POST {probe.name}: refused but wrote {writes}")
        after = page_state(world)
        changed = {key for key in before if before[key] != after[key]}
        if changed:
            mismatches.append(f"POST {probe.name}: refused but changed {sorted(changed)}")
    assert not mismatches, "\n".join(mismatches)


def test_every_admin_api_page_action_is_probed():
    from wagtail.admin.api.views import PagesAdminAPIViewSet

    probed = {probe.action for probe in PAGE_PROBES if probe.route.startswith("admin/api/")}
    # Translations are off (WAGTAIL_I18N_ENABLED = False): that action answers 404 to all.
    assert set(PagesAdminAPIViewSet.actions) - {"copy_for_translation"} == probed


# === The policies themselves, against the same written rules =================================
#
# Views, Wagtail's tester, the API and services ask one policy per domain; here the
# policies' answers are compared with the rules of issue 17, object by object and role by role.

STAFF_ONLY = ["editor_a", "editor_b", "reviewer", "office", "supervisor", "leader"]


def _disclosure_rules():
    """(action, target) → the roles allowed, as the rules state them."""
    from xxgk.orgs.policy import Action

    disclosures = list(READERS)
    rules = {}
    for target in disclosures:
        rules[Action.PUBLISH, target] = NOBODY
        rules[Action.UNPUBLISH, target] = NOBODY
        rules[Action.RESTRICT, target] = NOBODY
        rules[Action.WITHDRAW, target] = {"office"}
        rules[Action.RESTORE, target] = {"office"} if target == "withdrawn_b" else NOBODY
        rules[Action.VIEW_REVISIONS, target] = READERS[target]
        rules[Action.COMPARE, target] = READERS[target]
        editors = EDITORS.get(target, {"editor_b", "office"} if target.endswith("_b") else set())
        rules[Action.EDIT, target] = editors
        rules[Action.COPY, target] = editors
        rules[Action.REVERT, target] = editors
        reviewer = {"reviewer"} if "reviewer" in READERS[target] else set()
        rules[Action.UNSCHEDULE, target] = editors | reviewer
        # Never-published ones may be discarded or re-filed; published ones are withdrawn.
        never_published = target in ("draft_a", "review_b", "scheduled_b")
        rules[Action.DELETE, target] = editors if never_published else NOBODY
        rules[Action.MOVE, target] = {"office"} if never_published else NOBODY
        rules[Action.LOCK, target] = {"office"}
    # Submitting to review: a draft or a live disclosure's correction, by its department or
    # the office; never what is under review, never a withdrawn one (the office restores it).
    # A scheduled one is locked by its schedule (Wagtail) until unscheduled.
    for target in ("draft_a", "public_a", "shared_b", "public_b"):
        rules[Action.SUBMIT, target] = rules[Action.EDIT, target]
    for target in ("review_b", "withdrawn_b", "scheduled_b"):
        rules[Action.SUBMIT, target] = NOBODY
    return rules


def test_disclosure_policy_answers_the_rules(rights_world):
    from xxgk.disclosures.policy import disclosure_policy, pages_with_readable_revisions
    from xxgk.orgs.policy import Action

    world = rights_world
    wrong = []
    for (action, target), allowed in _disclosure_rules().items():
        page = type(world.page(target)).objects.get(pk=world.page(target).pk)
        for role in STAFF_ONLY:
            answer = disclosure_policy.allows(world.users[role], action, page)
            if answer != (role in allowed):
                wrong.append(f"{action} {target} {role}: {answer}")
    # The listings' and search's form of the history rule says the same, page by page.
    for role in STAFF_ONLY:
        readable = pages_with_readable_revisions(world.users[role])
        for target in READERS:
            found = readable is None or readable.filter(pk=world.page(target).pk).exists()
            if found != (role in READERS[target]):
                wrong.append(f"pages_with_readable_revisions {target} {role}: {found}")
    # Nobody, not even a superuser, publishes by hand or restricts a disclosure.
    from tests.factories import superuser

    root = superuser()
    for target in READERS:
        for action in (Action.PUBLISH, Action.UNPUBLISH, Action.RESTRICT):
            if disclosure_policy.allows(root, action, world.page(target)):
                wrong.append(f"{action} {target} superuser")
    assert not wrong, "\n".join(wrong)


def test_site_pages_may_be_restricted_by_the_office_only_where_no_disclosure_hides(rights_world):
    from xxgk.catalogue.policy import catalogue_policy
    from xxgk.disclosures.policy import site_page_policy
    from xxgk.orgs.policy import Action

    world = rights_world
    for role in STAFF_ONLY:
        user = world.users[role]
        assert site_page_policy.allows(user, Action.RESTRICT, world.page("guide")) == (
            role == "office"
        )
        assert not site_page_policy.allows(user, Action.RESTRICT, world.page("home"))
        for item in world.items.values():
            assert not catalogue_policy.allows(user, Action.RESTRICT, item)
            assert not catalogue_policy.allows(user, Action.PUBLISH_CHILD, item)


def _domain_rules():
    """Without a particular object: who may read, handle, see personal data, export, see
    figures, in each domain. The supervisor reads everything and changes nothing, personal
    data masked; the leader sees the dashboards and the report."""
    from xxgk.audit.policy import audit_policy
    from xxgk.complaints.policy import complaint_policy
    from xxgk.evaluation.policy import evaluation_policy
    from xxgk.mailbox.policy import letter_policy
    from xxgk.orgs.policy import Action
    from xxgk.reports.policy import report_policy
    from xxgk.requests.policy import request_policy
    from xxgk.review.policy import review_policy
    from xxgk.supervision.policy import supervision_policy

    departments = {"editor_a", "editor_b", "reviewer"}  # staff with a department
    return [
        (request_policy, Action.VIEW, READS_ALL),
        (request_policy, Action.HANDLE, {"office"}),
        (request_policy, Action.EDIT, {"office"}),
        (request_policy, Action.READ_PERSONAL_DATA, {"office"}),
        (request_policy, Action.EXPORT, {"office"}),
        (request_policy, Action.VIEW_STATISTICS, OVERSIGHT),
        (letter_policy, Action.VIEW, READS_ALL | departments),
        (letter_policy, Action.HANDLE, {"office"}),
        (letter_policy, Action.READ_PERSONAL_DATA, {"office"}),
        (letter_policy, Action.EXPORT, {"office"}),
        (letter_policy, Action.VIEW_STATISTICS, OVERSIGHT),
        (complaint_policy, Action.VIEW, READS_ALL),
        (complaint_policy, Action.HANDLE, {"office"}),
        (complaint_policy, Action.READ_PERSONAL_DATA, {"office"}),
        (evaluation_policy, Action.VIEW_STATISTICS, OVERSIGHT),
        (supervision_policy, Action.VIEW_STATISTICS, OVERSIGHT),
        (supervision_policy, Action.EXPORT, OVERSIGHT),
        (supervision_policy, Action.HANDLE, {"office"}),
        (supervision_policy, Action.EDIT, {"office", "editor_a", "editor_b"}),
        (report_policy, Action.VIEW, OVERSIGHT),
        (report_policy, Action.EXPORT, OVERSIGHT),
        (report_policy, Action.EDIT, {"office"}),
        (report_policy, Action.SUBMIT, {"office"}),
        (audit_policy, Action.VIEW, READS_ALL),
        (audit_policy, Action.EXPORT, READS_ALL),
        (review_policy, Action.VIEW, READS_ALL),
        (review_policy, Action.HANDLE, {"office", "reviewer"}),
    ]


def test_domain_policies_answer_the_rules(rights_world):
    wrong = []
    for policy, action, allowed in _domain_rules():
        for role in STAFF_ONLY:
            answer = policy.allows(rights_world.users[role], action)
            if answer != (role in allowed):
                wrong.append(f"{policy.name} {action} {role}: {answer}")
    assert not wrong, "\n".join(wrong)


def test_anonymous_and_inactive_users_are_refused_everything(rights_world):
    from django.contrib.auth.models import AnonymousUser

    from xxgk.disclosures.policy import disclosure_policy
    from xxgk.orgs.policy import Action

    office = rights_world.users["office"]
    office.is_active = False
    page = rights_world.page("public_a")
    for user in (AnonymousUser(), office):
        assert not any(disclosure_policy.allows(user, action, page) for action in Action)
        assert not any(policy.allows(user, action) for policy, action, _allowed in _domain_rules())
