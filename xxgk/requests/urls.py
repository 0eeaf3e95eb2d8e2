from django.urls import path

from . import views

app_name = "requests"
urlpatterns = [
    path("", views.apply, name="apply"),
    path("done/", views.done, name="done"),
    path("track/", views.track, name="track"),
    path(
        "track/<str:number>/letters/<int:pk>.<str:fmt>",
        views.tracked_letter,
        name="tracked_letter",
    ),
    path("track/<str:number>/files/<int:pk>/", views.tracked_file, name="tracked_file"),
]
