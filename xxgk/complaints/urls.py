from django.urls import path

from . import views

app_name = "complaints"

urlpatterns = [
    path("", views.submit, name="submit"),
    path("receipt/", views.receipt, name="receipt"),
    path("track/", views.track, name="track"),
]
