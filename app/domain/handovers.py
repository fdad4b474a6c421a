"""Hand-over stages: the order a duty service reports in, and what it does to the incident."""

from __future__ import annotations

from collections.abc import Iterable

from app.domain.enums import HandoverStage, Status
from app.domain.errors import TransitionRefused

H = HandoverStage

# Forward order; a service may skip a step (resolved by phone, no crew needed).
ORDER = (H.HANDED_OVER, H.ACKNOWLEDGED, H.CREW_DISPATCHED, H.ON_SCENE, H.RESOLVED)

STAMP = {
    H.HANDED_OVER: "handed_over_at",
    H.ACKNOWLEDGED: "acknowledged_at",
    H.CREW_DISPATCHED: "crew_dispatched_at",
    H.ON_SCENE: "on_scene_at",
    H.RESOLVED: "resolved_at",
    H.RECALLED: "recalled_at",
}

STAGE_WORDS = {
    H.HANDED_OVER: "handed over",
    H.ACKNOWLEDGED: "acknowledged",
    H.CREW_DISPATCHED: "crew dispatched",
    H.ON_SCENE: "on scene",
    H.RESOLVED: "resolved",
    H.RECALLED: "recalled",
}


def check_stage(current: HandoverStage, target: HandoverStage) -> None:
    """Stages only move forward; a finished hand-over (resolved or recalled) stays finished."""
    if current in (H.RESOLVED, H.RECALLED):
        raise TransitionRefused(
            "This hand-over is already {_stage}; hand the incident over again instead.",
            _stage=STAGE_WORDS[current],
            stage=current.value,
            target=target.value,
        )
    if target is H.RECALLED:
        return
    if ORDER.index(target) <= ORDER.index(current):
        raise TransitionRefused(
            "The hand-over is already {_stage}; it cannot go back to {_target}.",
            _stage=STAGE_WORDS[current],
            _target=STAGE_WORDS[target],
            stage=current.value,
            target=target.value,
        )


def stamps_for(current: HandoverStage, target: HandoverStage) -> list[str]:
    """The stamps a report sets: its own, plus acknowledged when a service skips straight
    to a later step (a crew on scene implies the hand-over was received)."""
    if target is H.RECALLED:
        return [STAMP[target]]
    fields = [STAMP[target]]
    if current is H.HANDED_OVER and target is not H.ACKNOWLEDGED:
        fields.insert(0, STAMP[H.ACKNOWLEDGED])
    return fields


def incident_status_after(status: Status, stages: Iterable[HandoverStage]) -> Status:
    """What the incident's status becomes once its hand-overs are at ``stages``."""
    live = [s for s in stages if s is not H.RECALLED]
    if status not in (Status.DISPATCHED, Status.IN_PROGRESS) or not live:
        return status
    if all(s is H.RESOLVED for s in live):
        return Status.RESOLVED
    if status is Status.DISPATCHED and any(s is not H.HANDED_OVER for s in live):
        return Status.IN_PROGRESS
    return status
