"""The annual report's figures over the public's helpful votes, registered in the report's
figure registry from EvaluationConfig.ready()."""

from xxgk.reports.registry import Figure, aware_range, register_figures

from .models import HelpfulVote


def _votes(helpful):
    def records(period):
        since, until = aware_range(period)
        return HelpfulVote.objects.filter(
            created_at__gte=since, created_at__lt=until, helpful=helpful
        ).order_by("-created_at", "-pk")

    return records


def figures():
    return [
        Figure(
            "evaluation.helpful",
            "公开信息“有帮助”评价数",
            "评议",
            _votes(True),
            meaning="公众对公开信息的“有帮助”评价次数。",
        ),
        Figure(
            "evaluation.unhelpful",
            "公开信息“没帮助”评价数",
            "评议",
            _votes(False),
            meaning="公众对公开信息的“没帮助”评价次数。",
        ),
    ]


def register():
    register_figures(figures, order=60)
