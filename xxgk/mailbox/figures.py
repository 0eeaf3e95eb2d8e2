"""The annual report's figure over leader-mailbox letters, registered in the report's figure
registry from MailboxConfig.ready()."""

from xxgk.reports.registry import Figure, aware_range, register_figures

from .models import Letter, LetterStatus


def _letters_answered(period):
    since, until = aware_range(period)
    return Letter.objects.filter(
        received_at__gte=since, received_at__lt=until, status=LetterStatus.ANSWERED
    ).order_by("received_at")


def figures():
    return [
        Figure(
            "mailbox.answered",
            "处理答复校长信箱、书记信箱问题数",
            "互动交流",
            _letters_answered,
            meaning="统计期间收到、已答复的领导信箱来信件数。",
            describe=lambda x: f"{x.number} {x.subject}",
        )
    ]


def register():
    register_figures(figures, order=30)
