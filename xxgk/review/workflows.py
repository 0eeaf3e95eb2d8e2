"""What a workflow does when its last step approves (``WAGTAIL_FINISH_WORKFLOW_ACTION``).

Nobody holds a right to publish a disclosure (``xxgk.disclosures.policy``): the review
workflow is the one path by which a disclosure goes live, so it publishes on its own
authority once its last step approves, through the gate that checks the revision passed the
confidentiality review (``DisclosurePage.publish`` → ``services.ensure_publishable``). Other
pages keep Wagtail's behaviour, which checks the approver's right to publish.

Kept free of module-level model imports: Wagtail imports it while defining its models.
"""


def publish_approved(workflow_state, user=None):
    from wagtail.workflows import publish_workflow_state

    # Imported here: Wagtail imports this module (WAGTAIL_FINISH_WORKFLOW_ACTION) while
    # wagtail.models loads, before app models can be imported.
    from xxgk.disclosures.models import DisclosurePage

    page = workflow_state.content_object.specific
    if isinstance(page, DisclosurePage):
        page.get_latest_revision().publish(user=user, skip_permission_checks=True)
    else:
        publish_workflow_state(workflow_state, user=user)
