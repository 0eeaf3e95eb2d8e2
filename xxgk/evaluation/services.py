"""Recording votes and survey responses: one per visitor, enforced by the database."""

import uuid

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from xxgk.security.public_forms import keyed_hash

from .models import HelpfulVote, SurveyAnswer, SurveyResponse

VISITOR_COOKIE = "xxgk_visitor"
VISITOR_SALT = "xxgk.evaluation.visitor"
VISITOR_MAX_AGE = 365 * 24 * 60 * 60


def visitor_id(request) -> str | None:
    """The visitor's id from the signed cookie; a forged or altered cookie counts as none."""
    return request.get_signed_cookie(VISITOR_COOKIE, default=None, salt=VISITOR_SALT)


def visitor_for(request) -> str:
    """The visitor's id, or a new one that `remember_visitor` will put in the reply."""
    return visitor_id(request) or uuid.uuid4().hex


def remember_visitor(request, response, visitor: str) -> None:
    if visitor_id(request) != visitor:
        response.set_signed_cookie(
            VISITOR_COOKIE,
            visitor,
            salt=VISITOR_SALT,
            max_age=VISITOR_MAX_AGE,
            httponly=True,
            samesite="Lax",
            secure=request.is_secure(),
        )


def visitor_key(visitor: str) -> str:
    return keyed_hash("visitor", visitor)


def record_vote(*, page, helpful: bool, visitor: str, fingerprint: str) -> bool:
    """True when the vote was counted; False when this visitor or client already voted."""
    try:
        with transaction.atomic():
            HelpfulVote.objects.create(
                page=page,
                helpful=helpful,
                visitor_key=visitor_key(visitor),
                fingerprint=fingerprint,
            )
    except IntegrityError:
        return False
    return True


def submit_survey_response(*, survey, answers: dict, comment: str, visitor: str, fingerprint: str):
    """Store a complete response (every question answered) or nothing at all."""
    questions = list(survey.questions.all())
    for question in questions:
        if answers.get(question.pk) not in question.choice_list:
            raise ValidationError(
                _("请回答第 %(n)d 题：%(text)s")
                % {"n": questions.index(question) + 1, "text": question.text}
            )
    try:
        with transaction.atomic():
            response = SurveyResponse.objects.create(
                survey=survey,
                visitor_key=visitor_key(visitor),
                fingerprint=fingerprint,
                comment=comment if survey.allow_comment else "",
            )
            SurveyAnswer.objects.bulk_create(
                SurveyAnswer(response=response, question=q, choice=answers[q.pk]) for q in questions
            )
    except IntegrityError:
        return None
    return response
