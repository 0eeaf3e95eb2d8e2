"""schemathesis against /api/v1/'s own OpenAPI schema, in-process over WSGI: generated
requests to every operation (public reads, and the integration writes with a department
token) never get a 5xx, and every response conforms to the schema (status codes, content
type, body). Whether the API accepts exactly what the schema allows is not checked here:
pydantic's lax parsing takes ``?date_to=0`` as a date, and PATCH's schema allows ``null`` for
fields the service refuses to null (422)."""

import pytest
import schemathesis
from django.core import signals
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis import checks

from xxgk.api.api import api
from xxgk.wsgi import application

pytestmark = pytest.mark.django_db

# The schema as the app serves it at /api/v1/openapi.json, built without a request (no
# database access while tests are collected); the cases are sent to the WSGI app.
schema = schemathesis.openapi.from_dict(api.get_openapi_schema(path_prefix="/api/v1"))
schema.app = application


@pytest.fixture(autouse=True)
def keep_the_test_connection_open():
    """Requests reach the WSGI app directly, not through Django's test client, so nothing
    stops ``request_finished`` from closing the connection that holds the test's transaction
    (PostgreSQL). The test client disconnects the same receiver."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@schema.parametrize()
@settings(
    max_examples=10,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_api_conforms_to_its_schema(case, published, token_a):
    case.call_and_validate(
        headers={"Authorization": f"Bearer {token_a[1]}"},
        checks=[
            checks.not_a_server_error,
            checks.status_code_conformance,
            checks.content_type_conformance,
            checks.response_schema_conformance,
        ],
    )
