"""Settings of the request workflow, each with a documented default (see docs/requests.md).

Read at call time so that tests and deployments can override them with Django settings.
"""

from decimal import Decimal

from django.conf import settings

DEFAULTS = {
    # 《高等学校信息公开办法》第二十七条: 15 working days, at most 15 more on extension.
    # A school that follows 《政府信息公开条例》第三十三条 sets 20 and 20.
    "XXGK_REQUESTS_REPLY_DAYS": 15,
    "XXGK_REQUESTS_EXTENSION_DAYS": 15,
    # The "reasonable period" (合理期限) an applicant has to correct an application.
    "XXGK_REQUESTS_CORRECTION_DAYS": 15,
    # Reminders go out this many working days before the due date, and again when overdue.
    "XXGK_REQUESTS_REMIND_DAYS": 3,
    # Fee policy: "none", "cost" (检索、复制、邮寄 at the rates below) or "processing"
    # (信息处理费 of 国办函〔2020〕109号, by count or by volume).
    "XXGK_REQUESTS_FEE_POLICY": "none",
    "XXGK_REQUESTS_COST_RATES": {
        "search": Decimal("0"),
        "copy_per_page": Decimal("0.20"),
        "postage": Decimal("10.00"),
    },
    # 国办函〔2020〕109号 thresholds. The reference folder does not carry the figures; these are
    # the published ones, kept configurable so the office can correct them without code.
    "XXGK_REQUESTS_PROCESSING_FEES": {
        "free_per_month": 10,
        "count_band_start": 11,
        "count_band_end": 30,
        "count_base": Decimal("100"),
        "count_step_size": 10,
        "count_step": Decimal("100"),
        "free_pages": 100,
        "page_bands": [(200, Decimal("10")), (500, Decimal("20"))],
        "page_step_size": 500,
        "page_step": Decimal("10"),
    },
    # Public form: attachments and abuse limits.
    "XXGK_REQUESTS_ATTACHMENT_TYPES": ["pdf", "docx", "xlsx", "jpg", "jpeg", "png"],
    "XXGK_REQUESTS_ATTACHMENT_MAX_BYTES": 5 * 1024 * 1024,
    "XXGK_REQUESTS_ATTACHMENT_MAX_COUNT": 5,
    "XXGK_REQUESTS_SUBMIT_LIMIT": (5, 3600),  # per client address: 5 submissions an hour
    "XXGK_REQUESTS_TRACK_LIMIT": (10, 600),  # 10 failed look-ups per 10 minutes
}


def get(name: str):
    return getattr(settings, name, DEFAULTS[name])
