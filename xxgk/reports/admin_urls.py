from django.urls import path

from . import admin_views

app_name = "reports_admin"

urlpatterns = [
    path("", admin_views.desk, name="desk"),
    path("generate/", admin_views.generate, name="generate"),
    path("figures/", admin_views.figure_catalogue, name="figures"),
    path("templates/new/", admin_views.edit_template, name="template_new"),
    path("templates/<int:pk>/", admin_views.edit_template, name="template_edit"),
    path("drafts/<int:pk>/", admin_views.preview, name="preview"),
    path("drafts/<int:pk>/edit/", admin_views.edit_draft, name="edit"),
    path("drafts/<int:pk>/history/", admin_views.revisions, name="revisions"),
    path("drafts/<int:pk>/history/<int:revision_pk>/restore/", admin_views.restore, name="restore"),
    path("drafts/<int:pk>/export.<str:fmt>", admin_views.export, name="export"),
    path("drafts/<int:pk>/publish/", admin_views.publish, name="publish"),
    path("drafts/<int:pk>/figures/<str:code>/", admin_views.drilldown, name="drilldown"),
]
