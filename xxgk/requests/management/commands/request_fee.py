"""manage.py request_fee: what one application costs, worked band by band.

    python manage.py request_fee --policy gov-2020 --pages 150        # … 应收费用：1700 元
    python manage.py request_fee --policy gov-2020 --applications 41  # … 应收费用：300 元

The calculation is fees.quote, the one behind the case page and the fee notice.
"""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from xxgk.requests import fees
from xxgk.requests.models import FeePolicy
from xxgk.requests.schedules import BY_COUNT, BY_VOLUME


class Command(BaseCommand):
    help = _(
        "计算一件依申请公开申请的费用。--pages N：答复提供N页（按量计收）；"
        "--applications N：同一申请人一个自然月内的第N件申请（按件计收）。两者只能选一。"
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--policy",
            help=_("收费政策：%(names)s；默认为后台设置的政策。")
            % {"names": " | ".join(FeePolicy.values)},
        )
        # Counts are read as text and checked by the calculator, so that "abc", 0, -5 and
        # 10⁹ all get its Chinese message rather than argparse's English one.
        parser.add_argument("--pages", help=_("答复提供的信息页数（按量计收）"))
        parser.add_argument(
            "--applications", help=_("同一申请人本自然月内累计第几件申请（按件计收）")
        )
        parser.add_argument("--mailed", action="store_true", help=_("成本费政策：加收邮寄费"))

    def handle(self, *args, policy=None, pages=None, applications=None, mailed=False, **options):
        if (pages is None) == (applications is None):
            raise CommandError(
                _(
                    "请给出 --pages（按量计收）或 --applications（按件计收）中的一个："
                    "同一申请不得同时按两种标准计算（国办函〔2020〕109号第三条）。"
                )
            )
        try:
            quote = fees.quote(
                policy_name=policy,
                method=BY_VOLUME if pages is not None else BY_COUNT,
                pages=pages,
                applications=applications,
                mailed=mailed,
            )
        except ValidationError as error:
            raise CommandError("；".join(error.messages)) from error
        for line in quote.lines():
            self.stdout.write(line)
