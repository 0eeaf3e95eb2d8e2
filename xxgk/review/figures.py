"""The annual report's figure over confidentiality reviews, registered in the report's figure
registry from ReviewConfig.ready()."""

from django.utils.translation import gettext_lazy as _

from xxgk.reports.registry import Figure, register_figures

from .models import ReviewRecord, Step


def _reviews(period):
    return ReviewRecord.objects.filter(
        step=Step.CONFIDENTIALITY, decided_at__date__range=(period.start, period.end)
    )


def figures():
    return [
        Figure(
            "review.reviews",
            _("保密审查次数"),
            "保密审查",
            _reviews,
            meaning=_("统计期间完成的保密审查次数（同意与退回）。"),
        )
    ]


def register():
    register_figures(figures, order=80)
