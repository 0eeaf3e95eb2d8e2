from django.urls import path

from . import admin_views

app_name = "registers_admin"

urlpatterns = [
    path("import/", admin_views.import_records, name="import"),
]
