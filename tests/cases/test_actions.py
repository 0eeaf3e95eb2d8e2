"""A handling step refused by the domain's rules (cases.views.perform_action): nothing done,
and each reason shown where the officer will look — on the field it names when the form has
it, above the form otherwise."""

from django import forms
from django.core.exceptions import ValidationError
from django.test import RequestFactory

from xxgk.cases.views import CaseAction, perform_action


class DueForm(forms.Form):
    due = forms.DateField()


def refusing(case, user, form):
    raise ValidationError({"due": "期限须晚于收到日期。", "status": "申请已办结。"})


def test_a_refusal_lands_on_the_named_field_or_above_the_form():
    form = DueForm({"due": "2022-05-20"})
    step = CaseAction(DueForm, refusing, "延期")
    request = RequestFactory().post("/")
    request.user = None
    assert perform_action(request, object(), step, form) is False
    assert form.errors["due"] == ["期限须晚于收到日期。"]
    assert form.non_field_errors() == ["申请已办结。"]


def test_an_invalid_form_is_not_performed():
    calls = []
    step = CaseAction(DueForm, lambda *args: calls.append(args), "延期")
    request = RequestFactory().post("/")
    request.user = None
    assert perform_action(request, object(), step, DueForm({"due": "明天"})) is False
    assert calls == []
