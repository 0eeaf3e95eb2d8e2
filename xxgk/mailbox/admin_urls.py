from django.urls import path

from xxgk.cases.urls import admin_routes

from . import admin_views

app_name = "mailbox_admin"

urlpatterns = [
    *admin_routes(admin_views, names={"index": "list", "detail": "letter"}),
    path("attachments/<int:pk>/", admin_views.attachment, name="attachment"),
]
