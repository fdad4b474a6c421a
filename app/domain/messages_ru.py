"""Refusals in Russian: the English template of each refusal -> the same in Russian.

A refusal is raised with an English template and named fields (``app/domain/errors.py``);
the service answers in Russian when the request asks for it (``Accept-Language: ru``) and
in English otherwise; the console says its own predicted refusals (``app/sync/predict.py``)
in its UI language. Pure Python, so the service and the console both use it.

Each Russian template has exactly the fields of its English one
(``tests/server/test_refusal_language.py`` walks the code's raise sites and checks it), so
a new refusal without a translation fails the tests rather than reaching an operator in
English. Values that are English words (a status, an action, a role, a stage, a unit) are
put in Russian through the word maps below, by the field they fill.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

from app.domain.emergencies import LEVEL_RU
from app.domain.enums import Action, HandoverStage, Role, Status
from app.domain.errors import DomainError
from app.domain.handovers import STAGE_WORDS
from app.domain.transitions import STATUS_WORDS

RUSSIAN = "ru"
ENGLISH = "en"

# -- words inside the sentences -------------------------------------------------------------

# An incident's status, as said of "происшествие" (neuter), in the console's own words.
STATUS: dict[str, str] = {
    Status.NEW: "новое",
    Status.REGISTERED: "зарегистрировано",
    Status.DISPATCHED: "передано",
    Status.IN_PROGRESS: "в работе",
    Status.RESOLVED: "решено",
    Status.CLOSED: "закрыто",
    Status.CANCELLED: "отменено",
    Status.MERGED: "объединено с другим",
}

ACTION: dict[str, str] = {
    Action.REGISTER: "зарегистрировать",
    Action.DISPATCH: "передать в службы",
    Action.START: "начать работу",
    Action.RESOLVE: "отметить решённым",
    Action.CLOSE: "закрыть",
    Action.REOPEN: "открыть повторно",
    Action.CANCEL: "отменить",
    Action.MERGE: "объединить",
    Action.SPLIT: "разделить",
}

ROLE: dict[str, str] = {
    Role.OPERATOR: "оператор",
    Role.SUPERVISOR: "старший дежурный",
    Role.ADMIN: "администратор",
    Role.WALL: "видеостена",
    Role.DUTY_SERVICE: "дежурная служба",
}

# A hand-over's stage, as said of "передача" (feminine).
STAGE: dict[str, str] = {
    HandoverStage.HANDED_OVER: "передана",
    HandoverStage.ACKNOWLEDGED: "принята службой",
    HandoverStage.CREW_DISPATCHED: "бригада выехала",
    HandoverStage.ON_SCENE: "бригада на месте",
    HandoverStage.RESOLVED: "решено",
    HandoverStage.RECALLED: "отозвана",
}

# What a sensor measures, as "датчик ..." continues.
SENSOR_KIND: dict[str, str] = {
    "river_level": "уровня воды в реке",
    "heat_pressure": "давления в теплосети",
    "heat_temperature": "температуры теплоносителя",
    "air_quality": "качества воздуха",
    "power_feeder": "напряжения фидера",
}

UNIT: dict[str, str] = {"cm": "см", "bar": "бар", "µg/m³": "мкг/м³", "kV": "кВ"}


def _span(text: str) -> str:
    """"8 h", "30 s" (app/services/clock.py) in Russian."""
    return re.sub(r" h$", " ч", re.sub(r" s$", " с", text))


# field name -> how its value is said in Russian (a value not in a map stays as it is).
WORDS: dict[str, Mapping[str, str] | Callable[[str], str]] = {
    "status": STATUS,
    "_state": {STATUS_WORDS[s]: STATUS[s] for s in Status},
    "action": ACTION,
    "role": ROLE,
    "_stage": {STAGE_WORDS[s]: STAGE[s] for s in HandoverStage},
    "_target": {STAGE_WORDS[s]: STAGE[s] for s in HandoverStage},
    "level": {str(k): v for k, v in LEVEL_RU.items()},
    "_kind": SENSOR_KIND,
    "_unit": UNIT,
    "_back": _span,
    "_ahead": _span,
    "_by": _span,
}

# -- the sentences --------------------------------------------------------------------------

RU: dict[str, str] = {
    # app/domain/claims.py
    "The incident is being worked by {holder}; ask them or a supervisor to hand it over.":
        "Происшествием уже занимается {holder}; чтобы его передали вам, обратитесь к этому "
        "сотруднику или к старшему дежурному смены.",
    "Only a supervisor may take over an incident another operator holds.":
        "Забрать происшествие, которое в работе у другого оператора, может только старший "
        "дежурный.",
    # app/domain/emergencies.py
    "The emergency has been lifted: send the final report.":
        "Режим ЧС снят: направьте итоговое донесение.",
    "The final report on this emergency was already sent; no more reports are due.":
        "Итоговое донесение по этой ЧС уже направлено; других донесений не требуется.",
    "The first report has not been sent yet; send it before any other.":
        "Первичное донесение ещё не направлено; направьте его прежде всех остальных.",
    "The first report on this emergency was already sent.":
        "Первичное донесение по этой ЧС уже направлено.",
    "The emergency has not been lifted; the final report comes after it is lifted.":
        "Режим ЧС не снят; итоговое донесение направляется после его снятия.",
    # app/domain/handovers.py
    "This hand-over is already {_stage}; hand the incident over again instead.":
        "Эта передача уже в стадии «{_stage}»; передайте происшествие заново.",
    "The hand-over is already {_stage}; it cannot go back to {_target}.":
        "Передача уже в стадии «{_stage}»; вернуть её в стадию «{_target}» нельзя.",
    # app/domain/phones.py
    "The phone number '{_text}' has {_count} digits; a Russian number has 10 after +7, "
    "or 5 for a local city number.":
        "В номере телефона «{_text}» цифр: {_count}; в российском номере 10 цифр после +7, "
        "в местном городском — 5.",
    "The phone number is empty.":
        "Номер телефона не указан.",
    "The phone number '{_text}' contains characters other than digits, spaces, brackets, "
    "dashes and a leading '+'.":
        "Номер телефона «{_text}» содержит недопустимые символы: разрешены только цифры, "
        "пробелы, скобки, дефисы и «+» в начале.",
    "The phone number '{_text}' is not a Russian one; after '+' it must have 7 and then "
    "10 digits.":
        "Номер телефона «{_text}» не российский: после «+» должны идти 7 и ещё 10 цифр.",
    "The phone number '{_text}' has 11 digits but starts with {_first}; an 11-digit "
    "Russian number starts with 8 or 7.":
        "Номер телефона «{_text}» из 11 цифр начинается с {_first}; российский номер из 11 "
        "цифр начинается с 8 или 7.",
    # app/domain/transitions.py
    "An incident that is {_state} cannot be given the action '{action}'.":
        "К происшествию в статусе «{_state}» нельзя применить действие «{action}».",
    "The role '{role}' may not {action} an incident.":
        "Роли «{role}» не разрешено действие «{action}» с происшествием.",
    "An emergency is in force on this incident; lift the emergency first.":
        "По этому происшествию действует режим ЧС; сначала снимите режим ЧС.",
    "Reopening an incident needs a reason.":
        "Чтобы открыть происшествие повторно, укажите причину.",
    "A closed incident may be reopened only within 24 hours of closing; register a new one "
    "instead.":
        "Закрытое происшествие можно открыть повторно только в течение 24 часов после "
        "закрытия; зарегистрируйте новое.",
    # app/server/deps.py
    "Not signed in: send the session token as 'Authorization: Bearer …'.":
        "Вход не выполнен: передайте токен сеанса в заголовке «Authorization: Bearer …».",
    "The role '{role}' may not do this.":
        "Роли «{role}» это действие не разрешено.",
    # app/server/routes/sensors.py
    "A sensor gateway sends its token as 'Authorization: Bearer …'.":
        "Шлюз датчиков передаёт свой токен в заголовке «Authorization: Bearer …».",
    # app/server/routes/state.py
    "Duty services see their own hand-overs only; this view is the room's.":
        "Дежурная служба видит только переданные ей происшествия; это представление — для "
        "дежурного зала.",
    "Not signed in.":
        "Вход не выполнен.",
    # app/services/access.py
    "The role '{role}' cannot change incidents.":
        "Роли «{role}» не разрешено изменять происшествия.",
    "The incident belongs to room '{room}'; you work in room '{own_room}'.":
        "Происшествие относится к залу «{room}», а вы работаете в зале «{own_room}».",
    "There is no incident with id {incident_id}.":
        "Происшествие с номером записи {incident_id} не найдено.",
    "There is no hand-over with id {handover_id}.":
        "Передача с номером записи {handover_id} не найдена.",
    "This incident was not handed over to your service.":
        "Это происшествие не передавалось вашей службе.",
    # app/services/area.py
    "The point in '{field}' ({lat:.5f}, {lon:.5f}) lies about {_away:,.0f} km from the "
    "city's known addresses; the service accepts points up to {margin_km:g} km from them. "
    "Check the coordinates (latitude first, then longitude).":
        "Точка в поле «{field}» ({lat:.5f}, {lon:.5f}) находится примерно в {_away:.0f} км "
        "от известных адресов города; принимаются точки не дальше {margin_km:g} км от них. "
        "Проверьте координаты (сначала широта, затем долгота).",
    # app/services/auth.py
    "Wrong login or password.":
        "Неверный логин или пароль.",
    "The password is wrong; nothing was signed.":
        "Неверный пароль; документ не подписан.",
    "Only an administrator may end another user's sessions.":
        "Завершать сеансы другого пользователя может только администратор.",
    "A user with the login '{login}' already exists.":
        "Пользователь с логином «{login}» уже есть.",
    "There is no room '{room}'.":
        "Зала «{room}» нет.",
    "Too many failed attempts for '{login}'. Try again in {retry_after} s.":
        "Слишком много неудачных попыток входа для «{login}». Повторите через "
        "{retry_after} с.",
    "This account is disabled.":
        "Эта учётная запись отключена.",
    "Too many wrong passwords. Try again in {retry_after} s.":
        "Слишком много неверных паролей. Повторите через {retry_after} с.",
    "Not signed in: the session token is unknown. Sign in again.":
        "Вход не выполнен: токен сеанса неизвестен. Войдите снова.",
    "Your session has expired. Sign in again.":
        "Срок сеанса истёк. Войдите снова.",
    "There is no user with id {user_id}.":
        "Пользователь с номером записи {user_id} не найден.",
    "There is no user with the login '{login}'.":
        "Пользователь с логином «{login}» не найден.",
    "A duty-service user needs the code of an existing duty service.":
        "Для пользователя дежурной службы укажите код существующей дежурной службы.",
    "A user with the role '{role}' needs a room.":
        "Пользователю с ролью «{role}» нужно указать зал.",
    # app/services/claims.py
    "Incident {number} is {status}; there is nothing left to work on it.":
        "Происшествие {number} в статусе «{status}»; работать по нему больше нечего.",
    "Incident {number} is already being worked by {holder}.":
        "Происшествием {number} уже занимается {holder}.",
    "You do not hold incident {number}.":
        "Вы не занимаетесь происшествием {number}.",
    # app/services/clock.py
    "The time in '{field}' ({_value}) is too far in the past; the service accepts times "
    "from {_from} to {_to} ({_back} back, {_ahead} ahead of its clock).":
        "Время в поле «{field}» ({_value}) слишком давнее; сервис принимает время с {_from} "
        "по {_to} (на {_back} назад и на {_ahead} вперёд от своих часов).",
    "The time in '{field}' must carry its zone (e.g. 2026-11-26T08:00:00+07:00).":
        "Время в поле «{field}» должно быть с часовым поясом (например, "
        "2026-11-26T08:00:00+07:00).",
    "The time in '{field}' ({_value}) is in the future by {_by}; the service accepts times "
    "from {_from} to {_to} ({_back} back, {_ahead} ahead of its clock). Check the "
    "console's clock.":
        "Время в поле «{field}» ({_value}) опережает текущее на {_by}; сервис принимает "
        "время с {_from} по {_to} (на {_back} назад и на {_ahead} вперёд от своих часов). "
        "Проверьте часы на рабочем месте.",
    # app/services/crews.py
    "There is no crew with id {crew_id}.":
        "Экипаж с номером записи {crew_id} не найден.",
    "Only the crew's own duty service may report its position.":
        "Сообщать местоположение экипажа может только его дежурная служба.",
    # app/services/duty.py
    "This board is a duty service's: sign in with the service's account.":
        "Это табло дежурной службы: войдите под учётной записью службы.",
    # app/services/emergencies.py
    "Only a supervisor (the senior duty officer) or an admin may declare, change or lift "
    "an emergency.":
        "Вводить, изменять и снимать режим ЧС может только старший дежурный смены или "
        "администратор.",
    "Incident {number} is {status}; an emergency is declared on an incident that is still "
    "being worked.":
        "Происшествие {number} в статусе «{status}»; режим ЧС вводится только по "
        "происшествию, работа по которому ещё идёт.",
    "No emergency is in force on incident {number}.":
        "По происшествию {number} режим ЧС не действует.",
    "No emergency has been declared on incident {number}.":
        "По происшествию {number} режим ЧС не вводился.",
    "The emergency on incident {number} is already {level}.":
        "ЧС по происшествию {number} уже имеет уровень «{level}».",
    "The emergency on incident {number} was lifted and its final report has not been sent "
    "yet; send it before declaring a new one.":
        "Режим ЧС по происшествию {number} снят, но итоговое донесение ещё не направлено; "
        "направьте его, прежде чем вводить режим ЧС снова.",
    # app/services/handovers.py
    "Incident {number} is {status}; only a registered incident that is still open can be "
    "handed over.":
        "Происшествие {number} в статусе «{status}»; передать в службы можно только "
        "зарегистрированное и ещё не закрытое происшествие.",
    "Unknown duty service: {_names}.":
        "Неизвестная дежурная служба: {_names}.",
    "A duty service reports only on its own hand-overs.":
        "Дежурная служба отчитывается только по переданным ей происшествиям.",
    "The {service} service has no crew {crew_id}.":
        "У дежурной службы «{service}» нет экипажа {crew_id}.",
    # app/services/history.py
    "Give the moment with its time zone offset, e.g. 2026-11-26T14:30:00+07:00.":
        "Укажите момент времени с часовым поясом, например 2026-11-26T14:30:00+07:00.",
    "That moment is in the future; the state is known up to now.":
        "Этот момент ещё не наступил; состояние известно только до текущего времени.",
    "The state can be rebuilt for the last {days} days only.":
        "Состояние можно восстановить только за последние {days} дн.",
    # app/services/incidents.py
    "There is no incident type '{type_code}' in the classifier.":
        "В классификаторе нет типа происшествия «{type_code}».",
    "Room routing is not configured on the service.":
        "На сервисе не настроено распределение происшествий по залам.",
    "Incident {number} was changed by someone else meanwhile (your copy is version "
    "{base_version}, the service has {version}). Review the current state and apply your "
    "change again.":
        "Происшествие {number} тем временем изменил другой пользователь (у вас версия "
        "{base_version}, на сервисе — {version}). Проверьте текущее состояние и внесите "
        "изменение снова.",
    "The time the call was received cannot be after it was registered.":
        "Время поступления вызова не может быть позже времени регистрации.",
    "Incident {number} is {status}; it cannot be edited.":
        "Происшествие {number} в статусе «{status}»; изменять его нельзя.",
    "An incident is dispatched by handing it over to a duty service.":
        "Чтобы направить происшествие в работу, передайте его дежурной службе.",
    "Incident {number} can be merged only into another open incident.":
        "Происшествие {number} можно объединить только с другим незакрытым происшествием.",
    # app/services/journal_export.py, app/services/reports.py
    "The journal is exported by supervisors and administrators.":
        "Выгружать журнал могут старшие дежурные и администраторы.",
    "The period must end after it starts.":
        "Конец периода должен быть позже его начала.",
    "A journal export covers at most {max_days} days; export a longer period in parts.":
        "Журнал выгружается не более чем за {max_days} дн.; более длинный период выгрузите "
        "по частям.",
    "Give '{_name}' with its time zone offset, e.g. 2026-11-26T08:00:00+07:00.":
        "Укажите «{_name}» с часовым поясом, например 2026-11-26T08:00:00+07:00.",
    "A report covers at most {max_days} days; split a longer period.":
        "Отчёт строится не более чем за {max_days} дн.; разбейте более длинный период на "
        "части.",
    # app/services/mutations.py
    "This change id was already used by another user; the console must make a new one.":
        "Этот идентификатор изменения уже использовал другой пользователь; рабочее место "
        "должно создать новый.",
    "This change id was already used for another kind of change; the console must make a "
    "new one.":
        "Этот идентификатор изменения уже использован для изменения другого вида; рабочее "
        "место должно создать новый.",
    "The change collided with another one made at the same moment; nothing was saved. "
    "Try again.":
        "Изменение столкнулось с другим, сделанным в тот же момент; ничего не сохранено. "
        "Повторите попытку.",
    # app/services/open311.py
    "The client app's name must be 1 to 120 characters.":
        "Название клиентского приложения — от 1 до 120 символов.",
    "api_key was not provided.":
        "Не передан api_key.",
    "Invalid api_key received; the report was not accepted.":
        "Получен неверный api_key; обращение не принято.",
    "Service code {service_code} is not offered here. In an emergency call 112.":
        "Услуга с кодом {service_code} здесь не предоставляется. В экстренном случае "
        "звоните 112.",
    "A client app named '{name}' already has a key.":
        "У клиентского приложения «{name}» уже есть ключ.",
    "phone: {_why}":
        "телефон: {_why}",
    "There is no service request {service_request_id}.":
        "Обращение {service_request_id} не найдено.",
    "start_date is after end_date.":
        "start_date позже end_date.",
    "start_date and end_date may not span more than 90 days.":
        "Между start_date и end_date может быть не больше 90 дней.",
    # app/services/personal_data.py
    "The role '{role}' may not export personal data; a supervisor or an administrator "
    "answers such requests.":
        "Роли «{role}» не разрешено выгружать персональные данные; на такие запросы "
        "отвечает старший дежурный или администратор.",
    "There is no active user '{login}'.":
        "Действующего пользователя «{login}» нет.",
    # app/services/sensors.py
    "A gateway's name is 1 to 60 characters.":
        "Название шлюза — от 1 до 60 символов.",
    "There is a sensor gateway '{name}' already.":
        "Шлюз датчиков «{name}» уже есть.",
    "This is not the token of a sensor gateway: send the token made by 'dispatch-server "
    "create-sensor-gateway' as 'Authorization: Bearer …'.":
        "Это не токен шлюза датчиков: передайте токен, выданный командой "
        "«dispatch-server create-sensor-gateway», в заголовке «Authorization: Bearer …».",
    "{_where}: there is no sensor '{sensor}' on the service.":
        "{_where}: датчика «{sensor}» на сервисе нет.",
    "{_where}: sensor '{sensor}' does not report through gateway '{gateway}'.":
        "{_where}: датчик «{sensor}» не передаёт показания через шлюз «{gateway}».",
    "{_where}: {value:g} {_unit} is outside what a {_kind} sensor can read "
    "({_lowest:g}…{_highest:g} {_unit}).":
        "{_where}: {value:g} {_unit} — вне диапазона датчика {_kind} "
        "({_lowest:g}…{_highest:g} {_unit}).",
    "There is no sensor gateway '{gateway}'.":
        "Шлюза датчиков «{gateway}» нет.",
    "{_where}: the value is not a finite number.":
        "{_where}: значение не является конечным числом.",
    # app/services/shift_handovers.py
    "Only a supervisor signs a shift handover.":
        "Акт приёма-передачи смены подписывает только старший дежурный.",
    "You are a supervisor of room '{own_room}'; the handover of room '{room}' is signed by "
    "its own supervisors.":
        "Вы старший дежурный зала «{own_room}»; передачу смены зала «{room}» подписывают "
        "его старшие дежурные.",
    "Shift handovers are read by supervisors and administrators.":
        "Акты передачи смены доступны старшим дежурным и администраторам.",
    "You are a supervisor of room '{own_room}'; the handovers of room '{room}' are its own "
    "supervisors'.":
        "Вы старший дежурный зала «{own_room}»; акты передачи смены зала «{room}» доступны "
        "только его старшим дежурным.",
    "Name the room whose shift is handed over (room=…).":
        "Укажите зал, смена которого передаётся (room=…).",
    "The shift {shift} of room '{room}' was already handed over by {by} at {_at}; a shift "
    "is handed over once.":
        "Смена {shift} зала «{room}» уже сдана (акт подписан: {by}, {_at}); смена сдаётся "
        "один раз.",
    "There is no shift handover with id {handover_id}.":
        "Акт передачи смены с номером записи {handover_id} не найден.",
    "You signed this handover as the outgoing supervisor; the incoming supervisor must "
    "accept it.":
        "Вы подписали этот акт как сдающий смену старший дежурный; принять смену должен "
        "заступающий.",
    "This handover was already accepted by {by} at {_at}.":
        "Этот акт уже подписан заступающим старшим дежурным ({by}, {_at}).",
    # app/sync/client.py: the console's own prediction of a refusal
    "This hand-over is not known here.":
        "Сведений об этой передаче на рабочем месте нет.",
    # app/server/errors.py: the service's own sentences (SENTENCES there)
    "The service lost its connection to the database for a moment. Sending the same "
    "request again is safe.":
        "Сервис на мгновение потерял связь с базой данных. Запрос можно безопасно "
        "отправить ещё раз.",
    "The request was not accepted: {fields}.":
        "Запрос не принят: {fields}.",
    "There is no such address on this service.":
        "На сервисе нет такого адреса.",
    "This address does not accept that method.":
        "Этот адрес не принимает такой метод запроса.",
    "Request refused.":
        "Запрос отклонён.",
}


# -- the language of a request --------------------------------------------------------------

_TAG = re.compile(r"[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*|\*")


def language_of(header: str | None) -> str:
    """"ru" when the ``Accept-Language`` header prefers Russian, else "en".

    A strict little reading of RFC 9110: comma-separated tags with optional ``q`` weights;
    the highest weight wins, the first of equals; a malformed entry or ``q=0`` is ignored.
    """
    best, best_q = ENGLISH, 0.0
    for part in (header or "").split(","):
        tag, *opts = (x.strip() for x in part.split(";"))
        if not _TAG.fullmatch(tag):
            continue
        q = 1.0
        for opt in opts:
            key, _, value = opt.partition("=")
            if key.strip().lower() == "q":
                try:
                    q = float(value.strip())
                except ValueError:
                    q = -1.0
        if not 0.0 < q <= 1.0:
            continue
        if q > best_q:
            best, best_q = tag.split("-")[0].lower(), q
    return RUSSIAN if best == RUSSIAN else ENGLISH


# -- saying it ------------------------------------------------------------------------------


def _word(field: str, value: Any) -> Any:
    words = WORDS.get(field)
    if words is None or not isinstance(value, str):
        return value
    if callable(words):
        return words(value)
    return words.get(value, value)


def render(template: str, fields: Mapping[str, Any], language: str) -> str:
    """``template`` filled with ``fields`` in ``language``; English where no Russian is known."""
    if language == RUSSIAN and template in RU:
        try:
            return RU[template].format(**{k: _word(k, v) for k, v in fields.items()})
        except (KeyError, IndexError, ValueError):
            pass  # a catalogue mistake must not turn a refusal into a server error
    return template.format(**fields)


def message_of(exc: DomainError, language: str) -> str:
    """The refusal's sentence in ``language``."""
    template = getattr(exc, "template", None)
    if language != RUSSIAN or template is None:
        return exc.message
    return render(template, exc.fields, language)
