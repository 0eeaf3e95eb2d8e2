"""The registers the report counts now belong to the registers app (registers 0001): removed
from this app's state only; their tables and rows stay."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("registers", "0001_initial"),
        ("reports", "0006_annual_report_pages_to_disclosures"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(
                    name="AdmissionResult",
                ),
                migrations.DeleteModel(
                    name="CadreChange",
                ),
                migrations.RemoveField(
                    model_name="channelmonth",
                    name="channel",
                ),
                migrations.DeleteModel(
                    name="FeeSchedule",
                ),
                migrations.DeleteModel(
                    name="OutreachEvent",
                ),
                migrations.DeleteModel(
                    name="OutreachMember",
                ),
                migrations.DeleteModel(
                    name="ProbationAssessment",
                ),
                migrations.DeleteModel(
                    name="ProcurementNotice",
                ),
                migrations.DeleteModel(
                    name="Channel",
                ),
                migrations.DeleteModel(
                    name="ChannelMonth",
                ),
            ],
            database_operations=[],
        ),
    ]
