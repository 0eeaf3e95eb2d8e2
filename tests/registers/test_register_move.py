"""The registers moved from reports to their own app (registers 0001, reports 0007): only
Django's state moved, so a database migrated forward keeps its rows, and the content types are
relabelled in place, so the permissions (and the groups holding them) keep their ids."""

import datetime

import pytest
from django.apps import apps as django_apps
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from xxgk.registers.models import Channel, ChannelMonth, FeeSchedule

BEFORE = [("registers", None), ("reports", "0006_annual_report_pages_to_disclosures")]
AFTER = [("registers", "0001_initial"), ("reports", "0007_registers_to_their_own_app")]


def _migrate(targets):
    """Migrate to `targets`; the models as they were there (the last target's state)."""
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    ContentType.objects.clear_cache()
    executor.loader.build_graph()
    return executor.loader.project_state(targets[-1]).apps


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_an_existing_database_keeps_its_registers_and_grants():
    # Content types as the project had them before the move (post_migrate made them).
    ContentType.objects.get_for_model(Channel)
    ContentType.objects.get_for_model(ChannelMonth)
    ContentType.objects.get_for_model(FeeSchedule)
    try:
        old = _migrate(BEFORE)
        # Backwards, the content types went back to the reports app.
        assert ContentType.objects.filter(app_label="reports", model="channel").exists()
        assert not ContentType.objects.filter(app_label="registers").exists()
        OldChannel = old.get_model("reports", "Channel")
        OldChannelMonth = old.get_model("reports", "ChannelMonth")
        OldFee = old.get_model("reports", "FeeSchedule")
        channel = OldChannel.objects.create(name="官方微博", kind="weibo")
        OldChannelMonth.objects.create(channel=channel, month=datetime.date(2022, 3, 1), posts=7)
        OldFee.objects.create(
            item="住宿费",
            standard="1200元",
            basis="浙发改",
            effective_from=datetime.date(2020, 9, 1),
        )
        permission = Permission.objects.get(
            content_type__app_label="reports", codename="add_channel"
        )
        group = Group.objects.create(name="旧的授权")
        group.permissions.add(permission)

        _migrate(AFTER)

        assert ChannelMonth.objects.get().channel.name == "官方微博"
        assert ChannelMonth.objects.get().posts == 7
        assert FeeSchedule.objects.get().standard == "1200元"
        moved = Permission.objects.get(pk=permission.pk)
        assert (moved.content_type.app_label, moved.codename) == ("registers", "add_channel")
        assert group.permissions.get() == moved
        assert not ContentType.objects.filter(app_label="reports", model="channel").exists()
        assert ContentType.objects.get_for_model(Channel).pk == permission.content_type_id
    finally:
        # Back to the latest migrations (not only AFTER: later ones exist), as the suite found it.
        _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
        # Leave the content-type cache warm, as the suite found it: the next test restoring
        # the serialized database would otherwise have a signal handler create a content type
        # row before the restore writes the same row (a unique-constraint error).
        ContentType.objects.get_for_models(*django_apps.get_models())
