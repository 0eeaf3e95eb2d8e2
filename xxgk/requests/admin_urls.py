from django.urls import path

from xxgk.cases.urls import admin_routes

from . import admin_views

app_name = "requests_admin"
urlpatterns = [
    *admin_routes(admin_views, action_route="<int:pk>/actions/<str:name>/"),
    path("new/", admin_views.register, name="register"),
    path("statistics/cases/", admin_views.statistics_cases, name="statistics_cases"),
    path("<int:pk>/files/<int:file_pk>/", admin_views.attachment, name="attachment"),
    path("letters/<int:pk>.<str:fmt>", admin_views.letter, name="letter"),
]
