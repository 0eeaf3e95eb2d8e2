from django.urls import path

from . import views

app_name = "review"

urlpatterns = [
    path("", views.queue, name="queue"),
    path("task/<int:task_state_id>/", views.decide, name="decide"),
    path("page/<int:page_id>/", views.page_history, name="page"),
    path("page/<int:page_id>/withdraw/", views.withdraw, name="withdraw"),
    path("page/<int:page_id>/restore/", views.restore, name="restore"),
    path("crop/<int:pk>/", views.scan_crop, name="scan_crop"),
    path("attachment/<int:pk>/redact/", views.redact, name="redact"),
    path("record/<int:pk>/", views.record, name="record"),
    path("record/<int:pk>/pdf/", views.record_pdf, name="record_pdf"),
    path("record/<int:pk>/docx/", views.record_docx, name="record_docx"),
    path("mine/", views.my_disclosures, name="mine"),
    path("audit/", views.audit, name="audit"),
    path("notices/", views.notices, name="notices"),
    path("notices/read/", views.notices_read, name="notices_read"),
]
