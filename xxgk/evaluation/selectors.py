"""Aggregates of votes and survey responses, for pages, the office and the annual report."""

import datetime
import math

from django.db.models import Count, F, Q
from django.utils import timezone

from .models import HelpfulVote, Survey, SurveyAnswer


def helpful_counts(page) -> dict:
    return HelpfulVote.objects.filter(page=page).aggregate(
        yes=Count("pk", filter=Q(helpful=True)), no=Count("pk", filter=Q(helpful=False))
    )


def _votes_between(start: datetime.date, end: datetime.date):
    tz = timezone.get_current_timezone()
    return HelpfulVote.objects.filter(
        created_at__gte=datetime.datetime.combine(start, datetime.time.min, tz),
        created_at__lt=datetime.datetime.combine(
            end + datetime.timedelta(days=1), datetime.time.min, tz
        ),
    )


def _with_rate(rows):
    for row in rows:
        total = row["yes"] + row["no"]
        row["total"] = total
        row["rate"] = round(100 * row["yes"] / total, 1) if total else None
    return rows


def helpful_by_department(start, end) -> list[dict]:
    return _with_rate(
        list(
            _votes_between(start, end)
            .values(name=F("page__publishing_department__name"))
            .annotate(
                yes=Count("pk", filter=Q(helpful=True)), no=Count("pk", filter=Q(helpful=False))
            )
            .order_by("name")
        )
    )


def helpful_by_page(start, end, *, limit: int = 20) -> list[dict]:
    """The disclosures with the most votes in the period, with their helpful share."""
    return _with_rate(
        list(
            _votes_between(start, end)
            .values("page_id", "page__title", "page__publishing_department__name")
            .annotate(
                yes=Count("pk", filter=Q(helpful=True)), no=Count("pk", filter=Q(helpful=False))
            )
            .order_by("-yes", "page_id")[:limit]
        )
    )


def positive_choices(question) -> list[str]:
    """Choices are listed best first; the top half counts as satisfied (非常满意、满意)."""
    choices = question.choice_list
    return choices[: math.ceil(len(choices) / 2)]


def survey_results(survey) -> dict:
    questions = list(survey.questions.all())
    counts = {
        (row["question_id"], row["choice"]): row["n"]
        for row in SurveyAnswer.objects.filter(response__survey=survey)
        .values("question_id", "choice")
        .annotate(n=Count("pk"))
    }
    results, positive, answered = [], 0, 0
    for question in questions:
        total = sum(n for (qid, _), n in counts.items() if qid == question.pk)
        rows = [
            {
                "choice": choice,
                "count": counts.get((question.pk, choice), 0),
                "percent": round(100 * counts.get((question.pk, choice), 0) / total, 1)
                if total
                else 0,
            }
            for choice in question.choice_list
        ]
        positive += sum(counts.get((question.pk, c), 0) for c in positive_choices(question))
        answered += total
        results.append({"question": question, "rows": rows, "total": total})
    return {
        "survey": survey,
        "responses": survey.responses.count(),
        "questions": results,
        "satisfaction": round(100 * positive / answered, 1) if answered else None,
        "comments": list(
            survey.responses.exclude(comment="")
            .order_by("-submitted_at")
            .values_list("comment", "submitted_at")[:50]
        ),
    }


def evaluation_figures(start, end) -> dict:
    """Section 四 of the annual report: how the public rated the disclosure work."""
    votes = _votes_between(start, end).aggregate(
        yes=Count("pk", filter=Q(helpful=True)), no=Count("pk", filter=Q(helpful=False))
    )
    [votes] = _with_rate([votes])
    surveys = [
        survey_results(s)
        for s in Survey.objects.filter(opens_on__lte=end, closes_on__gte=start).prefetch_related(
            "questions"
        )
    ]
    return {
        "votes": votes,
        "by_department": helpful_by_department(start, end),
        "surveys": [
            {
                "title": r["survey"].title,
                "responses": r["responses"],
                "satisfaction": r["satisfaction"],
            }
            for r in surveys
        ],
    }
