from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from xxgk.orgs.policy import Action

from . import admin_views
from .models import Survey
from .policy import evaluation_policy


class SurveyViewSet(SnippetViewSet):
    model = Survey
    icon = "form"
    menu_label = _("满意度调查")
    list_display = ["title", "opens_on", "closes_on"]
    add_to_admin_menu = False


register_snippet(SurveyViewSet)


class EvaluationMenuItem(MenuItem):
    def is_shown(self, request):
        return evaluation_policy.allows(request.user, Action.VIEW_STATISTICS)


@hooks.register("register_admin_urls")
def register_evaluation_admin_urls():
    return [
        path("evaluation/", admin_views.overview, name="evaluation_overview"),
        path("evaluation/surveys/<int:pk>/", admin_views.survey_result, name="evaluation_survey"),
    ]


@hooks.register("register_admin_menu_item")
def register_evaluation_menu_item():
    return EvaluationMenuItem(
        _("评议统计"), reverse("evaluation_overview"), icon_name="pick", order=270
    )
