from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import CalendarDay, ConfirmedYear


class CalendarDayViewSet(SnippetViewSet):
    model = CalendarDay
    icon = "date"
    menu_label = _("节假日调整")
    list_display = ["date", "kind", "name", "created_by"]
    list_filter = ["kind"]
    ordering = ["-date"]


class ConfirmedYearViewSet(SnippetViewSet):
    model = ConfirmedYear
    icon = "tick"
    menu_label = _("已确认年度")
    list_display = ["year", "source", "confirmed_by", "confirmed_at"]


class WorkCalendarGroup(SnippetViewSetGroup):
    items = (CalendarDayViewSet, ConfirmedYearViewSet)
    menu_icon = "date"
    menu_label = _("工作日历")
    menu_name = "workdays"


register_snippet(WorkCalendarGroup)
