"""The NinjaAPI instance served at /api/v1/ (OpenAPI at /api/v1/openapi.json, docs at /docs)."""

import functools

from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from django.views.decorators.csrf import csrf_exempt
from ninja import NinjaAPI
from ninja.params.models import QueryModel

from . import errors, integration, public

DESCRIPTION = """
高校信息公开平台开放接口。公开数据无需认证，只含已公开的信息，不含任何个人信息。
部门系统对接接口需信息公开办公室签发的部门令牌（`Authorization: Bearer xxgk_…`），
只能新建和修改草稿，草稿须经保密审查后才能公开；每次调用都记录在案。

错误统一返回 JSON：`{"code": "机器可读代码", "message": "中文说明", "errors": [...]}`。
"""


def reject_unknown_query(run):
    """A misspelt filter must not silently return everything: unknown query keys are a 422."""

    @functools.wraps(run)
    def wrapper(request, *args, **kwargs):
        operation = run.__self__
        known = set()
        for model in operation.models:
            if issubclass(model, QueryModel):
                known.update(getattr(model, "__ninja_flatten_map__", None) or model.model_fields)
        unknown = sorted(set(request.GET) - known)
        if unknown:
            return errors.error_response(
                422,
                "unknown_parameter",
                _("不支持的查询参数：%(names)s。")
                % {"names": pgettext("list separator", "、").join(unknown)},
                [
                    {"field": f"query.{name}", "message": _("不支持的查询参数。")}
                    for name in unknown
                ],
            )
        return run(request, *args, **kwargs)

    return wrapper


api = NinjaAPI(
    title="高校信息公开平台开放接口",
    version="1.0",
    description=DESCRIPTION,
    urls_namespace="api_v1",
)
errors.install(api)
public.router.add_decorator(reject_unknown_query, mode="view")
api.add_router("/", public.router)
api.add_router("/integration", integration.router)


@csrf_exempt
def not_found(request, *args, **kwargs):
    """Any other address under /api/ answers in JSON too."""
    return errors.error_response(404, "not_found", _("接口地址不存在。"))
