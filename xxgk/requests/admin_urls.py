from django.urls import path

from . import admin_views

app_name = "requests_admin"
urlpatterns = [
    path("", admin_views.index, name="index"),
    path("new/", admin_views.register, name="register"),
    path("export/", admin_views.export, name="export"),
    path("statistics/", admin_views.statistics, name="statistics"),
    path("statistics/cases/", admin_views.statistics_cases, name="statistics_cases"),
    path("<int:pk>/", admin_views.detail, name="detail"),
    path("<int:pk>/actions/<str:name>/", admin_views.action, name="action"),
    path("<int:pk>/files/<int:file_pk>/", admin_views.attachment, name="attachment"),
    path("letters/<int:pk>.<str:fmt>", admin_views.letter, name="letter"),
]
