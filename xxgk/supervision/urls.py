"""Back-office URLs, mounted under /admin/supervision/ by wagtail_hooks."""

from django.urls import path

from . import views

app_name = "supervision"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("export/matrix.xlsx", views.export_matrix, name="export_matrix"),
    path("export/overdue.xlsx", views.export_overdue, name="export_overdue"),
    path("departments/<str:code>/", views.department_detail, name="department"),
    path("departments/<str:code>/handling/", views.handling_create, name="handling"),
    path("pending/add/", views.pending_create, name="pending_add"),
    path("pending/<int:pk>/cancel/", views.pending_cancel, name="pending_cancel"),
    path("notices/read/", views.notices_read, name="notices_read"),
]
