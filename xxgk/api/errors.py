"""One JSON error shape for the whole API: a machine code, a message in the request's language
(Chinese by default, English with Accept-Language: en), field details.

{"code": "validation_error", "message": "请求参数有误。",
 "errors": [{"field": "query.page_size", "message": "不能大于 100。"}]}
"""

from django.core.exceptions import PermissionDenied, RequestDataTooBig
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, JsonResponse
from django.utils.translation import gettext as _
from ninja import Schema
from ninja.errors import AuthenticationError, HttpError, Throttled
from ninja.errors import ValidationError as NinjaValidationError


class FieldError(Schema):
    field: str
    message: str


class Error(Schema):
    code: str
    message: str
    errors: list[FieldError] = []


class ApiError(Exception):
    """Raised by endpoints to answer with a specific status, code and Chinese message."""

    def __init__(self, status: int, code: str, message: str, errors=None):
        super().__init__(message)
        self.status, self.code, self.message, self.errors = status, code, message, errors or []


def error_response(status: int, code: str, message: str, errors=()) -> JsonResponse:
    return JsonResponse(
        {"code": code, "message": message, "errors": list(errors)},
        status=status,
        json_dumps_params={"ensure_ascii": False},
    )


def _pydantic_message(error: dict) -> str:
    kind = error.get("type", "")
    ctx = error.get("ctx") or {}
    if kind == "missing":
        return _("缺少必填项。")
    if kind == "extra_forbidden":
        return _("不允许的字段。")
    if kind in {"int_parsing", "int_type", "int_from_float"}:
        return _("须为整数。")
    if kind == "greater_than_equal":
        return _("不能小于 %(n)s。") % {"n": ctx.get("ge")}
    if kind == "less_than_equal":
        return _("不能大于 %(n)s。") % {"n": ctx.get("le")}
    if kind == "string_too_short":
        return _("至少 %(n)s 个字符。") % {"n": ctx.get("min_length")}
    if kind == "string_too_long":
        return _("不能超过 %(n)s 个字符。") % {"n": ctx.get("max_length")}
    if kind == "string_pattern_mismatch":
        return _("格式不正确。")
    if kind.startswith("date"):
        return _("日期格式须为 YYYY-MM-DD，且须是有效日期。")
    if kind in {"string_type", "string_unicode"}:
        return _("须为字符串。")
    if kind in {"list_type", "too_long", "too_short"}:
        return _("列表格式或长度不正确。")
    if kind in {"model_type", "model_attributes_type", "dict_type", "json_invalid"}:
        return _("须为 JSON 对象。")
    return error.get("msg", _("取值无效。"))


def _field_name(loc) -> str:
    return ".".join(str(part) for part in loc)


def validation_errors(exc: NinjaValidationError) -> list[dict]:
    return [
        {"field": _field_name(error.get("loc", ())), "message": _pydantic_message(error)}
        for error in exc.errors
    ]


def django_validation_errors(exc: DjangoValidationError) -> list[dict]:
    if hasattr(exc, "error_dict"):
        return [
            {"field": field, "message": message}
            for field, messages in exc.message_dict.items()
            for message in messages
        ]
    return [{"field": "", "message": message} for message in exc.messages]


def install(api) -> None:
    """Register the handlers that turn every failure into the JSON error shape, never a 5xx."""

    @api.exception_handler(ApiError)
    def api_error(request, exc):
        return error_response(exc.status, exc.code, exc.message, exc.errors)

    @api.exception_handler(NinjaValidationError)
    def invalid_input(request, exc):
        return error_response(422, "validation_error", _("请求参数有误。"), validation_errors(exc))

    @api.exception_handler(DjangoValidationError)
    def invalid_data(request, exc):
        return error_response(
            422, "invalid_data", _("提交的数据未通过校验。"), django_validation_errors(exc)
        )

    @api.exception_handler(AuthenticationError)
    def unauthenticated(request, exc):
        response = error_response(
            401, "invalid_token", _("缺少有效的接口令牌，请在 Authorization 头中提供 Bearer 令牌。")
        )
        response["WWW-Authenticate"] = 'Bearer realm="xxgk"'
        return response

    @api.exception_handler(PermissionDenied)
    def forbidden(request, exc):
        return error_response(403, "forbidden", str(exc) or _("无权执行该操作。"))

    @api.exception_handler(Http404)
    def not_found(request, exc):
        return error_response(404, "not_found", _("未找到请求的资源。"))

    @api.exception_handler(Throttled)
    def throttled(request, exc):
        return error_response(429, "rate_limited", _("请求过于频繁，请稍后再试。"))

    @api.exception_handler(HttpError)
    def http_error(request, exc):
        # Ninja raises HttpError(400) for a body that is not JSON.
        return error_response(exc.status_code, "bad_request", _("请求体不是有效的 JSON。"))

    @api.exception_handler(RequestDataTooBig)
    def too_big(request, exc):
        return error_response(413, "payload_too_large", _("请求体过大，请减少或压缩附件。"))
