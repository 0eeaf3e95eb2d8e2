import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "xxgk.settings")
application = get_wsgi_application()

# The search's word dictionary (jieba, ~0.7 s) loads now, before a worker serves and before
# gunicorn's post_worker_init sets start-up memory aside (gc.freeze), not in a reader's search.
from xxgk.search.segment import warm_up  # noqa: E402

warm_up()
