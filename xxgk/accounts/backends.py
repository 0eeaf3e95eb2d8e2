"""The login lockout (django-axes) as an authentication backend."""

from axes.backends import AxesStandaloneBackend


class LockoutBackend(AxesStandaloneBackend):
    """axes' check that the username + address pair is not locked out.

    Every login form (Wagtail's, Django's) passes the request. A sign-in without one —
    Django's test client, a shell — has no client address to count failures against, so
    it is left to the next backend instead of being refused outright as axes would.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)
