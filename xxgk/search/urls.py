from django.urls import path

from . import views

app_name = "xxgk_search"
urlpatterns = [path("", views.search_view, name="search")]
