"""The queue's table model: filter, sort and live changes without resets."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QTableView

from app.ui.catalog_view import CatalogView
from app.ui.queue_filter import QueueFilter
from app.ui.queue_model import Col, QueueModel
from tests.ui.factory import CATALOG, NOW, change, incident, store_with

DAY = timedelta(days=1)


def make(incidents, qtmodeltester=None):
    store = store_with(incidents)
    model = QueueModel(store, CatalogView.from_wire(CATALOG), user_id=7, now=lambda: NOW)
    if qtmodeltester is not None:
        qtmodeltester.check(model)
    return store, model


def numbers(model: QueueModel) -> list[str]:
    return [model.index(r, Col.NUMBER).data() for r in range(model.rowCount())]


def test_rows_are_ordered_by_priority_then_oldest_first(qtmodeltester) -> None:
    _, model = make([incident(1, priority=3), incident(2, priority=1), incident(3, priority=3)],
                    qtmodeltester)
    # Priority 1 first; among equal priorities the one received earlier (3 minutes ago).
    assert numbers(model) == ["2026-000002", "2026-000003", "2026-000001"]
    assert model.index(0, Col.PRIORITY).data() == "1 critical"
    assert model.index(0, Col.ADDRESS).data() == "проспект Строителей, 3"


def test_text_filter_matches_every_word_anywhere_in_the_row(qtmodeltester) -> None:
    _, model = make([incident(1, description="течь в подвале"),
                     incident(2, street="улица Кузнецкая", description="течь"),
                     incident(3)], qtmodeltester)
    model.set_filter(QueueFilter(text="ТЕЧЬ кузнец"))
    assert numbers(model) == ["2026-000002"]
    model.set_filter(QueueFilter(text="течь"))
    assert sorted(numbers(model)) == ["2026-000001", "2026-000002"]


def test_closed_incidents_are_hidden_by_default_and_shown_on_request() -> None:
    _, model = make([incident(1, status="closed"), incident(2)])
    assert numbers(model) == ["2026-000002"]
    model.set_filter(QueueFilter(statuses=frozenset()))
    assert sorted(numbers(model)) == ["2026-000001", "2026-000002"]


def test_mine_shows_only_what_i_hold() -> None:
    _, model = make([incident(1, claim_holder_id=7, claim_holder_name="Я"), incident(2)])
    model.set_filter(QueueFilter(mine=True))
    assert numbers(model) == ["2026-000001"]


def test_sort_by_a_column_keeps_the_selected_incident_selected(qtbot) -> None:
    _, model = make([incident(i, priority=1 + i % 4) for i in range(1, 30)])
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    row = model.row_of(17)
    view.selectionModel().select(model.index(row, 0), QItemSelectionModel.SelectionFlag.Rows
                                 | QItemSelectionModel.SelectionFlag.ClearAndSelect)
    model.sort(Col.NUMBER, Qt.SortOrder.DescendingOrder)
    assert numbers(model)[0] == "2026-000029"
    selected = view.selectionModel().selectedRows()
    assert [model.id_at(i.row()) for i in selected] == [17]


def test_a_live_change_updates_one_row_and_never_resets(qtbot, qtmodeltester) -> None:
    store, model = make([incident(i) for i in range(1, 50)], qtmodeltester)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.selectRow(model.row_of(10))
    resets: list[int] = []
    changed: list[tuple[int, int]] = []
    model.modelReset.connect(lambda: resets.append(1))
    model.dataChanged.connect(lambda a, b, _r=None: changed.append((a.row(), b.row())))

    row = model.row_of(20)
    model.apply(store.apply([change(store, "incident", 20,
                                    {"claim_holder_id": 3, "claim_holder_name": "Петров Сергей",
                                     "version": 2})]))
    assert not resets
    assert changed == [(row, row)]
    assert model.index(row, Col.HOLDER).data() == "Петров Сергей"
    assert [model.id_at(i.row()) for i in view.selectionModel().selectedRows()] == [10]


def test_a_priority_raise_moves_the_row_with_selection_kept(qtbot, qtmodeltester) -> None:
    store, model = make([incident(i) for i in range(1, 20)], qtmodeltester)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.selectRow(model.row_of(5))
    moved: list[int] = []
    model.rowsMoved.connect(lambda *a: moved.append(1))
    model.apply(store.apply([change(store, "incident", 5, {"priority": 1, "version": 2})]))
    assert model.row_of(5) == 0 and numbers(model)[0] == "2026-000005"
    assert moved == [1]
    assert [model.id_at(i.row()) for i in view.selectionModel().selectedRows()] == [5]


def test_new_incidents_arrive_in_place_and_closed_ones_leave(qtmodeltester) -> None:
    store, model = make([incident(i) for i in range(1, 10)], qtmodeltester)
    inserted: list[int] = []
    removed: list[int] = []
    model.rowsInserted.connect(lambda _p, first, _l: inserted.append(first))
    model.rowsRemoved.connect(lambda _p, first, _l: removed.append(first))
    new = incident(100, priority=1)
    model.apply(store.apply([change(store, "incident", 100, new)]))
    assert inserted == [0] and numbers(model)[0] == "2026-000100"
    model.apply(store.apply([change(store, "incident", 3, {"status": "closed"})]))
    assert removed and "2026-000003" not in numbers(model)
    assert model.rowCount() == 9


def test_a_handover_change_repaints_its_incident_services_column() -> None:
    store, model = make([incident(1)])
    handover = {"id": 5, "incident_id": 1, "service": "water", "stage": "handed_over",
                "handed_over_at": NOW.isoformat(), "acknowledged_at": None,
                "crew_dispatched_at": None, "on_scene_at": None, "resolved_at": None,
                "recalled_at": None, "crew_ids": [], "version": 1}
    model.apply(store.apply([change(store, "handover", 5, handover, incident_id=1)]))
    assert model.index(0, Col.SERVICES).data() == "Водоканал …"
    model.apply(store.apply([change(store, "handover", 5, {"stage": "acknowledged"}, 1)]))
    assert model.index(0, Col.SERVICES).data() == "Водоканал ✓"


def test_age_turns_red_and_marked_past_the_norm() -> None:
    # Registered 1 minute ago with a 300 s hand-over norm: on time. 10 minutes ago: late.
    _, model = make([incident(1), incident(10)])
    fresh, late = model.row_of(1), model.row_of(10)
    assert model.index(fresh, Col.AGE).data(Qt.ItemDataRole.ForegroundRole) is None
    assert model.index(fresh, Col.AGE).data() == "1:00"
    assert model.index(fresh, Col.AGE).data(Qt.ItemDataRole.ToolTipRole) is None
    brush = model.index(late, Col.AGE).data(Qt.ItemDataRole.ForegroundRole)
    assert brush is not None and brush.color().name() == "#c62828"
    # Not by colour alone: a mark in the text, and the tooltip names the norm and by how much.
    assert model.index(late, Col.AGE).data() == "⚠ 10:00"
    assert model.index(late, Col.AGE).data(Qt.ItemDataRole.ToolTipRole) == \
        "Past the hand-over norm by 5:00"


def test_the_order_stays_a_valid_sorted_list_through_filters_and_changes() -> None:
    store, model = make([incident(i, priority=1 + i % 4) for i in range(1, 3000)])
    model.set_filter(QueueFilter(text="вызов 1"))
    model._rows.sl._check()  # the library's own invariant check
    model.set_filter(QueueFilter(text="вызов 12"))  # narrowing: filters the shown rows only
    model._rows.sl._check()
    assert numbers(model) == sorted(numbers(model), key=lambda n: (
        store.get("incident", int(n[5:]))["priority"],
        store.get("incident", int(n[5:]))["received_at"]))
    def shown(inc) -> bool:
        text = f"{inc['number']} {inc['street']}, {inc['house']} {inc['description']}".lower()
        return all(w in text for w in ("вызов", "12"))

    expected = {i["number"] for i in store.incidents() if shown(i) and i["status"] != "closed"}
    assert set(numbers(model)) == expected
    model.apply(store.apply([change(store, "incident", 12, {"priority": 4, "version": 2})]))
    model._rows.sl._check()
    model._all.sl._check()


def test_an_incident_past_the_live_horizon_leaves_the_queue_as_one_row(qtbot) -> None:
    old = incident(1, status="closed", received_at=(NOW - 10 * DAY).isoformat(),
                   closed_at=(NOW - 9 * DAY).isoformat())
    store, model = make([old, incident(2, status="closed", closed_at=NOW.isoformat()),
                         incident(3)])
    model.set_filter(QueueFilter(statuses=frozenset()))  # any status: the closed ones too
    store.subscribe(model.apply)
    assert numbers(model) == ["2026-000001", "2026-000003", "2026-000002"]  # oldest first
    with qtbot.assertNotEmitted(model.modelReset), qtbot.assertNotEmitted(model.layoutChanged), \
            qtbot.waitSignal(model.rowsRemoved) as removed:
        store.prune(NOW)
    assert removed.args[1:] == [0, 0]
    assert numbers(model) == ["2026-000003", "2026-000002"]
