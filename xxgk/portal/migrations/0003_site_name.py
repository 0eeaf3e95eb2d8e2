"""Name the site after the school (衢州学院信息公开网): Wagtail shows a Site's hostname
("localhost") wherever it has no name, on the back office's dashboard among others."""

from django.conf import settings
from django.db import migrations


def name_sites(apps, schema_editor):
    Site = apps.get_model("wagtailcore", "Site")
    name = f"{settings.XXGK_SCHOOL_NAME}{settings.WAGTAIL_SITE_NAME}"
    Site.objects.filter(site_name="").update(site_name=name)


class Migration(migrations.Migration):
    dependencies = [("portal", "0002_initial_site")]

    operations = [migrations.RunPython(name_sites, migrations.RunPython.noop)]
