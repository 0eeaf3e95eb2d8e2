import datetime

from django.db.models import Count, Q
from django.utils import timezone

from xxgk.security.public_forms import find_by_query_code

from .models import Complaint, ComplaintResult, ComplaintStatus


def complaint_for_tracking(number: str, code: str) -> Complaint | None:
    return find_by_query_code(Complaint.objects.all(), number, code)


def _period(start: datetime.date, end: datetime.date):
    tz = timezone.get_current_timezone()
    return (
        datetime.datetime.combine(start, datetime.time.min, tz),
        datetime.datetime.combine(end + datetime.timedelta(days=1), datetime.time.min, tz),
    )


def complaint_figures(start: datetime.date, end: datetime.date) -> dict:
    """Section 五 of the annual report: complaints received about disclosure work and outcomes.

    Reconsideration and litigation figures belong to the requests app; the report combines.
    """
    since, until = _period(start, end)
    received = Complaint.objects.filter(received_at__gte=since, received_at__lt=until)
    figures = received.aggregate(
        received=Count("pk"),
        accepted=Count("pk", filter=~Q(status=ComplaintStatus.REJECTED)),
        rejected=Count("pk", filter=Q(status=ComplaintStatus.REJECTED)),
        pending=Count(
            "pk", filter=Q(status__in=[ComplaintStatus.RECEIVED, ComplaintStatus.INVESTIGATING])
        ),
        concluded=Count("pk", filter=Q(status=ComplaintStatus.CONCLUDED)),
        substantiated=Count("pk", filter=Q(result=ComplaintResult.SUBSTANTIATED)),
        partly=Count("pk", filter=Q(result=ComplaintResult.PARTLY)),
        unfounded=Count("pk", filter=Q(result=ComplaintResult.UNFOUNDED)),
        rectified=Count("pk", filter=Q(rectified_on__isnull=False)),
    )
    figures["by_kind"] = {
        row["kind"]: row["n"] for row in received.values("kind").annotate(n=Count("pk"))
    }
    return figures


def complaint_sentence(figures: dict) -> str:
    """The report's wording for the complaints half of section 五."""
    if not figures["accepted"]:
        return "本学年，没有因学校信息公开工作受到举报的情况。"
    return (
        f"本学年，受理因学校信息公开工作的举报{figures['accepted']}件，"
        f"经核实属实{figures['substantiated']}件、部分属实{figures['partly']}件、"
        f"不属实{figures['unfounded']}件，已整改{figures['rectified']}件。"
    )


def past_retention(cutoff):
    """Concluded or rejected complaints finished before `cutoff` (a datetime)."""
    return Complaint.objects.filter(
        status__in=[ComplaintStatus.CONCLUDED, ComplaintStatus.REJECTED],
        concluded_at__lt=cutoff,
        personal_data_erased_on__isnull=True,
    )
