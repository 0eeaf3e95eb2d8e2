from django.urls import path

from . import views

app_name = "mailbox"

urlpatterns = [
    path("", views.index, name="index"),
    *views.pages.urls(),
    path("<slug:slug>/", views.mailbox_detail, name="mailbox"),
    path("<slug:slug>/write/", views.write, name="write"),
    path("<slug:slug>/letters/<str:number>/", views.published_letter, name="letter"),
]
