"""Reads of the registers that catalogue item pages list (fees, procurement notices)."""

from django.db.models import Q

from .models import FeeSchedule, ProcurementNotice

# Catalogue items whose page also lists structured records (MoE 2014 item numbers).
FEES_ITEM = "21"  # 收费项目、收费依据、收费标准及投诉方式
PROCUREMENT_ITEM = "18"  # 仪器设备、图书、药品等物资设备采购和重大基建工程的招投标
PUBLIC_PROCUREMENT_LIMIT = 50


def current_fee_schedules(today):
    return FeeSchedule.objects.filter(effective_from__lte=today).filter(
        Q(effective_until__isnull=True) | Q(effective_until__gte=today)
    )


def latest_procurement_notices(limit: int = PUBLIC_PROCUREMENT_LIMIT):
    return list(ProcurementNotice.objects.order_by("-published_on", "-pk")[:limit])
