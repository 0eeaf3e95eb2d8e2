"""The synonym and abbreviation list xxgk ships with (xxgk/search/data/synonyms.py)."""

from django.db import migrations

from xxgk.search.data.synonyms import SYNONYMS


def load(apps, schema_editor):
    Synonym = apps.get_model("xxgk_search", "Synonym")
    if Synonym.objects.exists():
        return
    Synonym.objects.bulk_create(
        Synonym(term=term, synonyms=synonyms, two_way=two_way)
        for term, synonyms, two_way in SYNONYMS
    )


def unload(apps, schema_editor):
    Synonym = apps.get_model("xxgk_search", "Synonym")
    Synonym.objects.filter(term__in=[term for term, _, _ in SYNONYMS]).delete()


class Migration(migrations.Migration):
    dependencies = [("xxgk_search", "0003_synonyms_and_search_log")]

    operations = [migrations.RunPython(load, unload)]
