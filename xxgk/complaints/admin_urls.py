from xxgk.cases.urls import admin_routes

from . import admin_views

app_name = "complaints_admin"

urlpatterns = admin_routes(admin_views, names={"index": "list"})
