"""The Policy every domain writes its rules in: rules and refusals are found by action name
or Action alike, an action without a rule is refused, and so is an inactive user."""

from types import SimpleNamespace

import pytest
from django.core.exceptions import PermissionDenied

from xxgk.orgs.policy import Action, Policy

ACTIVE = SimpleNamespace(is_active=True)


def test_rules_and_refusals_given_by_name_answer_for_the_action():
    policy = Policy("letters", {"edit": lambda user, obj: True}, {"edit": "只有办公室可以修改。"})
    assert policy.allows(ACTIVE, Action.EDIT)
    assert policy.refusal(Action.EDIT) == "只有办公室可以修改。"


def test_an_action_without_a_rule_is_refused_with_the_default_reason():
    policy = Policy("letters", {Action.EDIT: lambda user, obj: True})
    assert not policy.allows(ACTIVE, Action.DELETE)
    assert policy.refusal(Action.DELETE) == Policy.default_refusal
    with pytest.raises(PermissionDenied, match=str(Policy.default_refusal)):
        policy.require(ACTIVE, Action.DELETE)


def test_inactive_and_missing_users_are_refused_whatever_the_rule():
    policy = Policy("letters", {Action.VIEW: lambda user, obj: True})
    assert not policy.allows(SimpleNamespace(is_active=False), Action.VIEW)
    assert not policy.allows(None, Action.VIEW)


def test_an_unknown_action_name_is_a_programming_error():
    with pytest.raises(ValueError):
        Policy("letters", {"fly": lambda user, obj: True})


def test_a_policy_names_its_domain_when_printed():
    """The authorization matrix's failure messages say which domain's policy answered."""
    assert repr(Policy("letters", {})) == "<Policy letters>"
