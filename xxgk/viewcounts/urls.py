from django.urls import path

from . import views

app_name = "viewcounts"
urlpatterns = [path("<int:page_id>/", views.page_views, name="page_views")]
