"""Refusals in the client's language: every English template the code raises has a Russian
one with the same fields, and the service answers in Russian when asked to."""

from __future__ import annotations

import ast
import string
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.domain import messages_ru
from app.server import errors
from app.server.embedded import ServiceThread
from tests.server.helpers import assert_refusal, login, mid

ROOT = Path(__file__).resolve().parents[2]
# The layers whose refusals reach a person: the service's, and the console's own prediction
# of them (app/sync/predict.py's ``Refused``, said in the console's language).
SOURCES = ("app/domain", "app/services", "app/server", "app/sync")
CONSOLE = ROOT / "app/sync"
CONSOLE_REFUSALS = {"Refused"}


def _files() -> list[Path]:
    return sorted(p for d in SOURCES for p in (ROOT / d).rglob("*.py"))


def _name(node: ast.expr) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return None


def _error_classes(trees: dict[Path, ast.Module]) -> set[str]:
    """DomainError and every class that derives from it, by name, to a fixed point."""
    names = {"DomainError"}
    while True:
        more = {node.name for tree in trees.values() for node in ast.walk(tree)
                if isinstance(node, ast.ClassDef)
                and any(_name(b) in names for b in node.bases)} - names
        if not more:
            return names
        names |= more


def _refusal_params(tree: ast.Module, classes: set[str]) -> set[str]:
    """Parameters that hold a refusal class (``refuse: type[NotFound | Invalid]``)."""
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            for arg in node.args.args + node.args.kwonlyargs:
                note = ast.unparse(arg.annotation) if arg.annotation else ""
                if note.startswith("type[") and any(c in note for c in classes):
                    out.add(arg.arg)
    return out


def _constants(tree: ast.Module) -> dict[str, str]:
    return {t.id: node.value.value for node in tree.body if isinstance(node, ast.Assign)
            and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str)
            for t in node.targets if isinstance(t, ast.Name)}


class Site:
    def __init__(self, path: Path, line: int, template: str | None, why: str = "") -> None:
        self.where = f"{path.relative_to(ROOT)}:{line}"
        self.template = template
        self.why = why


def sites() -> Iterator[Site]:
    """Every refusal made in the code: its English template, or why it is not one."""
    trees = {p: ast.parse(p.read_text(encoding="utf-8"), str(p)) for p in _files()}
    classes = _error_classes({p: t for p, t in trees.items() if CONSOLE not in p.parents})
    for path, tree in trees.items():
        if CONSOLE in path.parents:
            # The console has errors of its own with the service's names (SessionExpired).
            callables = CONSOLE_REFUSALS
        else:
            callables = classes | _refusal_params(tree, classes)
        constants = _constants(tree)
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and _name(node.func) in callables):
                continue
            if isinstance(node.func, ast.Attribute) and node.func.attr == "__init__":
                continue
            first = node.args[0] if node.args else None
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                yield Site(path, node.lineno, first.value)
            elif isinstance(first, ast.Name) and first.id in constants:
                yield Site(path, node.lineno, constants[first.id])
            elif isinstance(first, ast.Attribute) and first.attr == "template":
                continue  # another refusal's template passed on: checked where it is made
            else:
                yield Site(path, node.lineno, None,
                           "the message is not a constant template: write it with {fields}")


def fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


def test_the_walk_finds_the_refusals() -> None:
    found = list(sites())
    assert len(found) > 100
    assert any(s.template == "Reopening an incident needs a reason." for s in found)
    assert any(s.where.startswith("app/sync/") for s in found)


def test_every_refusal_is_a_template() -> None:
    bad = [f"{s.where}: {s.why}" for s in sites() if s.template is None]
    assert not bad, "\n".join(bad)


def test_every_template_has_a_russian_one_with_the_same_fields() -> None:
    missing, different = [], []
    for s in sites():
        if s.template is None:
            continue
        ru = messages_ru.RU.get(s.template)
        if ru is None:
            missing.append(f"{s.where}: {s.template!r}")
        elif fields(ru) != fields(s.template):
            different.append(f"{s.where}: {sorted(fields(s.template))} in English, "
                              f"{sorted(fields(ru))} in Russian: {ru!r}")
    assert not missing, "no Russian for:\n" + "\n".join(missing)
    assert not different, "\n".join(different)


def test_the_service_own_sentences_have_russian_ones() -> None:
    for english in errors.SENTENCES:
        assert english in messages_ru.RU, english
        assert fields(messages_ru.RU[english]) == fields(english), english


def test_no_russian_entry_is_left_over() -> None:
    used = {s.template for s in sites()} | set(errors.SENTENCES)
    stale = sorted(set(messages_ru.RU) - used)
    assert not stale, "translations of templates the code no longer has:\n" + "\n".join(stale)


def test_russian_is_cyrillic_and_differs() -> None:
    for english, ru in messages_ru.RU.items():
        assert ru != english
        assert any("а" <= ch.lower() <= "я" for ch in ru), ru


@pytest.mark.parametrize("header, language", [
    (None, "en"), ("", "en"), ("ru", "ru"), ("ru-RU", "ru"), ("RU", "ru"),
    ("ru-RU,ru;q=0.9,en-US;q=0.8", "ru"), ("en-US,en;q=0.9,ru;q=0.8", "en"),
    ("en;q=0.5, ru;q=0.9", "ru"), ("ru;q=0", "en"), ("de", "en"), ("*", "en"),
    ("rus", "en"), ("ru;q=abc", "en"), (",,;", "en"),
])
def test_language_of_the_header(header: str | None, language: str) -> None:
    assert messages_ru.language_of(header) == language


def test_words_inside_a_message_are_russian() -> None:
    text = messages_ru.render(
        "An incident that is {_state} cannot be given the action '{action}'.",
        {"_state": "closed", "status": "closed", "action": "close"}, "ru")
    assert "закрыто" in text and "закрыть" in text, text
    assert "close" not in text


def test_an_unknown_template_falls_back_to_english() -> None:
    assert messages_ru.render("No such {thing}.", {"thing": "x"}, "ru") == "No such x."


def test_a_refusal_in_russian_and_in_english(service: ServiceThread) -> None:
    operator = login(service.url, "operator")
    missing = "/incidents/999999999"
    english = assert_refusal(operator.get(missing), 404, "not_found")
    assert english["message"] == "There is no incident with id 999999999."
    assert english["params"] == {"incident_id": 999999999}

    russian = assert_refusal(operator.get(missing, headers={"Accept-Language": "ru-RU,ru;q=0.9"}),
                             404, "not_found")
    assert russian["message"] == "Происшествие с номером записи 999999999 не найдено."
    assert russian["params"] == english["params"]

    # Asked for English, or for a language the service does not speak: English.
    for header in ("en-US", "de-DE,de;q=0.9"):
        other = assert_refusal(operator.get(missing, headers={"Accept-Language": header}), 404)
        assert other["message"] == english["message"]


def test_a_refused_transition_names_the_status_in_russian(service: ServiceThread) -> None:
    operator = login(service.url, "operator")
    created = operator.register()["incident"]
    r = operator.post(f"/incidents/{created['id']}/actions",
                      {"mutation_id": mid(), "base_version": created["version"],
                       "action": "reopen", "reason": "проверка"},
                      headers={"Accept-Language": "ru"})
    body = assert_refusal(r, 409, "transition_refused")
    assert "reopen" not in body["message"] and "«открыть повторно»" in body["message"], body
    assert body["params"]["action"] == "reopen"


def test_request_validation_in_russian(service: ServiceThread) -> None:
    operator = login(service.url, "operator")
    r = operator.post("/incidents", json={"nonsense": True}, headers={"Accept-Language": "ru"})
    body = assert_refusal(r, 422, "invalid_request")
    assert body["message"].startswith("Запрос не принят: "), body
    assert body["params"]["fields"], body

    r = operator.post("/incidents", json={"nonsense": True})
    assert assert_refusal(r, 422, "invalid_request")["message"].startswith(
        "The request was not accepted: ")

    # A field's own refusal of ours (a phone number) is said in Russian too.
    bad_phone = {"mutation_id": mid(), "source": "phone", "description": "Проверка",
                 "caller": {"phone": "12"}}
    r = operator.post("/incidents", json=bad_phone, headers={"Accept-Language": "ru"})
    body = assert_refusal(r, 422, "invalid_request")
    assert "В номере телефона «12» цифр: 2" in body["message"], body
    assert "caller.phone" in [f["field"] for f in body["params"]["fields"]], body
    r = operator.post("/incidents", json={**bad_phone, "mutation_id": mid()})
    assert "The phone number '12' has 2 digits" in r.json()["message"], r.text
