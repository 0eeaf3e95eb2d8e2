from django.urls import path

from . import admin_views

app_name = "complaints_admin"

urlpatterns = [
    path("", admin_views.complaint_list, name="list"),
    path("<int:pk>/", admin_views.complaint_detail, name="detail"),
    path("<int:pk>/<slug:action>/", admin_views.complaint_action, name="action"),
]
