"""The publication gate fails closed: without the review installed, nothing is published."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from xxgk.disclosures import gate
from xxgk.review import services


def test_the_review_installs_the_gate():
    installed = gate.publication_gate()
    assert installed.ensure_publishable is services.ensure_publishable
    assert installed.workflow_for is services.workflow_for_disclosure
    assert gate.check_gate() == []


def test_without_a_gate_nothing_is_published_and_the_check_fails(monkeypatch):
    monkeypatch.setattr(gate, "_gate", None)
    with pytest.raises(ImproperlyConfigured):
        gate.publication_gate()
    assert [error.id for error in gate.check_gate()] == ["disclosures.E001"]
