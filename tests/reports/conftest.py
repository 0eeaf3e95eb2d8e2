import io

import pytest

from xxgk.reports import services
from xxgk.reports.defaults import MOE_NAME
from xxgk.reports.models import ReportTemplate
from xxgk_demo import reports as demo


@pytest.fixture
def templates(db):
    services.ensure_default_templates()
    return ReportTemplate.objects.get(name=MOE_NAME)


@pytest.fixture
def seed_year(db, admin_user):
    """The demo records of 2021-2022 (the seed report's figures) and its generated draft."""
    demo.load_demo(io.StringIO())
    return 2021
