"""The annual report's figures over complaints (举报), registered in the report's figure
registry from ComplaintsConfig.ready()."""

from xxgk.reports.registry import Figure, aware_range, register_figures

from .models import Complaint, ComplaintStatus


def _complaints(accepted_only):
    def records(period):
        since, until = aware_range(period)
        qs = Complaint.objects.filter(received_at__gte=since, received_at__lt=until)
        return qs.exclude(status=ComplaintStatus.REJECTED) if accepted_only else qs

    return records


def figures():
    return [
        Figure(
            "complaints.received",
            "因信息公开工作收到的举报数",
            "举报",
            _complaints(accepted_only=False),
            meaning="统计期间收到的举报件数。",
            describe=lambda c: f"{c.number} {c.subject}",
        ),
        Figure(
            "complaints.accepted",
            "受理的举报数",
            "举报",
            _complaints(accepted_only=True),
            meaning="其中受理（未不予受理）的件数。",
            describe=lambda c: f"{c.number} {c.subject}",
        ),
    ]


def register():
    register_figures(figures, order=50)
