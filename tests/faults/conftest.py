"""The fault-injection tests tell how many faults they injected, in the terminal summary of
every run: a run that passed while injecting nothing would prove nothing, and the reader
should be able to see that it did not."""

from __future__ import annotations

import pytest

REPORTS = pytest.StashKey[list[str]]()


@pytest.fixture
def fault_report(request: pytest.FixtureRequest) -> list[str]:
    """Lines a test adds here are printed under "fault injection" at the end of the run."""
    return request.config.stash.setdefault(REPORTS, [])


def pytest_terminal_summary(terminalreporter, exitstatus, config) -> None:  # type: ignore[no-untyped-def]
    lines = config.stash.get(REPORTS, [])
    if lines:
        terminalreporter.section("fault injection")
        for line in lines:
            terminalreporter.write_line(line)
