"""Every action has a key, and F1 lists them: the cheat sheet is read from the window's
real actions (its menus, then the actions its parts add, such as the card's, then buttons
with a key), with their current shortcuts, so it cannot drift from the code."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

GROUP = "shortcutGroup"  # an action's group in the sheet when no menu holds it
HELP_KEY = "F1"



@dataclass(frozen=True)
class Entry:
    group: str  # the top menu, or the part of the window (the card, the queue…)
    path: str  # where to find it: "Incident → New incident"
    text: str
    keys: str  # as this platform writes them; several separated by ", "
    action: QAction | None = None  # None for a button


def plain(text: str) -> str:
    """A menu text without its mnemonic marks."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def keys_text(sequences: Sequence[QKeySequence]) -> str:
    return ", ".join(s.toString(QKeySequence.SequenceFormat.NativeText)
                     for s in sequences if not s.isEmpty())


def key_action(owner: QWidget, text: str, keys: str | Sequence[str],
               slot: Callable[[], object], *, group: str) -> QAction:
    """An action of ``owner`` with its key(s), listed under ``group`` by the cheat sheet;
    the key works while ``owner``'s window is active and ``owner`` is shown."""
    action = QAction(text, owner)
    action.setShortcuts([QKeySequence(k) for k in ([keys] if isinstance(keys, str) else keys)])
    action.setProperty(GROUP, group)
    action.triggered.connect(lambda _checked=False: slot())
    owner.addAction(action)
    return action


def _menu_entries(menu: QMenu, path: list[str], seen: set[int]) -> list[Entry]:
    entries = []
    for action in menu.actions():
        if action.isSeparator() or not action.isVisible():
            continue
        if action.menu() is not None:  # a submenu: its items are listed, not itself
            entries += _menu_entries(action.menu(), [*path, plain(action.text())], seen)
            continue
        seen.add(id(action))
        text = plain(action.text())
        entries.append(Entry(path[0], " → ".join([*path, text]), text,
                             keys_text(action.shortcuts()), action))
    return entries


def _part_of(widget: QWidget, window: QWidget) -> str:
    """The part of the window a button sits in: the nearest that names itself for the
    sheet (the queue, the card), else its box, else the window."""
    box = ""
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        if parent.property(GROUP):
            return str(parent.property(GROUP))
        if not box and isinstance(parent, QGroupBox) and parent.title():
            box = plain(parent.title())
        parent = parent.parentWidget()
    return box or window.windowTitle()


def entries_of(window: QWidget) -> list[Entry]:
    """Everything of ``window`` that a key sets off, menus first, in their order."""
    seen: set[int] = set()
    entries: list[Entry] = []
    if isinstance(window, QMainWindow) and window.menuWidget() is not None:
        for top in window.menuBar().actions():
            if top.menu() is not None and top.isVisible():
                entries += _menu_entries(top.menu(), [plain(top.text())], seen)
    for action in window.findChildren(QAction):
        if id(action) in seen or action.isSeparator() or not action.shortcuts():
            continue
        seen.add(id(action))
        group = action.property(GROUP) or window.windowTitle()
        text = plain(action.text())
        entries.append(Entry(str(group), f"{group} → {text}", text,
                             keys_text(action.shortcuts()), action))
    for widget, keys in keyed_widgets(window):
        group = _part_of(widget, window)
        text = plain(widget.text()).rstrip(":")  # type: ignore[attr-defined]
        entries.append(Entry(group, f"{group} → {text}", text, keys_text([keys])))
    return entries


def keyed_widgets(window: QWidget) -> list[tuple[QWidget, QKeySequence]]:
    """Buttons with a key (their mnemonic, or one set on them) and labels whose mnemonic
    moves to the field beside them."""
    found: list[tuple[QWidget, QKeySequence]] = []
    for button in window.findChildren(QAbstractButton):
        if not button.shortcut().isEmpty() and button.text():
            found.append((button, button.shortcut()))
    for label in window.findChildren(QLabel):
        keys = QKeySequence.mnemonic(label.text()) if label.buddy() is not None else None
        if keys is not None and not keys.isEmpty():
            found.append((label, keys))
    return found


class ShortcutSheet(QDialog):
    """The cheat sheet: grouped by menu, filtered as the user types."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("shortcutSheet")
        self.setWindowTitle(self.tr("Keyboard shortcuts — %1").replace(
            "%1", window.windowTitle()))
        self.entries = entries_of(window)
        self.search = QLineEdit()
        self.search.setObjectName("shortcutSearch")
        self.search.setPlaceholderText(self.tr("Type to find an action or a key…"))
        self.search.setClearButtonEnabled(True)
        self.tree = QTreeWidget()
        self.tree.setObjectName("shortcutTree")
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([self.tr("Action"), self.tr("Keys")])
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setStretchLastSection(False)
        self.empty = QLabel(self.tr("No action matches."))
        self.empty.setVisible(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.empty)
        layout.addWidget(buttons)
        self._fill()
        widest = max((self.tree.fontMetrics().horizontalAdvance(e.keys) for e in self.entries),
                     default=40)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        self.tree.setColumnWidth(1, widest + 3 * self.tree.fontMetrics().averageCharWidth())
        self.search.textChanged.connect(self.find)
        self.tree.installEventFilter(self)
        self.resize(640, 720)

    def _fill(self) -> None:
        groups: dict[str, QTreeWidgetItem] = {}
        for entry in self.entries:
            head = groups.get(entry.group)
            if head is None:
                head = QTreeWidgetItem(self.tree, [entry.group])
                font = head.font(0)
                font.setBold(True)
                head.setFont(0, font)
                head.setFirstColumnSpanned(True)
                head.setFlags(Qt.ItemFlag.ItemIsEnabled)
                groups[entry.group] = head
            item = QTreeWidgetItem(head, [entry.text, entry.keys or "—"])
            item.setToolTip(0, entry.path)
            item.setData(0, Qt.ItemDataRole.UserRole, entry.path)
        self.tree.expandAll()

    def visible_texts(self) -> list[str]:
        """The actions now listed (what a user sees after typing)."""
        shown = []
        for g in range(self.tree.topLevelItemCount()):
            head = self.tree.topLevelItem(g)
            for c in range(head.childCount()):
                if not head.child(c).isHidden() and not head.isHidden():
                    shown.append(head.child(c).text(0))
        return shown

    def find(self, text: str) -> None:
        words = text.casefold().split()
        any_shown = False
        for g in range(self.tree.topLevelItemCount()):
            head = self.tree.topLevelItem(g)
            shown = 0
            for c in range(head.childCount()):
                item = head.child(c)
                hay = " ".join((head.text(0), item.text(0), item.text(1),
                                str(item.data(0, Qt.ItemDataRole.UserRole)))).casefold()
                hit = all(w in hay for w in words)
                item.setHidden(not hit)
                shown += hit
            head.setHidden(shown == 0)
            any_shown = any_shown or shown > 0
        self.empty.setVisible(not any_shown)

    def eventFilter(self, watched, event) -> bool:  # type: ignore[no-untyped-def]
        # Typing while the list has the focus goes on with the search.
        if (watched is self.tree and isinstance(event, QKeyEvent)
                and event.type() == QKeyEvent.Type.KeyPress and event.text().isprintable()
                and event.text() and not event.modifiers() & ~Qt.KeyboardModifier.ShiftModifier):
            self.search.setFocus()
            self.search.insert(event.text())
            return True
        return super().eventFilter(watched, event)


def open_sheet(window: QWidget) -> ShortcutSheet:
    sheet = ShortcutSheet(window)
    sheet.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    sheet.open()
    sheet.search.setFocus()
    return sheet


def add_help(window: QWidget) -> QAction:
    """F1 opens the cheat sheet of ``window``: in its Help menu when it has a menu bar."""
    text = QCoreApplication.translate("Shortcuts", "&Keyboard shortcuts")
    if isinstance(window, QMainWindow):
        menu = window.menuBar().addMenu(QCoreApplication.translate("Shortcuts", "&Help"))
        action = QAction(text, window)
        action.setShortcut(QKeySequence(HELP_KEY))
        action.triggered.connect(lambda _c=False: open_sheet(window))
        menu.addAction(action)
        window.addAction(action)
        return action
    return key_action(window, text, HELP_KEY, lambda: open_sheet(window),
                      group=QCoreApplication.translate("Shortcuts", "Help"))
