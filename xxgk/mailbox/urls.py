from django.urls import include, path

from . import views

app_name = "mailbox"

# One mailbox's pages, under its slug.
mailbox_pages = [
    path("", views.mailbox_detail, name="mailbox"),
    path("write/", views.write, name="write"),
    path("letters/<str:number>/", views.published_letter, name="letter"),
]

urlpatterns = [
    path("", views.index, name="index"),
    *views.pages.urls(),
    path("<slug:slug>/", include(mailbox_pages)),
]
