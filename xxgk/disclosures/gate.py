"""The publication gate: what a disclosure asks before it goes live (先审查、后公开).

The rule lives in the review (xxgk.review), which sits above disclosures and imports them; so
disclosures cannot import the review. The review installs its gate here from its
AppConfig.ready(). Without one, nothing is published: every question raises, and the system
check `disclosures.E001` stops the server from starting.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.core import checks
from django.core.exceptions import ImproperlyConfigured


@dataclass(frozen=True)
class PublicationGate:
    """`workflow_for(page)`: the workflow a disclosure must pass (Page.get_workflow);
    `ensure_publishable(page, revision)`: raises unless the revision passed review;
    `revision_saved(page, revision)`: told of every new revision (a review under way
    restarts on it)."""

    workflow_for: Callable
    ensure_publishable: Callable
    revision_saved: Callable


_gate: PublicationGate | None = None


def install_gate(gate: PublicationGate) -> None:
    global _gate
    _gate = gate


def publication_gate() -> PublicationGate:
    if _gate is None:
        raise ImproperlyConfigured("没有安装发布前审查（xxgk.review），公开信息不能发布。")
    return _gate


@checks.register()
def check_gate(app_configs=None, **kwargs):
    if _gate is not None:
        return []
    return [
        checks.Error(
            "No publication gate is installed: disclosures cannot be published.",
            hint="Install xxgk.review, which installs the gate in its AppConfig.ready().",
            id="disclosures.E001",
        )
    ]
