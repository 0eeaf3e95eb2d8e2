from django.urls import path

from . import views

app_name = "evaluation"

urlpatterns = [
    path("helpful/<int:page_id>/", views.vote, name="vote"),
    path("surveys/", views.survey_list, name="surveys"),
    path("surveys/<int:pk>/", views.survey_detail, name="survey"),
    path("surveys/<int:pk>/thanks/", views.survey_thanks, name="survey_thanks"),
]
