from django import forms
from django.utils.translation import gettext as _

from xxgk.security.public_forms import ProtectedForm


class SurveyForm(ProtectedForm):
    """One radio group per question, built from the survey the office configured."""

    def __init__(self, *args, survey, **kwargs):
        super().__init__(*args, **kwargs)
        self.survey = survey
        self.questions = list(survey.questions.all())
        for number, question in enumerate(self.questions, start=1):
            self.fields[f"q{question.pk}"] = forms.ChoiceField(
                label=f"{number}. {question.text}",
                choices=[(c, c) for c in question.choice_list],
                widget=forms.RadioSelect,
                error_messages={"required": _("请回答第 %(n)d 题。") % {"n": number}},
            )
        if survey.allow_comment:
            self.fields["comment"] = forms.CharField(
                label=_("意见建议"),
                required=False,
                max_length=1000,
                widget=forms.Textarea(attrs={"rows": 4}),
            )
        # Protection fields render last (see mailbox/includes/form_fields.html).
        self.order_fields([f for f in self.fields if f not in ("website", "challenge_answer")])

    def answers(self) -> dict:
        return {q.pk: self.cleaned_data[f"q{q.pk}"] for q in self.questions}
