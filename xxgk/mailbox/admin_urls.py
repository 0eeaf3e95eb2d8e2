from django.urls import path

from . import admin_views

app_name = "mailbox_admin"

urlpatterns = [
    path("", admin_views.letter_list, name="list"),
    path("statistics/", admin_views.statistics, name="statistics"),
    path("export/", admin_views.export, name="export"),
    path("<int:pk>/", admin_views.letter_detail, name="letter"),
    path("<int:pk>/<slug:action>/", admin_views.letter_action, name="action"),
    path("attachments/<int:pk>/", admin_views.attachment, name="attachment"),
]
