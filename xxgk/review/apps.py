from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

# Wagtail's own workflow e-mails duplicate the review app's notices (which carry the reason
# and the checklist); they are switched off so that people get one message per decision.
WAGTAIL_WORKFLOW_MAIL_UIDS = (
    "group_approval_task_submitted_email_notification",
    "workflow_state_submitted_email_notification",
    "workflow_state_rejected_email_notification",
    "workflow_state_approved_email_notification",
)


class ReviewConfig(AppConfig):
    name = "xxgk.review"
    label = "review"
    verbose_name = _("保密审查")

    def ready(self):
        # Imported here: services import models, which cannot load before the app registry
        # is ready.
        from xxgk.core.schedule import DAILY_HOUR, Job, register_job
        from xxgk.disclosures.gate import PublicationGate, install_gate
        from xxgk.disclosures.selectors import report_page_for
        from xxgk.reports.publishing import ReportPublisher, install_publisher

        from . import figures, services, tasks

        figures.register()  # the annual report's figures
        # The annual report is a disclosure of item 6: the review files and publishes it.
        install_publisher(
            ReportPublisher(
                submit=services.submit_annual_report,
                status=services.annual_report_status,
                page_for=report_page_for,
            )
        )
        register_job(Job("remind_annual_report", tasks.remind_annual_report, hour=DAILY_HOUR))

        # 先审查、后公开: every publish path of a disclosure asks the review.
        install_gate(
            PublicationGate(
                workflow_for=services.workflow_for_disclosure,
                ensure_publishable=services.ensure_publishable,
                revision_saved=services.revision_saved,
            )
        )

        # wagtail.admin registers its handlers in its own ready(), which runs after ours.
        from wagtail.admin import signal_handlers

        register_wagtail_handlers = signal_handlers.register_signal_handlers

        def register_without_workflow_mail():
            register_wagtail_handlers()
            from wagtail.models import TaskState, WorkflowState
            from wagtail.signals import (
                task_submitted,
                workflow_approved,
                workflow_rejected,
                workflow_submitted,
            )

            signals = (task_submitted, workflow_submitted, workflow_rejected, workflow_approved)
            for signal in signals:
                for uid in WAGTAIL_WORKFLOW_MAIL_UIDS:
                    for sender in (TaskState, WorkflowState):
                        signal.disconnect(sender=sender, dispatch_uid=uid)

        signal_handlers.register_signal_handlers = register_without_workflow_mail
