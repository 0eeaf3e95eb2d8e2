"""Traditional characters are now folded to simplified ones in the index (xxgk.search.script)
and attachments are marked in the stored text: empty the index so that the post-migrate
hook (apps._index_if_empty) rebuilds it in the new form. Deleting through the FTS5
triggers keeps SQLite's full-text table consistent."""

from django.db import migrations


def empty_index(apps, schema_editor):
    for table in ("xxgk_search_searchtext", "xxgk_search_searchdocument"):
        schema_editor.execute(f"DELETE FROM {schema_editor.quote_name(table)}")


class Migration(migrations.Migration):
    dependencies = [("xxgk_search", "0004_shipped_synonyms")]

    operations = [migrations.RunPython(empty_index, migrations.RunPython.noop)]
