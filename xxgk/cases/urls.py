"""The back-office routes every kind of case has, generated from its views' names so that
each app lists only the routes of its own rules."""

from django.urls import path

ADMIN_ROUTES = {
    "index": "",
    "export": "export/",
    "statistics": "statistics/",
    "detail": "<int:pk>/",
    "action": "<int:pk>/<slug:action>/",
}


def admin_routes(admin_views, *, names=None, action_route=None) -> list:
    """The list, export, statistics, case page and handling step, for those of the views
    `index`, `export`, `statistics`, `detail` and `action` the app has. `names` keeps an
    app's URL names where they differ; `action_route` replaces the handling step's path."""
    names = names or {}
    routes = {**ADMIN_ROUTES, **({"action": action_route} if action_route else {})}
    return [
        path(route, getattr(admin_views, view), name=names.get(view, view))
        for view, route in routes.items()
        if hasattr(admin_views, view)
    ]
