"""Settings of the request workflow, each with a documented default (see docs/requests.md).

Read at call time so that tests and deployments can override them with Django settings. The
fee policy is not here: the office sets it in the back office (models.FeeStandard).
"""

from django.conf import settings

DEFAULTS = {
    # 《高等学校信息公开办法》 (citations.MEASURES_REPLY_PERIOD; article number not verified):
    # 15 working days, at most 15 more on extension. A school that follows
    # 《政府信息公开条例》第三十三条 sets 20 and 20.
    "XXGK_REQUESTS_REPLY_DAYS": 15,
    "XXGK_REQUESTS_EXTENSION_DAYS": 15,
    # The "reasonable period" (合理期限) an applicant has to correct an application.
    "XXGK_REQUESTS_CORRECTION_DAYS": 15,
    # 《政府信息公开条例》第三十条: the correction notice goes out within 7 working days of
    # receipt (citations.REGULATION_CORRECTION).
    "XXGK_REQUESTS_CORRECTION_NOTICE_DAYS": 7,
    # Reminders go out this many working days before the due date, and again when overdue.
    "XXGK_REQUESTS_REMIND_DAYS": 3,
    # Public form: attachments and abuse limits.
    "XXGK_REQUESTS_ATTACHMENT_TYPES": ["pdf", "docx", "xlsx", "jpg", "jpeg", "png"],
    "XXGK_REQUESTS_ATTACHMENT_MAX_BYTES": 5 * 1024 * 1024,
    "XXGK_REQUESTS_ATTACHMENT_MAX_COUNT": 5,
    "XXGK_REQUESTS_SUBMIT_LIMIT": (5, 3600),  # per client address: 5 submissions an hour
    "XXGK_REQUESTS_TRACK_LIMIT": (10, 600),  # 10 failed look-ups per 10 minutes
}


def get(name: str):
    return getattr(settings, name, DEFAULTS[name])
