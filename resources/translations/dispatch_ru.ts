<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru" sourcelanguage="en">
<context>
    <name>Conflicts</name>
    <message>
        <location filename="../../app/ui/conflicts.py" line="32"/>
        <source>register the incident</source>
        <translation>зарегистрировать происшествие</translation>
    </message>
    <message>
        <location filename="../../app/ui/conflicts.py" line="33"/>
        <source>edit the incident</source>
        <translation>изменить происшествие</translation>
    </message>
    <message>
        <location filename="../../app/ui/conflicts.py" line="34"/>
        <source>take the incident</source>
        <translation>взять происшествие</translation>
    </message>
    <message>
        <location filename="../../app/ui/conflicts.py" line="35"/>
        <source>release the incident</source>
        <translation>отпустить происшествие</translation>
    </message>
    <message>
        <location filename="../../app/ui/conflicts.py" line="36"/>
        <source>hand over to a duty service</source>
        <translation>передать в службу</translation>
    </message>
    <message>
        <location filename="../../app/ui/conflicts.py" line="37"/>
        <source>report a hand-over stage</source>
        <translation>отметить этап передачи</translation>
    </message>
    <message>
        <location filename="../../app/ui/conflicts.py" line="38"/>
        <source>add a note</source>
        <translation>добавить заметку</translation>
    </message>
    <message>
        <location filename="../../app/ui/conflicts.py" line="39"/>
        <source>add a caller</source>
        <translation>добавить заявителя</translation>
    </message>
    <message>
        <location filename="../../app/ui/conflicts.py" line="44"/>
        <source>type</source>
        <translation>тип</translation>
    </message>
    <message>
        <location filename="../../app/ui/conflicts.py" line="45"/>
        <source>priority</source>
        <translation>приоритет</translation>
    </message>
    <message>
        <location filename="../../app/ui/conflicts.py" line="46"/>
        <source>address</source>
        <translation>адрес</translation>
    </message>
    <message>
        <location filename="../../app/ui/conflicts.py" line="47"/>
        <source>description</source>
        <translation>описание</translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <location filename="../../app/ui/conflicts.py" line="69"/>
        <source>Changes the service refused</source>
        <translation>Изменения, отклонённые сервером</translation>
    </message>
    <message>
        <location filename="../../app/ui/conflicts.py" line="72"/>
        <source>These changes were made while the service could not be reached, and the service refused them when they arrived — usually because someone else changed the incident meanwhile. Check the incident, then send the change again on its current state, or drop it.</source>
        <translation>Эти изменения сделаны, пока сервер был недоступен, и сервер отклонил их при получении — обычно потому, что происшествие тем временем изменил кто-то другой. Проверьте происшествие, затем отправьте изменение снова на его текущее состояние или откажитесь от него.</translation>
    </message>
    <message>
        <location filename="../../app/ui/conflicts.py" line="78"/>
        <source>Made at</source>
        <translation>Сделано</translation>
    </message>
    <message>
        <location filename="../../app/ui/conflicts.py" line="78"/>
        <source>Incident</source>
        <translation>Происшествие</translation>
    </message>
    <message>
        <location filename="../../app/ui/conflicts.py" line="79"/>
        <source>Change</source>
        <translation>Изменение</translation>
    </message>
    <message>
        <location filename="../../app/ui/conflicts.py" line="79"/>
        <source>Why it was refused</source>
        <translation>Почему отклонено</translation>
    </message>
    <message>
        <location filename="../../app/ui/conflicts.py" line="87"/>
        <source>&amp;Send again</source>
        <translation>&amp;Отправить снова</translation>
    </message>
    <message>
        <location filename="../../app/ui/conflicts.py" line="89"/>
        <source>Send it again on the incident as it is now — Ctrl+Enter</source>
        <translation>Отправить снова на текущее состояние происшествия — Ctrl+Enter</translation>
    </message>
    <message>
        <location filename="../../app/ui/conflicts.py" line="92"/>
        <source>&amp;Drop it</source>
        <translation>О&amp;тказаться</translation>
    </message>
    <message>
        <location filename="../../app/ui/conflicts.py" line="94"/>
        <source>Drop this change — Ctrl+Delete</source>
        <translation>Отказаться от этого изменения — Ctrl+Delete</translation>
    </message>
    <message>
        <location filename="../../app/ui/conflicts.py" line="96"/>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <location filename="../../app/ui/conflicts.py" line="162"/>
        <source>Drop the change</source>
        <translation>Отказ от изменения</translation>
    </message>
    <message>
        <location filename="../../app/ui/conflicts.py" line="163"/>
        <source>Drop “%1”? It will not be sent, and the incident stays as the service has it.</source>
        <translation>Отказаться от «%1»? Оно не будет отправлено, происшествие останется таким, как на сервере.</translation>
    </message>
</context>
<context>
    <name>Console</name>
    <message>
        <location filename="../../app/ui/console.py" line="47"/>
        <source>Preparing the embedded service and the demo city…</source>
        <translation>Запускается встроенный сервер и готовится демонстрационный город…</translation>
    </message>
    <message>
        <location filename="../../app/ui/console.py" line="49"/>
        <source>City dispatch</source>
        <translation>ЕДДС города</translation>
    </message>
</context>
<context>
    <name>DeclareDialog</name>
    <message>
        <location filename="../../app/ui/emergency_dialogs.py" line="88"/>
        <source>Change the level</source>
        <translation>Изменить уровень</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_dialogs.py" line="88"/>
        <source>Declare</source>
        <translation>Ввести режим ЧС</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_dialogs.py" line="91"/>
        <source>Emergency level of %1</source>
        <translation>Уровень ЧС по %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_dialogs.py" line="92"/>
        <source>Raise %1 to an emergency</source>
        <translation>Перевести %1 в режим ЧС</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_dialogs.py" line="96"/>
        <source>Dead and injured, as far as known</source>
        <translation>Погибшие и пострадавшие, насколько известно</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_dialogs.py" line="99"/>
        <source> thousand roubles</source>
        <translation> тыс. руб.</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_dialogs.py" line="112"/>
        <source>what happened, who decided</source>
        <translation>что произошло, кто принял решение</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_dialogs.py" line="116"/>
        <source>Victims:</source>
        <translation>Пострадавшие:</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_dialogs.py" line="117"/>
        <source>Damage:</source>
        <translation>Ущерб:</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_dialogs.py" line="118"/>
        <source>Settlements or districts in the zone:</source>
        <translation>Поселений или районов в зоне ЧС:</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_dialogs.py" line="119"/>
        <source>Regions in the zone:</source>
        <translation>Субъектов РФ в зоне ЧС:</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_dialogs.py" line="120"/>
        <source>By decree 304:</source>
        <translation>По постановлению № 304:</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_dialogs.py" line="121"/>
        <source>Level:</source>
        <translation>Уровень:</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_dialogs.py" line="122"/>
        <source>Reason:</source>
        <translation>Основание:</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_dialogs.py" line="145"/>
        <source>%1 (a hint: the decision is yours)</source>
        <translation>%1 (подсказка: решение за вами)</translation>
    </message>
</context>
<context>
    <name>DocumentMaker</name>
    <message>
        <location filename="../../app/ui/shift_handover_document.py" line="69"/>
        <location filename="../../app/ui/shift_handover_document.py" line="116"/>
        <source>Room</source>
        <translation>Зал</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_handover_document.py" line="70"/>
        <source>Shift</source>
        <translation>Смена</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_handover_document.py" line="71"/>
        <source>Summary as of</source>
        <translation>Сводка на</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_handover_document.py" line="72"/>
        <source>Received in the shift</source>
        <translation>Поступило за смену</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_handover_document.py" line="73"/>
        <source>Closed in the shift</source>
        <translation>Закрыто за смену</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_handover_document.py" line="74"/>
        <source>Open now</source>
        <translation>Открыто сейчас</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_handover_document.py" line="75"/>
        <source>Resolved, waiting to be closed</source>
        <translation>Решено, ожидает закрытия</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_handover_document.py" line="77"/>
        <source>Shift handover</source>
        <translation>Передача смены</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_handover_document.py" line="84"/>
        <source>not yet accepted</source>
        <translation>ещё не принята</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_handover_document.py" line="86"/>
        <source>Handed over by</source>
        <translation>Сдал(а)</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_handover_document.py" line="88"/>
        <source>Accepted by</source>
        <translation>Принял(а)</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_handover_document.py" line="104"/>
        <source>Incidents passing to the next shift</source>
        <translation>Происшествия, переходящие на следующую смену</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_handover_document.py" line="105"/>
        <location filename="../../app/ui/shift_handover_document.py" line="116"/>
        <source>Number</source>
        <translation>Номер</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_handover_document.py" line="105"/>
        <location filename="../../app/ui/shift_handover_document.py" line="116"/>
        <source>Type</source>
        <translation>Тип</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_handover_document.py" line="105"/>
        <location filename="../../app/ui/shift_handover_document.py" line="117"/>
        <source>Address</source>
        <translation>Адрес</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_handover_document.py" line="106"/>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_handover_document.py" line="106"/>
        <source>Age</source>
        <translation>Время</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_handover_document.py" line="106"/>
        <source>Duty services</source>
        <translation>Службы</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_handover_document.py" line="107"/>
        <source>Worked by</source>
        <translation>В работе у</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_handover_document.py" line="107"/>
        <source>Emergency</source>
        <translation>ЧС</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_handover_document.py" line="108"/>
        <source>No unfinished incidents.</source>
        <translation>Незавершённых происшествий нет.</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_handover_document.py" line="115"/>
        <source>Emergencies in effect</source>
        <translation>Действующие ЧС</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_handover_document.py" line="116"/>
        <source>Level</source>
        <translation>Уровень</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_handover_document.py" line="117"/>
        <source>Declared</source>
        <translation>Объявлена</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_handover_document.py" line="117"/>
        <source>Next report due</source>
        <translation>Очередное донесение</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_handover_document.py" line="118"/>
        <source>No emergency in effect.</source>
        <translation>Действующих ЧС нет.</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_handover_document.py" line="126"/>
        <source>Compliance with the norms</source>
        <translation>Соблюдение нормативов</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_handover_document.py" line="127"/>
        <source>Step</source>
        <translation>Этап</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_handover_document.py" line="127"/>
        <source>Done</source>
        <translation>Выполнено</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_handover_document.py" line="127"/>
        <source>Within norm</source>
        <translation>В нормативе</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_handover_document.py" line="133"/>
        <source>Claims passing to the incoming supervisor</source>
        <translation>Закрепления, переходящие к принимающему старшему дежурному</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_handover_document.py" line="134"/>
        <source>Held by</source>
        <translation>В работе у</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_handover_document.py" line="134"/>
        <source>Incidents</source>
        <translation>Происшествия</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_handover_document.py" line="135"/>
        <source>Nobody holds an incident.</source>
        <translation>Закреплённых происшествий нет.</translation>
    </message>
</context>
<context>
    <name>DutyBoard</name>
    <message>
        <location filename="../../app/ui/duty/board_model.py" line="48"/>
        <source>No.</source>
        <translation>№</translation>
    </message>
    <message>
        <location filename="../../app/ui/duty/board_model.py" line="49"/>
        <source>Handed over</source>
        <translation>Передано</translation>
    </message>
    <message>
        <location filename="../../app/ui/duty/board_model.py" line="50"/>
        <source>Type</source>
        <translation>Тип</translation>
    </message>
    <message>
        <location filename="../../app/ui/duty/board_model.py" line="51"/>
        <source>Address</source>
        <translation>Адрес</translation>
    </message>
    <message>
        <location filename="../../app/ui/duty/board_model.py" line="52"/>
        <source>Stage</source>
        <translation>Этап</translation>
    </message>
    <message>
        <location filename="../../app/ui/duty/board_model.py" line="53"/>
        <source>Acknowledgement</source>
        <translation>Подтверждение получения</translation>
    </message>
    <message>
        <location filename="../../app/ui/duty/board_model.py" line="54"/>
        <source>Crews</source>
        <translation>Бригады</translation>
    </message>
    <message>
        <location filename="../../app/ui/duty/board_model.py" line="118"/>
        <source>Emergency (ЧС), %1</source>
        <translation>ЧС, %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/duty/board_model.py" line="142"/>
        <source>(not classified)</source>
        <translation>(тип не определён)</translation>
    </message>
    <message>
        <location filename="../../app/ui/duty/board_model.py" line="161"/>
        <source>late by %s</source>
        <translation>просрочено на %s</translation>
    </message>
</context>
<context>
    <name>DutyWindow</name>
    <message>
        <location filename="../../app/ui/duty/window.py" line="46"/>
        <source>Acknowledge</source>
        <translation>Подтвердить получение</translation>
    </message>
    <message>
        <location filename="../../app/ui/duty/window.py" line="47"/>
        <source>Crew dispatched</source>
        <translation>Бригада выехала</translation>
    </message>
    <message>
        <location filename="../../app/ui/duty/window.py" line="48"/>
        <source>On scene</source>
        <translation>На месте</translation>
    </message>
    <message>
        <location filename="../../app/ui/duty/window.py" line="49"/>
        <source>Resolved</source>
        <translation>Решено</translation>
    </message>
    <message>
        <location filename="../../app/ui/duty/window.py" line="79"/>
        <source>%s — hand-overs from the city dispatch</source>
        <translation>%s — передачи из ЕДДС города</translation>
    </message>
    <message>
        <location filename="../../app/ui/duty/window.py" line="131"/>
        <source>Received:</source>
        <translation>Поступило:</translation>
    </message>
    <message>
        <location filename="../../app/ui/duty/window.py" line="132"/>
        <source>Address:</source>
        <translation>Адрес:</translation>
    </message>
    <message>
        <location filename="../../app/ui/duty/window.py" line="133"/>
        <source>What happened:</source>
        <translation>Что случилось:</translation>
    </message>
    <message>
        <location filename="../../app/ui/duty/window.py" line="134"/>
        <source>Stages:</source>
        <translation>Этапы:</translation>
    </message>
    <message>
        <location filename="../../app/ui/duty/window.py" line="135"/>
        <source>Crew:</source>
        <translation>Бригада:</translation>
    </message>
    <message>
        <location filename="../../app/ui/duty/window.py" line="137"/>
        <source>&amp;Hand-over</source>
        <translation>&amp;Передача</translation>
    </message>
    <message>
        <location filename="../../app/ui/duty/window.py" line="169"/>
        <location filename="../../app/ui/duty/window.py" line="203"/>
        <source>Connecting…</source>
        <translation>Подключение…</translation>
    </message>
    <message>
        <location filename="../../app/ui/duty/window.py" line="199"/>
        <source>Connected to the city dispatch service</source>
        <translation>Подключено к ЕДДС города</translation>
    </message>
    <message>
        <location filename="../../app/ui/duty/window.py" line="200"/>
        <source>No connection to the city dispatch service; reports wait and are sent when it is back</source>
        <translation>Нет связи с ЕДДС города; доклады ждут и будут отправлены, когда связь восстановится</translation>
    </message>
    <message>
        <location filename="../../app/ui/duty/window.py" line="202"/>
        <source>The session has ended: sign in again</source>
        <translation>Сеанс завершён: войдите снова</translation>
    </message>
    <message>
        <location filename="../../app/ui/duty/window.py" line="212"/>
        <source>The service refused: %s</source>
        <translation>Сервер отклонил: %s</translation>
    </message>
    <message>
        <location filename="../../app/ui/duty/window.py" line="243"/>
        <source>No hand-overs</source>
        <translation>Передач нет</translation>
    </message>
    <message>
        <location filename="../../app/ui/duty/window.py" line="251"/>
        <source>%1 · EMERGENCY (ЧС), %2</source>
        <translation>%1 · ЧС, %2</translation>
    </message>
</context>
<context>
    <name>Emergency</name>
    <message>
        <location filename="../../app/ui/emergency_dialogs.py" line="67"/>
        <source>Sending…</source>
        <translation>Отправка…</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_words.py" line="17"/>
        <source>local</source>
        <translation>локальный</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_words.py" line="18"/>
        <source>municipal</source>
        <translation>муниципальный</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_words.py" line="19"/>
        <source>intermunicipal</source>
        <translation>межмуниципальный</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_words.py" line="20"/>
        <source>regional</source>
        <translation>региональный</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_words.py" line="21"/>
        <source>interregional</source>
        <translation>межрегиональный</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_words.py" line="22"/>
        <source>federal</source>
        <translation>федеральный</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_words.py" line="26"/>
        <source>first report</source>
        <translation>первичное донесение</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_words.py" line="27"/>
        <source>update</source>
        <translation>очередное донесение</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_words.py" line="28"/>
        <source>final report</source>
        <translation>итоговое донесение</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_words.py" line="63"/>
        <source>%1 s</source>
        <translation>%1 с</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_words.py" line="66"/>
        <source>%1 min</source>
        <translation>%1 мин</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_words.py" line="67"/>
        <source>%1 h %2 min</source>
        <translation>%1 ч %2 мин</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_words.py" line="78"/>
        <source>report overdue by %1</source>
        <translation>донесение просрочено на %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_words.py" line="80"/>
        <source>report due in %1</source>
        <translation>донесение через %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_words.py" line="86"/>
        <source>The service cannot be reached; nothing was recorded. Try again: the same change is not recorded twice.</source>
        <translation>Сервис недоступен; ничего не записано. Повторите: одно и то же изменение дважды не запишется.</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_words.py" line="92"/>
        <source>Someone changed this incident meanwhile. Check it and try again.</source>
        <translation>Происшествие тем временем изменили. Проверьте его и повторите.</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_words.py" line="97"/>
        <source>That report is out of order: the %1 is due now.</source>
        <translation>Это донесение не по порядку: сейчас ожидается %1.</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_words.py" line="100"/>
        <source>The final report was already sent; no more reports are due.</source>
        <translation>Итоговое донесение уже отправлено; донесений больше не требуется.</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_words.py" line="103"/>
        <source>Only a supervisor or an admin may declare, change or lift an emergency.</source>
        <translation>Вводить, изменять и снимать режим ЧС может только старший дежурный или администратор.</translation>
    </message>
</context>
<context>
    <name>EmergencyBanner</name>
    <message>
        <location filename="../../app/ui/emergency_banner.py" line="85"/>
        <source>EMERGENCY %1 · %2</source>
        <translation>ЧС %1 · %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_banner.py" line="86"/>
        <source>EMERGENCY LIFTED %1 · %2</source>
        <translation>ЧС СНЯТА %1 · %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_banner.py" line="107"/>
        <source>Open the report to the crisis centre — Ctrl+Alt+R</source>
        <translation>Открыть донесение в ЦУКС — Ctrl+Alt+R</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_banner.py" line="114"/>
        <source>(+%1 more)</source>
        <translation>(ещё %1)</translation>
    </message>
</context>
<context>
    <name>EmergencyBox</name>
    <message>
        <location filename="../../app/ui/emergency_card.py" line="44"/>
        <location filename="../../app/ui/emergency_card.py" line="81"/>
        <source>Raise to emergency…</source>
        <translation>Перевести в ЧС…</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_card.py" line="46"/>
        <source>Declare an emergency on this incident — %1</source>
        <translation>Ввести режим ЧС по происшествию — %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_card.py" line="48"/>
        <source>Lift emergency…</source>
        <translation>Снять режим ЧС…</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_card.py" line="50"/>
        <source>Lift the emergency on this incident — %1</source>
        <translation>Снять режим ЧС по происшествию — %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_card.py" line="52"/>
        <source>Emergency report…</source>
        <translation>Донесение о ЧС…</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_card.py" line="54"/>
        <source>The report to the crisis centre — %1</source>
        <translation>Донесение в ЦУКС — %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_card.py" line="80"/>
        <source>Change emergency level…</source>
        <translation>Изменить уровень ЧС…</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_card.py" line="92"/>
        <source>No emergency</source>
        <translation>Режим ЧС не вводился</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_card.py" line="97"/>
        <source>%1 %2 since %3</source>
        <translation>%1 ЧС, уровень: %2, с %3</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_card.py" line="98"/>
        <source>%1 %2, lifted at %3</source>
        <translation>%1 ЧС, уровень: %2, снята в %3</translation>
    </message>
</context>
<context>
    <name>EmergencyDesk</name>
    <message>
        <location filename="../../app/ui/emergency_desk.py" line="42"/>
        <source>Emergencies</source>
        <translation>ЧС</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_desk.py" line="66"/>
        <source>Raise to &amp;emergency…</source>
        <translation>Перевести в &amp;ЧС…</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_desk.py" line="68"/>
        <source>&amp;Lift emergency…</source>
        <translation>&amp;Снять режим ЧС…</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_desk.py" line="69"/>
        <source>Emergency &amp;report…</source>
        <translation>&amp;Донесение о ЧС…</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_desk.py" line="99"/>
        <source>Select an incident the service has registered first.</source>
        <translation>Сначала выберите происшествие, зарегистрированное сервисом.</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_desk.py" line="118"/>
        <source>No emergency is in force on %1.</source>
        <translation>По %1 режим ЧС не действует.</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_desk.py" line="135"/>
        <source>No emergency has been declared on this incident.</source>
        <translation>По этому происшествию режим ЧС не вводился.</translation>
    </message>
</context>
<context>
    <name>Escalation</name>
    <message>
        <location filename="../../app/ui/escalation.py" line="31"/>
        <source>registration</source>
        <translation>регистрация</translation>
    </message>
    <message>
        <location filename="../../app/ui/escalation.py" line="32"/>
        <source>hand-over</source>
        <translation>передача службе</translation>
    </message>
    <message>
        <location filename="../../app/ui/escalation.py" line="33"/>
        <source>acknowledgement</source>
        <translation>подтверждение приёма</translation>
    </message>
    <message>
        <location filename="../../app/ui/escalation.py" line="34"/>
        <source>arrival</source>
        <translation>прибытие</translation>
    </message>
    <message>
        <location filename="../../app/ui/escalation.py" line="35"/>
        <source>resolution</source>
        <translation>решение</translation>
    </message>
</context>
<context>
    <name>ExceptionsPanel</name>
    <message>
        <location filename="../../app/ui/wall/panels/exceptions.py" line="67"/>
        <source>Critical and overdue</source>
        <translation>Критические и просроченные</translation>
    </message>
    <message>
        <location filename="../../app/ui/wall/panels/exceptions.py" line="92"/>
        <source>+%d more</source>
        <translation>ещё %d</translation>
    </message>
    <message>
        <location filename="../../app/ui/wall/panels/exceptions.py" line="93"/>
        <source>Nothing critical or overdue</source>
        <translation>Критических и просроченных нет</translation>
    </message>
    <message>
        <location filename="../../app/ui/wall/panels/exceptions.py" line="104"/>
        <source>emergency, %s</source>
        <translation>ЧС, %s</translation>
    </message>
    <message>
        <location filename="../../app/ui/wall/panels/exceptions.py" line="105"/>
        <source>emergency lifted, %s</source>
        <translation>ЧС снята, %s</translation>
    </message>
    <message>
        <location filename="../../app/ui/wall/panels/exceptions.py" line="106"/>
        <source>report by %s</source>
        <translation>донесение к %s</translation>
    </message>
    <message>
        <location filename="../../app/ui/wall/panels/exceptions.py" line="117"/>
        <source>critical</source>
        <translation>критич.</translation>
    </message>
    <message>
        <location filename="../../app/ui/wall/panels/exceptions.py" line="121"/>
        <source>late</source>
        <translation>просроч.</translation>
    </message>
</context>
<context>
    <name>HistoryWindow</name>
    <message>
        <location filename="../../app/ui/wall/history.py" line="102"/>
        <source>Wall, back in time</source>
        <translation>Видеостена: назад во времени</translation>
    </message>
    <message>
        <location filename="../../app/ui/wall/history.py" line="117"/>
        <source>%d days ago</source>
        <translation>%d дн. назад</translation>
    </message>
    <message>
        <location filename="../../app/ui/wall/history.py" line="125"/>
        <source>Moment shown</source>
        <translation>Показанный момент</translation>
    </message>
    <message>
        <location filename="../../app/ui/wall/history.py" line="126"/>
        <source>Drag, or use the arrow keys (10 min) and Page Up/Down (1 h)</source>
        <translation>Тяните ползунок или нажимайте стрелки (10 мин) и Page Up/Page Down (1 ч)</translation>
    </message>
    <message>
        <location filename="../../app/ui/wall/history.py" line="131"/>
        <source>now</source>
        <translation>сейчас</translation>
    </message>
    <message>
        <location filename="../../app/ui/wall/history.py" line="136"/>
        <source>−1 h</source>
        <translation>−1 ч</translation>
    </message>
    <message>
        <location filename="../../app/ui/wall/history.py" line="137"/>
        <source>−10 min</source>
        <translation>−10 мин</translation>
    </message>
    <message>
        <location filename="../../app/ui/wall/history.py" line="138"/>
        <source>+10 min</source>
        <translation>+10 мин</translation>
    </message>
    <message>
        <location filename="../../app/ui/wall/history.py" line="139"/>
        <source>+1 h</source>
        <translation>+1 ч</translation>
    </message>
    <message>
        <location filename="../../app/ui/wall/history.py" line="149"/>
        <source>Moment shown, city time</source>
        <translation>Показанный момент, время города</translation>
    </message>
    <message>
        <location filename="../../app/ui/wall/history.py" line="150"/>
        <source>Type a moment (city time) and press Enter</source>
        <translation>Введите момент (время города) и нажмите Enter</translation>
    </message>
    <message>
        <location filename="../../app/ui/wall/history.py" line="152"/>
        <source>State at (city time):</source>
        <translation>Состояние на (время города):</translation>
    </message>
    <message>
        <location filename="../../app/ui/wall/history.py" line="154"/>
        <source>&amp;Back to live</source>
        <translation>&amp;Вернуться к текущему</translation>
    </message>
    <message>
        <location filename="../../app/ui/wall/history.py" line="246"/>
        <source>Rebuilding the state at %s…</source>
        <translation>Восстанавливаю состояние на %s…</translation>
    </message>
    <message>
        <location filename="../../app/ui/wall/history.py" line="282"/>
        <source>Could not rebuild that moment: %s</source>
        <translation>Не удалось восстановить этот момент: %s</translation>
    </message>
    <message>
        <location filename="../../app/ui/wall/history.py" line="331"/>
        <source>◀ %s — back in time</source>
        <translation>◀ %s — просмотр прошлого</translation>
    </message>
</context>
<context>
    <name>IncidentCard</name>
    <message>
        <location filename="../../app/ui/card.py" line="84"/>
        <source>Take (Ctrl+K)</source>
        <translation>Взять (Ctrl+K)</translation>
    </message>
    <message>
        <location filename="../../app/ui/card.py" line="85"/>
        <source>Take the incident to work on it — Ctrl+K</source>
        <translation>Взять происшествие в работу — Ctrl+K</translation>
    </message>
    <message>
        <location filename="../../app/ui/card.py" line="86"/>
        <source>Release</source>
        <translation>Отпустить</translation>
    </message>
    <message>
        <location filename="../../app/ui/card.py" line="87"/>
        <source>Let others work on it — Ctrl+Shift+K</source>
        <translation>Освободить для других — Ctrl+Shift+K</translation>
    </message>
    <message>
        <location filename="../../app/ui/card.py" line="88"/>
        <source>Take over</source>
        <translation>Перехватить</translation>
    </message>
    <message>
        <location filename="../../app/ui/card.py" line="89"/>
        <source>Supervisor: take the incident from its holder — Ctrl+Alt+K</source>
        <translation>Старший смены: забрать происшествие у держателя — Ctrl+Alt+K</translation>
    </message>
    <message>
        <location filename="../../app/ui/card.py" line="100"/>
        <source>Source</source>
        <translation>Источник</translation>
    </message>
    <message>
        <location filename="../../app/ui/card.py" line="100"/>
        <source>Received</source>
        <translation>Поступило</translation>
    </message>
    <message>
        <location filename="../../app/ui/card.py" line="101"/>
        <source>Address</source>
        <translation>Адрес</translation>
    </message>
    <message>
        <location filename="../../app/ui/card.py" line="101"/>
        <source>District</source>
        <translation>Район</translation>
    </message>
    <message>
        <location filename="../../app/ui/card.py" line="102"/>
        <source>Room</source>
        <translation>Зал</translation>
    </message>
    <message>
        <location filename="../../app/ui/card.py" line="102"/>
        <source>Place</source>
        <translation>Место</translation>
    </message>
    <message>
        <location filename="../../app/ui/card.py" line="103"/>
        <source>Intake</source>
        <translation>Приём</translation>
    </message>
    <message>
        <location filename="../../app/ui/card.py" line="104"/>
        <source>Description</source>
        <translation>Описание</translation>
    </message>
    <message>
        <location filename="../../app/ui/card.py" line="105"/>
        <source>Stamps</source>
        <translation>Отметки</translation>
    </message>
    <message>
        <location filename="../../app/ui/card.py" line="105"/>
        <source>Result</source>
        <translation>Результат</translation>
    </message>
    <message>
        <location filename="../../app/ui/card.py" line="115"/>
        <source>Service</source>
        <translation>Служба</translation>
    </message>
    <message>
        <location filename="../../app/ui/card.py" line="115"/>
        <source>Stage</source>
        <translation>Этап</translation>
    </message>
    <message>
        <location filename="../../app/ui/card.py" line="115"/>
        <source>Handed</source>
        <translation>Передано</translation>
    </message>
    <message>
        <location filename="../../app/ui/card.py" line="115"/>
        <source>Ack</source>
        <translation>Принято</translation>
    </message>
    <message>
        <location filename="../../app/ui/card.py" line="116"/>
        <source>Crew</source>
        <translation>Выезд</translation>
    </message>
    <message>
        <location filename="../../app/ui/card.py" line="116"/>
        <source>Scene</source>
        <translation>На месте</translation>
    </message>
    <message>
        <location filename="../../app/ui/card.py" line="116"/>
        <source>Done</source>
        <translation>Выполнено</translation>
    </message>
    <message>
        <location filename="../../app/ui/card.py" line="116"/>
        <source>Norm</source>
        <translation>Норматив</translation>
    </message>
    <message>
        <location filename="../../app/ui/card.py" line="123"/>
        <source>Incident card</source>
        <translation>Карточка происшествия</translation>
    </message>
    <message>
        <location filename="../../app/ui/card.py" line="129"/>
        <source>Record for the selected hand-over: %s — Ctrl+%d</source>
        <translation>Отметить для выбранной передачи: %s — Ctrl+%d</translation>
    </message>
    <message>
        <location filename="../../app/ui/card.py" line="132"/>
        <source>Record for the selected hand-over: %s</source>
        <translation>Запись по выбранной передаче: %s</translation>
    </message>
    <message>
        <location filename="../../app/ui/card.py" line="138"/>
        <source>Services to hand over to; the incident type ticks its default ones</source>
        <translation>Службы для передачи; тип происшествия отмечает свои службы по умолчанию</translation>
    </message>
    <message>
        <location filename="../../app/ui/card.py" line="148"/>
        <source>Hand over to the ticked services (Ctrl+H)</source>
        <translation>Передать отмеченным службам (Ctrl+H)</translation>
    </message>
    <message>
        <location filename="../../app/ui/card.py" line="149"/>
        <source>Hand the incident over — Ctrl+H</source>
        <translation>Передать происшествие — Ctrl+H</translation>
    </message>
    <message>
        <location filename="../../app/ui/card.py" line="150"/>
        <source>Hand-overs</source>
        <translation>Передачи в службы</translation>
    </message>
    <message>
        <location filename="../../app/ui/card.py" line="162"/>
        <source>Save (Ctrl+S)</source>
        <translation>Сохранить (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../app/ui/card.py" line="163"/>
        <source>Save the priority and description — Ctrl+S</source>
        <translation>Сохранить приоритет и описание — Ctrl+S</translation>
    </message>
    <message>
        <location filename="../../app/ui/card.py" line="165"/>
        <source>Save the priority and description</source>
        <translation>Сохранить приоритет и описание</translation>
    </message>
    <message>
        <location filename="../../app/ui/card.py" line="167"/>
        <source>Edit</source>
        <translation>Изменение</translation>
    </message>
    <message>
        <location filename="../../app/ui/card.py" line="175"/>
        <source>result of closing, or reason to cancel or reopen</source>
        <translation>результат закрытия или причина отмены/возобновления</translation>
    </message>
    <message>
        <location filename="../../app/ui/card.py" line="190"/>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location filename="../../app/ui/card.py" line="199"/>
        <source>a note for the room (Enter adds it)</source>
        <translation>заметка для зала (Enter — добавить)</translation>
    </message>
    <message>
        <location filename="../../app/ui/card.py" line="202"/>
        <source>Notes</source>
        <translation>Заметки</translation>
    </message>
    <message>
        <location filename="../../app/ui/card.py" line="206"/>
        <source>Timeline</source>
        <translation>Хронология</translation>
    </message>
    <message>
        <location filename="../../app/ui/card.py" line="234"/>
        <source>Take the incident</source>
        <translation>Взять происшествие</translation>
    </message>
    <message>
        <location filename="../../app/ui/card.py" line="236"/>
        <source>Release the incident</source>
        <translation>Отпустить происшествие</translation>
    </message>
    <message>
        <location filename="../../app/ui/card.py" line="238"/>
        <source>Take over from its holder (supervisor)</source>
        <translation>Забрать у текущего исполнителя (старший дежурный)</translation>
    </message>
    <message>
        <location filename="../../app/ui/card.py" line="241"/>
        <source>Hand over to the ticked services</source>
        <translation>Передать в отмеченные службы</translation>
    </message>
    <message>
        <location filename="../../app/ui/card.py" line="286"/>
        <source>No incident selected</source>
        <translation>Происшествие не выбрано</translation>
    </message>
    <message>
        <location filename="../../app/ui/card.py" line="292"/>
        <source>Held by you</source>
        <translation>В работе у вас</translation>
    </message>
    <message>
        <location filename="../../app/ui/card.py" line="293"/>
        <source>Held by %s</source>
        <translation>В работе у: %s</translation>
    </message>
    <message>
        <location filename="../../app/ui/card.py" line="293"/>
        <source>Not held</source>
        <translation>Никто не взял</translation>
    </message>
    <message>
        <location filename="../../app/ui/card.py" line="303"/>
        <source>entrance %s</source>
        <translation>подъезд %s</translation>
    </message>
    <message>
        <location filename="../../app/ui/card.py" line="303"/>
        <source>floor %s</source>
        <translation>этаж %s</translation>
    </message>
    <message>
        <location filename="../../app/ui/card.py" line="304"/>
        <source>flat %s</source>
        <translation>кв. %s</translation>
    </message>
    <message>
        <location filename="../../app/ui/card.py" line="311"/>
        <source>registered in %s</source>
        <translation>зарегистрировано за %s</translation>
    </message>
    <message>
        <location filename="../../app/ui/card.py" line="315"/>
        <source>registered</source>
        <translation>зарегистрировано</translation>
    </message>
    <message>
        <location filename="../../app/ui/card.py" line="316"/>
        <source>dispatched</source>
        <translation>передано</translation>
    </message>
    <message>
        <location filename="../../app/ui/card.py" line="317"/>
        <source>in progress</source>
        <translation>в работе</translation>
    </message>
    <message>
        <location filename="../../app/ui/card.py" line="318"/>
        <source>resolved</source>
        <translation>решено</translation>
    </message>
    <message>
        <location filename="../../app/ui/card.py" line="319"/>
        <source>closed</source>
        <translation>закрыто</translation>
    </message>
    <message>
        <location filename="../../app/ui/card.py" line="358"/>
        <source>ack in %s</source>
        <translation>подтверждение через %s</translation>
    </message>
    <message>
        <location filename="../../app/ui/card.py" line="359"/>
        <source>ack late by %s</source>
        <translation>подтверждение просрочено на %s</translation>
    </message>
    <message>
        <location filename="../../app/ui/card.py" line="379"/>
        <source>Not sent yet: its history starts when the service takes it.</source>
        <translation>Ещё не отправлено: хронология начнётся, когда сервер его примет.</translation>
    </message>
    <message>
        <location filename="../../app/ui/card.py" line="385"/>
        <source>The history is shown when the service can be reached again.</source>
        <translation>Хронология появится, когда сервер снова станет доступен.</translation>
    </message>
    <message>
        <location filename="../../app/ui/card.py" line="418"/>
        <source>(recorded offline, reached the service at %1)</source>
        <translation>(записано без связи, поступило на сервер в %1)</translation>
    </message>
    <message>
        <location filename="../../app/ui/card.py" line="453"/>
        <source>The service cannot be reached; nothing was changed. Try again.</source>
        <translation>Сервер недоступен; ничего не изменено. Повторите попытку.</translation>
    </message>
    <message>
        <location filename="../../app/ui/card.py" line="456"/>
        <source>Someone else changed this incident meanwhile; the card now shows their version. Check it and repeat your action.</source>
        <translation>Происшествие тем временем изменил другой пользователь; карточка показывает новую версию. Проверьте её и повторите действие.</translation>
    </message>
    <message>
        <location filename="../../app/ui/card.py" line="471"/>
        <source>Working…</source>
        <translation>Выполняется…</translation>
    </message>
    <message>
        <location filename="../../app/ui/card.py" line="478"/>
        <source>Saved on this console: it is sent when the service can be reached again.</source>
        <translation>Сохранено на этом рабочем месте: будет отправлено, когда сервер снова станет доступен.</translation>
    </message>
    <message>
        <location filename="../../app/ui/card.py" line="502"/>
        <source>Select a hand-over first.</source>
        <translation>Сначала выберите передачу.</translation>
    </message>
    <message>
        <location filename="../../app/ui/card.py" line="514"/>
        <source>Tick at least one duty service.</source>
        <translation>Отметьте хотя бы одну службу.</translation>
    </message>
    <message>
        <location filename="../../app/ui/card.py" line="525"/>
        <source>Merge</source>
        <translation>Объединение</translation>
    </message>
    <message>
        <location filename="../../app/ui/card.py" line="526"/>
        <source>Number of the incident to merge into:</source>
        <translation>Номер происшествия, в которое объединить:</translation>
    </message>
    <message>
        <location filename="../../app/ui/card.py" line="532"/>
        <source>There is no incident %s in the room&apos;s state.</source>
        <translation>Происшествия %s нет в данных зала.</translation>
    </message>
</context>
<context>
    <name>IntakeDialog</name>
    <message>
        <location filename="../../app/ui/intake.py" line="68"/>
        <location filename="../../app/ui/intake.py" line="198"/>
        <source>New incident</source>
        <translation>Новое происшествие</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake.py" line="85"/>
        <source>street: type any part of its name</source>
        <translation>улица: начните вводить любую часть названия</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake.py" line="88"/>
        <source>house</source>
        <translation>дом</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake.py" line="94"/>
        <source>landmark: &quot;behind the school&quot;, &quot;garages&quot;</source>
        <translation>ориентир: «за школой», «гаражи»</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake.py" line="95"/>
        <source>Address &amp;not verified (pin only)</source>
        <translation>Адрес &amp;не проверен (только метка)</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake.py" line="100"/>
        <source>type: a word of what happened</source>
        <translation>тип: слово о том, что случилось</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake.py" line="105"/>
        <source>caller&apos;s phone</source>
        <translation>телефон заявителя</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake.py" line="107"/>
        <source>caller&apos;s name</source>
        <translation>имя заявителя</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake.py" line="113"/>
        <source>what happened, in one line</source>
        <translation>что случилось, одной строкой</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake.py" line="126"/>
        <source>Register (Enter)</source>
        <translation>Зарегистрировать (Enter)</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake.py" line="127"/>
        <source>Register the incident — Enter</source>
        <translation>Зарегистрировать происшествие — Enter</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake.py" line="130"/>
        <source>Attach to duplicate (F8)</source>
        <translation>Прикрепить к дублю (F8)</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake.py" line="132"/>
        <source>Add this call to the highlighted possible duplicate instead — F8</source>
        <translation>Вместо регистрации добавить звонок к выделенному возможному дублю — F8</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake.py" line="133"/>
        <source>Call back… (Ctrl+B)</source>
        <translation>Перезвонить… (Ctrl+B)</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake.py" line="134"/>
        <source>Record the result of calling the caller back — Ctrl+B</source>
        <translation>Записать результат обратного звонка — Ctrl+B</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake.py" line="136"/>
        <source>Cancel (Esc)</source>
        <translation>Отмена (Esc)</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake.py" line="143"/>
        <source>Entr&amp;ance</source>
        <translation>&amp;Подъезд</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake.py" line="144"/>
        <source>F&amp;loor</source>
        <translation>&amp;Этаж</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake.py" line="145"/>
        <source>&amp;Flat</source>
        <translation>&amp;Квартира</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake.py" line="154"/>
        <source>&amp;Address:</source>
        <translation>&amp;Адрес:</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake.py" line="155"/>
        <source>&amp;Type:</source>
        <translation>&amp;Тип:</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake.py" line="160"/>
        <source>P&amp;hone:</source>
        <translation>Тел&amp;ефон:</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake.py" line="162"/>
        <source>&amp;Description:</source>
        <translation>&amp;Описание:</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake.py" line="163"/>
        <source>S&amp;ource:</source>
        <translation>&amp;Источник:</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake.py" line="164"/>
        <source>Possible duplicates:</source>
        <translation>Возможные дубли:</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake.py" line="199"/>
        <source>Attach to duplicate</source>
        <translation>Привязать к дубликату</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake.py" line="200"/>
        <source>Call back…</source>
        <translation>Перезвонить…</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake.py" line="240"/>
        <source>✓ in the gazetteer: %s</source>
        <translation>✓ есть в адресном реестре: %s</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake.py" line="244"/>
        <source>⚠ not in the gazetteer: will be registered as not verified</source>
        <translation>⚠ нет в адресном реестре: будет зарегистрирован как непроверенный</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake.py" line="248"/>
        <source>pin: %.5f, %.5f</source>
        <translation>метка: %.5f, %.5f</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake.py" line="262"/>
        <source>Priority %s · services: %s</source>
        <translation>Приоритет %s · службы: %s</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake.py" line="282"/>
        <source>Looking up earlier calls…</source>
        <translation>Поиск прежних обращений…</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake.py" line="289"/>
        <source>No earlier calls from this number.</source>
        <translation>Прежних обращений с этого номера нет.</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake.py" line="295"/>
        <source>%d earlier call(s): %s</source>
        <translation>Прежних обращений: %d: %s</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake.py" line="335"/>
        <source>%1 m</source>
        <translation>%1 м</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake.py" line="372"/>
        <source>Pick the incident type from the list (type a word, then Tab).</source>
        <translation>Выберите тип происшествия из списка (введите слово и нажмите Tab).</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake.py" line="378"/>
        <source>Call-back: %s</source>
        <translation>Обратный звонок: %s</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake.py" line="402"/>
        <source>The service cannot be reached; nothing was lost. Press Enter to try again.</source>
        <translation>Сервер недоступен; ничего не потеряно. Нажмите Enter, чтобы повторить.</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake.py" line="415"/>
        <source>Registering…</source>
        <translation>Регистрация…</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake.py" line="423"/>
        <source>Repeat call: %s</source>
        <translation>Повторный звонок: %s</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake.py" line="425"/>
        <source>call-back: %s</source>
        <translation>обратный звонок: %s</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake.py" line="445"/>
        <source>Enter the caller&apos;s phone to call back.</source>
        <translation>Чтобы перезвонить, введите телефон заявителя.</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake.py" line="449"/>
        <source>reached the caller</source>
        <translation>дозвонились</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake.py" line="449"/>
        <source>no answer</source>
        <translation>не отвечает</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake.py" line="449"/>
        <source>busy</source>
        <translation>занято</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake.py" line="450"/>
        <source>number unavailable</source>
        <translation>номер недоступен</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake.py" line="456"/>
        <source>Call back: %s</source>
        <translation>Обратный звонок: %s</translation>
    </message>
</context>
<context>
    <name>JournalExportDialog</name>
    <message>
        <location filename="../../app/ui/journal_export.py" line="43"/>
        <location filename="../../app/ui/journal_export.py" line="87"/>
        <source>Export the journal</source>
        <translation>Экспорт журнала</translation>
    </message>
    <message>
        <location filename="../../app/ui/journal_export.py" line="53"/>
        <source>From (city time):</source>
        <translation>С (время города):</translation>
    </message>
    <message>
        <location filename="../../app/ui/journal_export.py" line="54"/>
        <source>To, not included:</source>
        <translation>По (не включая):</translation>
    </message>
    <message>
        <location filename="../../app/ui/journal_export.py" line="56"/>
        <source>Every change the service recorded in the period, in order, with who made it and its link in the journal&apos;s hash chain; at most %1 days. Callers appear by id only.</source>
        <translation>Все изменения, записанные сервером за период, по порядку, с указанием автора и звена в хеш-цепочке журнала; не более %1 дн. Заявители указываются только по идентификатору.</translation>
    </message>
    <message>
        <location filename="../../app/ui/journal_export.py" line="63"/>
        <source>&amp;Save as CSV…</source>
        <translation>&amp;Сохранить в CSV…</translation>
    </message>
    <message>
        <location filename="../../app/ui/journal_export.py" line="65"/>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <location filename="../../app/ui/journal_export.py" line="88"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../app/ui/journal_export.py" line="95"/>
        <source>Choose a period that ends after it starts and spans at most %1 days.</source>
        <translation>Выберите период, который заканчивается позже начала и длится не более %1 дн.</translation>
    </message>
    <message>
        <location filename="../../app/ui/journal_export.py" line="100"/>
        <source>Exporting…</source>
        <translation>Экспорт…</translation>
    </message>
    <message>
        <location filename="../../app/ui/journal_export.py" line="106"/>
        <source>Saved to %1 (%2 KB)</source>
        <translation>Сохранено в %1 (%2 КБ)</translation>
    </message>
    <message>
        <location filename="../../app/ui/journal_export.py" line="112"/>
        <source>The service cannot be reached; try again.</source>
        <translation>Сервер недоступен; повторите попытку.</translation>
    </message>
    <message>
        <location filename="../../app/ui/journal_export.py" line="116"/>
        <source>Could not write the file: %1</source>
        <translation>Не удалось записать файл: %1</translation>
    </message>
</context>
<context>
    <name>KpiPanel</name>
    <message>
        <location filename="../../app/ui/wall/panels/kpi.py" line="67"/>
        <source>Incidents now</source>
        <translation>Происшествия сейчас</translation>
    </message>
    <message>
        <location filename="../../app/ui/wall/panels/kpi.py" line="71"/>
        <source>Open</source>
        <translation>Открыто</translation>
    </message>
    <message>
        <location filename="../../app/ui/wall/panels/kpi.py" line="72"/>
        <source>Critical</source>
        <translation>Критические</translation>
    </message>
    <message>
        <location filename="../../app/ui/wall/panels/kpi.py" line="73"/>
        <source>priority 1</source>
        <translation>приоритет 1</translation>
    </message>
    <message>
        <location filename="../../app/ui/wall/panels/kpi.py" line="75"/>
        <source>Overdue</source>
        <translation>Просрочено</translation>
    </message>
    <message>
        <location filename="../../app/ui/wall/panels/kpi.py" line="76"/>
        <source>past their norm</source>
        <translation>сверх норматива</translation>
    </message>
    <message>
        <location filename="../../app/ui/wall/panels/kpi.py" line="80"/>
        <source>Awaiting acknowledgement</source>
        <translation>Ждут подтверждения</translation>
    </message>
    <message>
        <location filename="../../app/ui/wall/panels/kpi.py" line="81"/>
        <source>%d past the norm</source>
        <translation>%d сверх норматива</translation>
    </message>
    <message>
        <location filename="../../app/ui/wall/panels/kpi.py" line="83"/>
        <source>Last hour</source>
        <translation>За час</translation>
    </message>
    <message>
        <location filename="../../app/ui/wall/panels/kpi.py" line="84"/>
        <source>registered</source>
        <translation>зарегистрировано</translation>
    </message>
    <message>
        <location filename="../../app/ui/wall/panels/kpi.py" line="86"/>
        <source>Time to register, this shift</source>
        <translation>Время регистрации, эта смена</translation>
    </message>
    <message>
        <location filename="../../app/ui/wall/panels/kpi.py" line="88"/>
        <source>Time to hand over, this shift</source>
        <translation>Время передачи в службы, эта смена</translation>
    </message>
    <message>
        <location filename="../../app/ui/wall/panels/kpi.py" line="94"/>
        <source>in force</source>
        <translation>действует</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/wall/panels/kpi.py" line="95"/>
        <source>%n report(s) late</source>
        <translation>
            <numerusform>%n донесение просрочено</numerusform>
            <numerusform>%n донесения просрочены</numerusform>
            <numerusform>%n донесений просрочено</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/wall/panels/kpi.py" line="96"/>
        <source>Emergencies</source>
        <translation>ЧС</translation>
    </message>
    <message>
        <location filename="../../app/ui/wall/panels/kpi.py" line="100"/>
        <source>mean %s · 90%% within %s</source>
        <translation>среднее %s · 90%% за %s</translation>
    </message>
    <message>
        <location filename="../../app/ui/wall/panels/kpi.py" line="102"/>
        <source>nothing measured yet</source>
        <translation>пока нечего измерить</translation>
    </message>
    <message>
        <location filename="../../app/ui/wall/panels/kpi.py" line="105"/>
        <source> · norm %s</source>
        <translation> · норматив %s</translation>
    </message>
    <message>
        <location filename="../../app/ui/wall/panels/kpi.py" line="107"/>
        <source>%d%% within the norm, below 90%%</source>
        <translation>%d%% в нормативе, ниже 90%%</translation>
    </message>
    <message>
        <location filename="../../app/ui/wall/panels/kpi.py" line="109"/>
        <source>%d%% within the norm</source>
        <translation>%d%% в нормативе</translation>
    </message>
</context>
<context>
    <name>LiftDialog</name>
    <message>
        <location filename="../../app/ui/emergency_dialogs.py" line="159"/>
        <source>Lift</source>
        <translation>Снять</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_dialogs.py" line="161"/>
        <source>Lift the emergency on %1</source>
        <translation>Снять режим ЧС по %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_dialogs.py" line="165"/>
        <source>why it is over, on whose decision</source>
        <translation>почему окончена, чьим решением</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_dialogs.py" line="166"/>
        <source>The final report to the crisis centre becomes due.</source>
        <translation>После снятия ожидается итоговое донесение в ЦУКС.</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_dialogs.py" line="168"/>
        <source>Reason:</source>
        <translation>Основание:</translation>
    </message>
</context>
<context>
    <name>LiveStatusBar</name>
    <message>
        <location filename="../../app/ui/live_status.py" line="57"/>
        <source>● Live</source>
        <translation>● На связи</translation>
    </message>
    <message>
        <location filename="../../app/ui/live_status.py" line="60"/>
        <source>Signed out: sign in again</source>
        <translation>Сеанс завершён: войдите снова</translation>
    </message>
    <message>
        <location filename="../../app/ui/live_status.py" line="63"/>
        <source>✕ Offline for %s — reconnecting</source>
        <translation>✕ Нет связи %s — переподключение</translation>
    </message>
    <message>
        <location filename="../../app/ui/live_status.py" line="67"/>
        <source>Connecting…</source>
        <translation>Подключение…</translation>
    </message>
    <message>
        <location filename="../../app/ui/live_status.py" line="70"/>
        <source>Last change: %s</source>
        <translation>Последнее изменение: %s</translation>
    </message>
    <message>
        <location filename="../../app/ui/live_status.py" line="71"/>
        <source>Last change: —</source>
        <translation>Последнее изменение: —</translation>
    </message>
    <message>
        <location filename="../../app/ui/live_status.py" line="74"/>
        <source>⚠ Clock differs from the service by %.1f s</source>
        <translation>⚠ Часы расходятся с сервером на %.1f с</translation>
    </message>
    <message>
        <location filename="../../app/ui/live_status.py" line="77"/>
        <source>Clock offset %+.1f s</source>
        <translation>Расхождение часов %+.1f с</translation>
    </message>
    <message>
        <location filename="../../app/ui/live_status.py" line="85"/>
        <source>Online: %s</source>
        <translation>В сети: %s</translation>
    </message>
    <message>
        <location filename="../../app/ui/live_status.py" line="87"/>
        <source>%s holds %d incident(s)</source>
        <translation>%s: в работе %d</translation>
    </message>
</context>
<context>
    <name>LoadPanel</name>
    <message>
        <location filename="../../app/ui/wall/panels/load.py" line="55"/>
        <source>Duty services: open and overdue</source>
        <translation>Службы: в работе и просрочено</translation>
    </message>
    <message>
        <location filename="../../app/ui/wall/panels/load.py" line="88"/>
        <source>+%d more</source>
        <translation>ещё %d</translation>
    </message>
    <message>
        <location filename="../../app/ui/wall/panels/load.py" line="121"/>
        <source>%d open · %s %d late</source>
        <translation>%d в работе · %s %d просрочено</translation>
    </message>
    <message>
        <location filename="../../app/ui/wall/panels/load.py" line="125"/>
        <source>%d open</source>
        <translation>%d в работе</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../app/ui/login.py" line="37"/>
        <source>Sign in — city dispatch</source>
        <translation>Вход — ЕДДС города</translation>
    </message>
    <message>
        <location filename="../../app/ui/login.py" line="43"/>
        <source>&amp;Embedded service on this computer</source>
        <translation>&amp;Встроенный сервер на этом компьютере</translation>
    </message>
    <message>
        <location filename="../../app/ui/login.py" line="44"/>
        <source>&amp;Central service:</source>
        <translation>&amp;Центральный сервер:</translation>
    </message>
    <message>
        <location filename="../../app/ui/login.py" line="64"/>
        <source>&amp;Login:</source>
        <translation>&amp;Логин:</translation>
    </message>
    <message>
        <location filename="../../app/ui/login.py" line="65"/>
        <source>&amp;Password:</source>
        <translation>&amp;Пароль:</translation>
    </message>
    <message>
        <location filename="../../app/ui/login.py" line="68"/>
        <source>Sign in</source>
        <translation>Войти</translation>
    </message>
    <message>
        <location filename="../../app/ui/login.py" line="85"/>
        <source>Enter the address of the central service.</source>
        <translation>Введите адрес центрального сервера.</translation>
    </message>
    <message>
        <location filename="../../app/ui/login.py" line="88"/>
        <source>Enter your login and password.</source>
        <translation>Введите логин и пароль.</translation>
    </message>
    <message>
        <location filename="../../app/ui/login.py" line="91"/>
        <source>Signing in…</source>
        <translation>Вход…</translation>
    </message>
    <message>
        <location filename="../../app/ui/login.py" line="119"/>
        <source>The service at %s cannot be reached. Check the address and the network, or choose the embedded service.</source>
        <translation>Сервер %s недоступен. Проверьте адрес и сеть или выберите встроенный сервер.</translation>
    </message>
    <message>
        <location filename="../../app/ui/login.py" line="122"/>
        <source>Your session has expired. Sign in again.</source>
        <translation>Сеанс истёк. Войдите снова.</translation>
    </message>
    <message>
        <location filename="../../app/ui/login.py" line="125"/>
        <source>Wrong login or password.</source>
        <translation>Неверный логин или пароль.</translation>
    </message>
    <message>
        <location filename="../../app/ui/login.py" line="128"/>
        <source>Too many failed attempts. Try again in %s s.</source>
        <translation>Слишком много неудачных попыток. Повторите через %s с.</translation>
    </message>
    <message>
        <location filename="../../app/ui/login.py" line="130"/>
        <source>Signing in failed: %s</source>
        <translation>Не удалось войти: %s</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/ui/main_window.py" line="66"/>
        <source>City dispatch — %s (%s)</source>
        <translation>ЕДДС — %s (%s)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="92"/>
        <source>Incident card</source>
        <translation>Карточка происшествия</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="131"/>
        <source>City map</source>
        <translation>Карта города</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="136"/>
        <source>Show only what the queue shows</source>
        <translation>Показывать только то, что в очереди</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="137"/>
        <source>Apply the queue&apos;s filter to the map too</source>
        <translation>Применять фильтр очереди и к карте</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="164"/>
        <source>Past the norm</source>
        <translation>Просрочено</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="176"/>
        <source>&amp;Incident</source>
        <translation>&amp;Происшествие</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="178"/>
        <source>&amp;New incident</source>
        <translation>&amp;Новое происшествие</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="179"/>
        <source>&amp;Take the oldest unclaimed</source>
        <translation>&amp;Взять самое давнее невзятое</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="180"/>
        <source>&amp;Search the queue</source>
        <translation>&amp;Поиск в очереди</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="181"/>
        <source>&amp;Queue</source>
        <translation>&amp;Очередь</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="182"/>
        <source>&amp;Card</source>
        <translation>&amp;Карточка</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="183"/>
        <source>&amp;Refused changes…</source>
        <translation>&amp;Отклонённые изменения…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="187"/>
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="206"/>
        <source>&amp;Larger text</source>
        <translation>Текст &amp;крупнее</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="209"/>
        <source>&amp;Smaller text</source>
        <translation>Текст &amp;мельче</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="212"/>
        <source>&amp;Normal text size</source>
        <translation>&amp;Обычный размер текста</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="214"/>
        <source>&amp;Settings</source>
        <translation>&amp;Настройки</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="215"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Настройки…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="188"/>
        <source>Open the &amp;wall in a window</source>
        <translation>Открыть &amp;видеостену в окне</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="190"/>
        <source>Shift &amp;compliance…</source>
        <translation>&amp;Соблюдение нормативов за смену…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="196"/>
        <source>Wall, &amp;back in time…</source>
        <translation>Видеостена: &amp;назад во времени…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="198"/>
        <source>&amp;Reports…</source>
        <translation>&amp;Отчёты…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="199"/>
        <source>Shift &amp;handover…</source>
        <translation>&amp;Передача смены…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="201"/>
        <source>Export the &amp;journal…</source>
        <translation>Экспорт &amp;журнала…</translation>
    </message>
</context>
<context>
    <name>MapController</name>
    <message>
        <location filename="../../app/ui/map_panel.py" line="55"/>
        <source>Incidents</source>
        <translation>Происшествия</translation>
    </message>
    <message>
        <location filename="../../app/ui/map_panel.py" line="56"/>
        <source>Crews</source>
        <translation>Экипажи</translation>
    </message>
    <message>
        <location filename="../../app/ui/map_panel.py" line="56"/>
        <source>Emergencies</source>
        <translation>ЧС</translation>
    </message>
    <message>
        <location filename="../../app/ui/map_panel.py" line="57"/>
        <source>Heat, 24 h</source>
        <translation>Плотность за 24 ч</translation>
    </message>
    <message>
        <location filename="../../app/ui/map_panel.py" line="58"/>
        <source>Districts</source>
        <translation>Районы</translation>
    </message>
    <message>
        <location filename="../../app/ui/map_panel.py" line="95"/>
        <source>past its norm</source>
        <translation>норматив превышен</translation>
    </message>
</context>
<context>
    <name>MapPanel</name>
    <message>
        <location filename="../../app/ui/wall/panels/map.py" line="47"/>
        <source>The map is not available here</source>
        <translation>Карта здесь недоступна</translation>
    </message>
    <message>
        <location filename="../../app/ui/wall/panels/map.py" line="62"/>
        <source>City map</source>
        <translation>Карта города</translation>
    </message>
</context>
<context>
    <name>NoticeList</name>
    <message>
        <location filename="../../app/ui/escalation.py" line="147"/>
        <source>Incidents past a norm; click one to open its card</source>
        <translation>Происшествия с просроченным нормативом; щелчок открывает карточку</translation>
    </message>
    <message>
        <location filename="../../app/ui/escalation.py" line="154"/>
        <source>%1 is past its %2 norm (%3)</source>
        <translation>%1: просрочен норматив «%2» (%3)</translation>
    </message>
    <message>
        <location filename="../../app/ui/escalation.py" line="156"/>
        <source>%1 is past its %2 norm</source>
        <translation>%1: просрочен норматив «%2»</translation>
    </message>
</context>
<context>
    <name>OutboxBanner</name>
    <message>
        <location filename="../../app/ui/outbox_banner.py" line="26"/>
        <source>Review refused changes (F9)</source>
        <translation>Разобрать отклонённые изменения (F9)</translation>
    </message>
    <message>
        <location filename="../../app/ui/outbox_banner.py" line="27"/>
        <source>Decide on the changes the service refused — F9</source>
        <translation>Решить, что делать с изменениями, отклонёнными сервером — F9</translation>
    </message>
    <message>
        <location filename="../../app/ui/outbox_banner.py" line="56"/>
        <source>Offline — %1 changes waiting</source>
        <translation>Нет связи — изменений в очереди: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/outbox_banner.py" line="59"/>
        <source>Sending %1 changes…</source>
        <translation>Отправляется изменений: %1…</translation>
    </message>
    <message>
        <location filename="../../app/ui/outbox_banner.py" line="61"/>
        <source>%1 changes refused by the service wait for your decision</source>
        <translation>Изменений, отклонённых сервером и ждущих вашего решения: %1</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <location filename="../../app/ui/shift_handover.py" line="85"/>
        <source>Sign</source>
        <translation>Подписать</translation>
    </message>
</context>
<context>
    <name>PeoplePanel</name>
    <message>
        <location filename="../../app/ui/wall/panels/people.py" line="42"/>
        <source>Clock, shift and people</source>
        <translation>Время, смена, дежурные</translation>
    </message>
    <message>
        <location filename="../../app/ui/wall/panels/people.py" line="51"/>
        <source>Online: %d</source>
        <translation>На связи: %d</translation>
    </message>
    <message>
        <location filename="../../app/ui/wall/panels/people.py" line="65"/>
        <source>+%d more</source>
        <translation>ещё %d</translation>
    </message>
    <message>
        <location filename="../../app/ui/wall/panels/people.py" line="72"/>
        <source>%s — holds %d: %s</source>
        <translation>%s — в работе %d: %s</translation>
    </message>
    <message>
        <location filename="../../app/ui/wall/panels/people.py" line="82"/>
        <source>Shift %s · ends in %s</source>
        <translation>Смена %s · до конца %s</translation>
    </message>
</context>
<context>
    <name>Queue</name>
    <message>
        <location filename="../../app/ui/queue_model.py" line="54"/>
        <source>Number</source>
        <translation>Номер</translation>
    </message>
    <message>
        <location filename="../../app/ui/queue_model.py" line="55"/>
        <source>Priority</source>
        <translation>Приоритет</translation>
    </message>
    <message>
        <location filename="../../app/ui/queue_model.py" line="56"/>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location filename="../../app/ui/queue_model.py" line="57"/>
        <source>Type</source>
        <translation>Тип</translation>
    </message>
    <message>
        <location filename="../../app/ui/queue_model.py" line="58"/>
        <source>Address</source>
        <translation>Адрес</translation>
    </message>
    <message>
        <location filename="../../app/ui/queue_model.py" line="59"/>
        <source>Duty services</source>
        <translation>Службы</translation>
    </message>
    <message>
        <location filename="../../app/ui/queue_model.py" line="60"/>
        <source>Age</source>
        <translation>Время</translation>
    </message>
    <message>
        <location filename="../../app/ui/queue_model.py" line="61"/>
        <source>Holder</source>
        <translation>В работе у</translation>
    </message>
    <message>
        <location filename="../../app/ui/queue_model.py" line="98"/>
        <location filename="../../app/ui/queue_model.py" line="371"/>
        <source>flat %s</source>
        <translation>кв. %s</translation>
    </message>
    <message>
        <location filename="../../app/ui/queue_model.py" line="105"/>
        <location filename="../../app/ui/queue_model.py" line="372"/>
        <source>(not verified)</source>
        <translation>(не проверен)</translation>
    </message>
    <message>
        <location filename="../../app/ui/queue_model.py" line="223"/>
        <source>A temporary number: the service gives the real one when it is back.</source>
        <translation>Временный номер: настоящий присвоит сервер, когда связь восстановится.</translation>
    </message>
    <message>
        <location filename="../../app/ui/queue_model.py" line="248"/>
        <source>Emergency, %1</source>
        <translation>ЧС, %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/queue_model.py" line="261"/>
        <source>%s (not sent)</source>
        <translation>%s (не отправлено)</translation>
    </message>
    <message>
        <location filename="../../app/ui/queue_model.py" line="314"/>
        <source>Past the %1 norm by %2</source>
        <translation>Норматив «%1» превышен на %2</translation>
    </message>
</context>
<context>
    <name>QueuePanel</name>
    <message>
        <location filename="../../app/ui/queue_panel.py" line="57"/>
        <source>Search: number, address, type, text… (Ctrl+F)</source>
        <translation>Поиск: номер, адрес, тип, текст… (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../app/ui/queue_panel.py" line="61"/>
        <source>Status filter — Alt+S</source>
        <translation>Фильтр по статусу — Alt+S</translation>
    </message>
    <message>
        <location filename="../../app/ui/queue_panel.py" line="62"/>
        <source>Active</source>
        <translation>Активные</translation>
    </message>
    <message>
        <location filename="../../app/ui/queue_panel.py" line="63"/>
        <source>All statuses</source>
        <translation>Все статусы</translation>
    </message>
    <message>
        <location filename="../../app/ui/queue_panel.py" line="67"/>
        <source>Priority filter — Alt+P</source>
        <translation>Фильтр по приоритету — Alt+P</translation>
    </message>
    <message>
        <location filename="../../app/ui/queue_panel.py" line="68"/>
        <source>Any priority</source>
        <translation>Любой приоритет</translation>
    </message>
    <message>
        <location filename="../../app/ui/queue_panel.py" line="69"/>
        <source>Critical and high</source>
        <translation>Критический и высокий</translation>
    </message>
    <message>
        <location filename="../../app/ui/queue_panel.py" line="73"/>
        <source>Room filter — Alt+R</source>
        <translation>Фильтр по залу — Alt+R</translation>
    </message>
    <message>
        <location filename="../../app/ui/queue_panel.py" line="74"/>
        <source>All rooms</source>
        <translation>Все залы</translation>
    </message>
    <message>
        <location filename="../../app/ui/queue_panel.py" line="77"/>
        <source>&amp;Mine</source>
        <translation>&amp;Мои</translation>
    </message>
    <message>
        <location filename="../../app/ui/queue_panel.py" line="78"/>
        <source>Only the incidents I hold — Alt+M</source>
        <translation>Только взятые мной — Alt+M</translation>
    </message>
    <message>
        <location filename="../../app/ui/queue_panel.py" line="81"/>
        <source>Saved filters</source>
        <translation>Сохранённые фильтры</translation>
    </message>
    <message>
        <location filename="../../app/ui/queue_panel.py" line="82"/>
        <source>Save filter…</source>
        <translation>Сохранить фильтр…</translation>
    </message>
    <message>
        <location filename="../../app/ui/queue_panel.py" line="83"/>
        <source>Save the current filter under a name — Ctrl+Shift+F</source>
        <translation>Сохранить текущий фильтр под именем — Ctrl+Shift+F</translation>
    </message>
    <message>
        <location filename="../../app/ui/queue_panel.py" line="88"/>
        <source>&amp;Status:</source>
        <translation>&amp;Статус:</translation>
    </message>
    <message>
        <location filename="../../app/ui/queue_panel.py" line="89"/>
        <source>&amp;Priority:</source>
        <translation>&amp;Приоритет:</translation>
    </message>
    <message>
        <location filename="../../app/ui/queue_panel.py" line="90"/>
        <source>&amp;Room:</source>
        <translation>&amp;Зал:</translation>
    </message>
    <message>
        <location filename="../../app/ui/queue_panel.py" line="134"/>
        <location filename="../../app/ui/queue_panel.py" line="136"/>
        <source>Queue</source>
        <translation>Очередь</translation>
    </message>
    <message>
        <location filename="../../app/ui/queue_panel.py" line="135"/>
        <source>Save the current filter under a name</source>
        <translation>Сохранить текущий фильтр под именем</translation>
    </message>
    <message>
        <location filename="../../app/ui/queue_panel.py" line="190"/>
        <source>Saved filters…</source>
        <translation>Сохранённые фильтры…</translation>
    </message>
    <message>
        <location filename="../../app/ui/queue_panel.py" line="196"/>
        <source>Save filter</source>
        <translation>Сохранение фильтра</translation>
    </message>
    <message>
        <location filename="../../app/ui/queue_panel.py" line="196"/>
        <source>Name:</source>
        <translation>Имя:</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <location filename="../../app/ui/emergency_report.py" line="73"/>
        <source>Emergency report — %1</source>
        <translation>Донесение о ЧС — %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_report.py" line="76"/>
        <source>Loading the draft…</source>
        <translation>Загрузка проекта донесения…</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_report.py" line="87"/>
        <source>Consequences, people (as far as known)</source>
        <translation>Последствия, чел. (насколько известно)</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_report.py" line="89"/>
        <source>Dead</source>
        <translation>Погибло</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_report.py" line="89"/>
        <source>Injured</source>
        <translation>Пострадало</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_report.py" line="90"/>
        <source>Evacuated</source>
        <translation>Эвакуировано</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_report.py" line="91"/>
        <source>Living conditions disrupted</source>
        <translation>Нарушены условия жизнедеятельности</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_report.py" line="96"/>
        <source>not known</source>
        <translation>уточняется</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_report.py" line="104"/>
        <source>anything the draft does not say</source>
        <translation>то, чего нет в проекте донесения</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_report.py" line="110"/>
        <source>phone</source>
        <translation>телефон</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_report.py" line="110"/>
        <source>fax</source>
        <translation>факс</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_report.py" line="110"/>
        <source>e-mail</source>
        <translation>электронная почта</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_report.py" line="111"/>
        <source>the ministry&apos;s system</source>
        <translation>система МЧС</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_report.py" line="114"/>
        <source>name and post of the crisis-centre officer</source>
        <translation>ФИО и должность дежурного ЦУКС</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_report.py" line="118"/>
        <source>Additions:</source>
        <translation>Дополнительно:</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_report.py" line="119"/>
        <source>Sent by:</source>
        <translation>Способ передачи:</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_report.py" line="120"/>
        <source>Accepted by:</source>
        <translation>Принял:</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_report.py" line="129"/>
        <source>Copy text</source>
        <translation>Копировать текст</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_report.py" line="131"/>
        <source>Copy the report as text, to send it by e-mail or the ministry&apos;s system</source>
        <translation>Скопировать донесение текстом — для электронной почты или системы МЧС</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_report.py" line="135"/>
        <source>Send</source>
        <translation>Отправить</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_report.py" line="138"/>
        <source>Record the report as sent to the crisis centre</source>
        <translation>Записать донесение как переданное в ЦУКС</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_report.py" line="149"/>
        <source>Reports sent:</source>
        <translation>Переданные донесения:</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_report.py" line="175"/>
        <source>None yet.</source>
        <translation>Пока нет.</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_report.py" line="177"/>
        <source>No. %1, %2: sent %3 by %4, accepted by %5 (%6)</source>
        <translation>№ %1, %2: передано %3, передал %4, принял %5 (%6)</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_report.py" line="195"/>
        <source>Emergency (%1): no report is due.</source>
        <translation>ЧС (%1): донесений не требуется.</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_report.py" line="201"/>
        <source>overdue by %1</source>
        <translation>просрочено на %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_report.py" line="202"/>
        <source>in %1</source>
        <translation>через %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_report.py" line="204"/>
        <source>Emergency (%1): %2 No. %3 due by %4 — %5</source>
        <translation>ЧС (%1): %2 № %3 к %4 — %5</translation>
    </message>
    <message>
        <location filename="../../app/ui/emergency_report.py" line="272"/>
        <source>Sending…</source>
        <translation>Отправка…</translation>
    </message>
</context>
<context>
    <name>ReportsWindow</name>
    <message>
        <location filename="../../app/ui/reports.py" line="132"/>
        <source>Reports</source>
        <translation>Отчёты</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports.py" line="136"/>
        <source>Today</source>
        <translation>Сегодня</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports.py" line="136"/>
        <source>This shift</source>
        <translation>Текущая смена</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports.py" line="137"/>
        <source>Yesterday</source>
        <translation>Вчера</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports.py" line="137"/>
        <source>Last 7 days</source>
        <translation>Последние 7 дней</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports.py" line="138"/>
        <source>Custom…</source>
        <translation>Произвольный…</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports.py" line="146"/>
        <source>Incident type</source>
        <translation>Тип происшествия</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports.py" line="147"/>
        <source>Duty service</source>
        <translation>Дежурная служба</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports.py" line="148"/>
        <source>District</source>
        <translation>Район</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports.py" line="149"/>
        <source>Source</source>
        <translation>Источник</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports.py" line="151"/>
        <source>&amp;Show</source>
        <translation>&amp;Показать</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports.py" line="152"/>
        <source>Export &amp;CSV…</source>
        <translation>Экспорт в &amp;CSV…</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports.py" line="153"/>
        <source>Export &amp;XLSX…</source>
        <translation>Экспорт в &amp;XLSX…</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports.py" line="158"/>
        <source>Period:</source>
        <translation>Период:</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports.py" line="164"/>
        <source>By:</source>
        <translation>По:</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports.py" line="181"/>
        <location filename="../../app/ui/reports.py" line="260"/>
        <source>Incidents</source>
        <translation>Происшествий</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports.py" line="230"/>
        <source>Loading…</source>
        <translation>Загрузка…</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports.py" line="239"/>
        <source>The report could not be made: %1</source>
        <translation>Не удалось построить отчёт: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports.py" line="246"/>
        <source>(no type)</source>
        <translation>(без типа)</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports.py" line="247"/>
        <source>(handed to nobody)</source>
        <translation>(никому не передано)</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports.py" line="248"/>
        <source>(no district)</source>
        <translation>(без района)</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports.py" line="249"/>
        <source>(unknown)</source>
        <translation>(неизвестно)</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports.py" line="261"/>
        <source>registration</source>
        <translation>регистрация</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports.py" line="261"/>
        <source>hand-over</source>
        <translation>передача</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports.py" line="261"/>
        <source>resolution</source>
        <translation>решение</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports.py" line="262"/>
        <source>%1: mean, s</source>
        <translation>%1: среднее, с</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports.py" line="263"/>
        <source>%1: p90, s</source>
        <translation>%1: p90, с</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports.py" line="264"/>
        <source>%1: within norm, %</source>
        <translation>%1: в норматив, %</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports.py" line="272"/>
        <source>Total</source>
        <translation>Итого</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports.py" line="282"/>
        <source>Incidents received %1 — %2: %3</source>
        <translation>Поступило происшествий с %1 по %2: %3</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/reports.py" line="300"/>
        <source>%n other(s)</source>
        <translation>
            <numerusform>ещё %n группа</numerusform>
            <numerusform>ещё %n группы</numerusform>
            <numerusform>ещё %n групп</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/reports.py" line="334"/>
        <source>Report</source>
        <translation>Отчёт</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports.py" line="342"/>
        <source>Export the report</source>
        <translation>Экспорт отчёта</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports.py" line="343"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports.py" line="343"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Книга Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports.py" line="350"/>
        <source>Could not write %1: %2</source>
        <translation>Не удалось записать %1: %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports.py" line="353"/>
        <source>Saved to %1</source>
        <translation>Сохранено в %1</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <location filename="../../app/ui/settings_checks.py" line="22"/>
        <source>The address has a space in it.</source>
        <translation>В адресе есть пробел.</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_checks.py" line="25"/>
        <source>The address must start with http:// or https://.</source>
        <translation>Адрес должен начинаться с http:// или https://.</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_checks.py" line="31"/>
        <source>The address names no host (a computer&apos;s name or IP address).</source>
        <translation>В адресе не указан хост (имя компьютера или IP-адрес).</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_checks.py" line="34"/>
        <source>The port after the host must be a number from 1 to 65535.</source>
        <translation>Порт после хоста должен быть числом от 1 до 65535.</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_checks.py" line="41"/>
        <source>Type the central service&apos;s address, e.g. http://dispatch.city.local:8700.</source>
        <translation>Введите адрес центрального сервера, например http://dispatch.city.local:8700.</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_checks.py" line="49"/>
        <source>Type the tile address template, e.g. https://tiles.city.local/{z}/{x}/{y}.png.</source>
        <translation>Введите шаблон адреса тайлов, например https://tiles.city.local/{z}/{x}/{y}.png.</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_checks.py" line="53"/>
        <source>The template must contain {z}, {x} and {y}; %1 is missing.</source>
        <translation>Шаблон должен содержать {z}, {x} и {y}; нет %1.</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_checks.py" line="64"/>
        <source>Choose an MBTiles file.</source>
        <translation>Выберите файл MBTiles.</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_checks.py" line="67"/>
        <source>There is no file %1.</source>
        <translation>Файла %1 нет.</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_checks.py" line="72"/>
        <source>The file cannot be read: %1</source>
        <translation>Файл не удаётся прочитать: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_checks.py" line="75"/>
        <source>This is not an MBTiles file: it is not an SQLite database.</source>
        <translation>Это не файл MBTiles: это не база данных SQLite.</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_checks.py" line="85"/>
        <source>The file cannot be read as a database: %1</source>
        <translation>Файл не удаётся прочитать как базу данных: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_checks.py" line="88"/>
        <source>This SQLite file has no tiles table, so it is not an MBTiles file.</source>
        <translation>В этом файле SQLite нет таблицы tiles, поэтому это не файл MBTiles.</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_checks.py" line="98"/>
        <source>Choose a layout file.</source>
        <translation>Выберите файл раскладки.</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_checks.py" line="103"/>
        <source>This layout cannot be used: %1</source>
        <translation>Эту раскладку нельзя использовать: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="37"/>
        <source>An incident arrived and nobody has taken it</source>
        <translation>Поступило происшествие, и никто его не взял</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="38"/>
        <source>An incident went past a norm</source>
        <translation>Происшествие вышло за норматив</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="84"/>
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="91"/>
        <source>&amp;Server</source>
        <translation>&amp;Сервер</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="92"/>
        <source>&amp;Language and text</source>
        <translation>&amp;Язык и текст</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="93"/>
        <source>&amp;Map</source>
        <translation>&amp;Карта</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="94"/>
        <source>Soun&amp;ds</source>
        <translation>&amp;Звуки</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="95"/>
        <source>&amp;Wall</source>
        <translation>&amp;Видеостена</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="115"/>
        <source>&amp;Embedded demo service on this computer</source>
        <translation>&amp;Встроенный демонстрационный сервер на этом компьютере</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="116"/>
        <source>&amp;Central service:</source>
        <translation>&amp;Центральный сервер:</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="130"/>
        <source>Takes effect the next time the console is started. A --server given on the command line wins over this setting.</source>
        <translation>Вступает в силу при следующем запуске консоли. Параметр --server в командной строке имеет приоритет над этой настройкой.</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="140"/>
        <source>Lan&amp;guage:</source>
        <translation>Я&amp;зык:</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="143"/>
        <location filename="../../app/ui/settings_dialog.py" line="216"/>
        <source>Applied at once when you press OK.</source>
        <translation>Применяется сразу после нажатия OK.</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="151"/>
        <source>&amp;Text size:</source>
        <translation>&amp;Размер текста:</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="155"/>
        <source>Also from the View menu: Ctrl++ larger, Ctrl+- smaller, Ctrl+0 normal.</source>
        <translation>Также из меню «Вид»: Ctrl++ крупнее, Ctrl+- мельче, Ctrl+0 обычный.</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="160"/>
        <source>The service&apos;s own &amp;basemap of the city (works on a closed network)</source>
        <translation>Собственная &amp;карта города на сервере (работает в закрытой сети)</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="162"/>
        <source>&amp;Online tiles:</source>
        <translation>&amp;Онлайн-тайлы:</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="163"/>
        <source>Local MBTiles &amp;file:</source>
        <translation>Локальный &amp;файл MBTiles:</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="172"/>
        <source>who made the map, shown in its corner</source>
        <translation>кто создал карту; показывается в её углу</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="175"/>
        <location filename="../../app/ui/settings_dialog.py" line="235"/>
        <source>Choose…</source>
        <translation>Выбрать…</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="176"/>
        <source>MBTiles file</source>
        <translation>Файл MBTiles</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="177"/>
        <source>MBTiles (*.mbtiles);;All files (*)</source>
        <translation>MBTiles (*.mbtiles);;Все файлы (*)</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="181"/>
        <source>Attribution:</source>
        <translation>Атрибуция:</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="194"/>
        <source>Takes effect the next time the map is made (the next start). Online tiles need the tile server to be reachable from this computer.</source>
        <translation>Вступает в силу при следующем создании карты (при следующем запуске). Для онлайн-тайлов сервер тайлов должен быть доступен с этого компьютера.</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="198"/>
        <source>&amp;Play sounds for events</source>
        <translation>&amp;Воспроизводить звуки событий</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="207"/>
        <source>Play</source>
        <translation>Прослушать</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="209"/>
        <source>Hear this sound now, even while sounds are off</source>
        <translation>Прослушать этот звук сейчас, даже если звуки выключены</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="222"/>
        <source>Default (default.toml)</source>
        <translation>По умолчанию (default.toml)</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="226"/>
        <source>Another file…</source>
        <translation>Другой файл…</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="229"/>
        <source>a TOML layout file</source>
        <translation>файл раскладки TOML</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="236"/>
        <source>Wall layout</source>
        <translation>Раскладка видеостены</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="237"/>
        <source>Layouts (*.toml);;All files (*)</source>
        <translation>Раскладки (*.toml);;Все файлы (*)</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="250"/>
        <source>as the layout says</source>
        <translation>как указано в раскладке</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="256"/>
        <source>La&amp;yout:</source>
        <translation>&amp;Раскладка:</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="258"/>
        <source>Sc&amp;reen (0 is the first):</source>
        <translation>Э&amp;кран (0 — первый):</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="261"/>
        <source>File:</source>
        <translation>Файл:</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="264"/>
        <source>Used by “dispatch wall” and by View → Open the wall in a window when no --layout or --screen is given.</source>
        <translation>Используется командой «dispatch wall» и пунктом «Вид → Открыть видеостену в окне», если не заданы --layout или --screen.</translation>
    </message>
</context>
<context>
    <name>ShiftComplianceDialog</name>
    <message>
        <location filename="../../app/ui/compliance.py" line="62"/>
        <source>Shift compliance</source>
        <translation>Соблюдение нормативов за смену</translation>
    </message>
    <message>
        <location filename="../../app/ui/compliance.py" line="72"/>
        <source>◀ Previous shift</source>
        <translation>◀ Предыдущая смена</translation>
    </message>
    <message>
        <location filename="../../app/ui/compliance.py" line="74"/>
        <source>Next shift ▶</source>
        <translation>Следующая смена ▶</translation>
    </message>
    <message>
        <location filename="../../app/ui/compliance.py" line="76"/>
        <source>Refresh</source>
        <translation>Обновить</translation>
    </message>
    <message>
        <location filename="../../app/ui/compliance.py" line="90"/>
        <source>Step</source>
        <translation>Этап</translation>
    </message>
    <message>
        <location filename="../../app/ui/compliance.py" line="90"/>
        <source>Done</source>
        <translation>Выполнено</translation>
    </message>
    <message>
        <location filename="../../app/ui/compliance.py" line="90"/>
        <source>Within norm</source>
        <translation>В нормативе</translation>
    </message>
    <message>
        <location filename="../../app/ui/compliance.py" line="90"/>
        <source>90%</source>
        <translation>90%</translation>
    </message>
    <message>
        <location filename="../../app/ui/compliance.py" line="91"/>
        <source>95%</source>
        <translation>95%</translation>
    </message>
    <message>
        <location filename="../../app/ui/compliance.py" line="91"/>
        <source>98%</source>
        <translation>98%</translation>
    </message>
    <message>
        <location filename="../../app/ui/compliance.py" line="91"/>
        <source>Norm</source>
        <translation>Норматив</translation>
    </message>
    <message>
        <location filename="../../app/ui/compliance.py" line="96"/>
        <source>Steps done by incidents received in the shift. Percentiles by nearest rank: 90% of the steps took no longer. Norms differ by incident type.</source>
        <translation>Этапы, выполненные по происшествиям, поступившим за смену. Процентили по ближайшему рангу: 90% этапов заняли не больше. Нормативы зависят от типа происшествия.</translation>
    </message>
    <message>
        <location filename="../../app/ui/compliance.py" line="121"/>
        <source>Shift %s</source>
        <translation>Смена %s</translation>
    </message>
    <message>
        <location filename="../../app/ui/compliance.py" line="124"/>
        <source>Received in the shift: %d</source>
        <translation>Поступило за смену: %d</translation>
    </message>
</context>
<context>
    <name>ShiftHandoverWindow</name>
    <message>
        <location filename="../../app/ui/shift_handover.py" line="105"/>
        <source>Shift handover</source>
        <translation>Передача смены</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_handover.py" line="126"/>
        <source>&amp;Refresh</source>
        <translation>&amp;Обновить</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_handover.py" line="132"/>
        <source>Room:</source>
        <translation>Зал:</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_handover.py" line="149"/>
        <source>&amp;Sign and hand over…</source>
        <translation>&amp;Подписать и сдать…</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_handover.py" line="152"/>
        <source>&amp;Accept and sign…</source>
        <translation>П&amp;ринять и подписать…</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_handover.py" line="155"/>
        <source>Export &amp;PDF…</source>
        <translation>Экспорт в &amp;PDF…</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_handover.py" line="157"/>
        <source>Export &amp;CSV…</source>
        <translation>Экспорт в &amp;CSV…</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_handover.py" line="208"/>
        <source>Shift %1
not signed yet</source>
        <translation>Смена %1
ещё не подписана</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_handover.py" line="229"/>
        <source>Shift %1
%2, waiting for the incoming supervisor</source>
        <translation>Смена %1
%2, ожидает принимающего старшего дежурного</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_handover.py" line="231"/>
        <source>Shift %1
%2 → %3</source>
        <translation>Смена %1
%2 → %3</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_handover.py" line="287"/>
        <source>You handed this shift over; the incoming supervisor accepts it.</source>
        <translation>Вы сдали эту смену; её должен принять принимающий старший дежурный.</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_handover.py" line="298"/>
        <source>Sign and hand over</source>
        <translation>Подписать и сдать</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_handover.py" line="299"/>
        <source>You sign the handover of shift %1 as the outgoing supervisor. The summary is frozen as it stands at this moment. Your password:</source>
        <translation>Вы подписываете передачу смены %1 как сдающий старший дежурный. Сводка фиксируется в том виде, в каком она есть в этот момент. Ваш пароль:</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_handover.py" line="309"/>
        <location filename="../../app/ui/shift_handover.py" line="330"/>
        <source>Signing…</source>
        <translation>Подписание…</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_handover.py" line="317"/>
        <source>Accept and sign</source>
        <translation>Принять и подписать</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_handover.py" line="318"/>
        <source>You accept shift %1 from %2 as the incoming supervisor; the incidents they list as worked pass to you if their operators still hold them. Your password:</source>
        <translation>Вы принимаете смену %1 от %2 как принимающий старший дежурный; указанные в сводке происшествия в работе перейдут к вам, если они ещё закреплены за своими операторами. Ваш пароль:</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_handover.py" line="339"/>
        <source>Shift %1 handed over at %2.</source>
        <translation>Смена %1 сдана в %2.</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_handover.py" line="345"/>
        <source>Shift accepted. Incidents passed to you: %1.</source>
        <translation>Смена принята. Вам переданы происшествия: %1.</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_handover.py" line="346"/>
        <source>none</source>
        <translation>нет</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_handover.py" line="358"/>
        <source>The service cannot be reached; nothing was signed. Try again.</source>
        <translation>Сервер недоступен; ничего не подписано. Повторите попытку.</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_handover.py" line="361"/>
        <source>The password is wrong; nothing was signed.</source>
        <translation>Неверный пароль; ничего не подписано.</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_handover.py" line="372"/>
        <source>Notes for the next shift</source>
        <translation>Заметки для следующей смены</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_handover.py" line="372"/>
        <source>Content hash (sha256)</source>
        <translation>Хеш содержимого (sha256)</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_handover.py" line="391"/>
        <source>Export the handover</source>
        <translation>Экспорт передачи смены</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_handover.py" line="392"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_handover.py" line="392"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_handover.py" line="399"/>
        <source>Could not write %1: %2</source>
        <translation>Не удалось записать %1: %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_handover.py" line="403"/>
        <source>Saved to %1</source>
        <translation>Сохранено в %1</translation>
    </message>
</context>
<context>
    <name>ShortcutSheet</name>
    <message>
        <location filename="../../app/ui/shortcuts.py" line="136"/>
        <source>Keyboard shortcuts — %1</source>
        <translation>Сочетания клавиш — %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/shortcuts.py" line="141"/>
        <source>Type to find an action or a key…</source>
        <translation>Введите название действия или клавишу для поиска…</translation>
    </message>
    <message>
        <location filename="../../app/ui/shortcuts.py" line="146"/>
        <source>Action</source>
        <translation>Действие</translation>
    </message>
    <message>
        <location filename="../../app/ui/shortcuts.py" line="146"/>
        <source>Keys</source>
        <translation>Клавиши</translation>
    </message>
    <message>
        <location filename="../../app/ui/shortcuts.py" line="151"/>
        <source>No action matches.</source>
        <translation>Подходящих действий нет.</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <location filename="../../app/ui/shortcuts.py" line="234"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Сочетания клавиш</translation>
    </message>
    <message>
        <location filename="../../app/ui/shortcuts.py" line="236"/>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <location filename="../../app/ui/shortcuts.py" line="244"/>
        <source>Help</source>
        <translation>Справка</translation>
    </message>
</context>
<context>
    <name>SummaryView</name>
    <message>
        <location filename="../../app/ui/shift_handover_view.py" line="100"/>
        <source>Notes for the next shift</source>
        <translation>Заметки для следующей смены</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_handover_view.py" line="105"/>
        <source>What the incoming shift must know: incidents to watch, promises made to callers, services expected back, equipment out of order…</source>
        <translation>Что должна знать принимающая смена: происшествия на контроле, обещания заявителям, ожидаемые ответы служб, неисправное оборудование…</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_handover_view.py" line="135"/>
        <source>&lt;b&gt;Content hash (sha256):&lt;/b&gt; &lt;tt&gt;%1&lt;/tt&gt;</source>
        <translation>&lt;b&gt;Хеш содержимого (sha256):&lt;/b&gt; &lt;tt&gt;%1&lt;/tt&gt;</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_handover_view.py" line="138"/>
        <source>Not signed yet: the summary is frozen when the outgoing supervisor signs.</source>
        <translation>Ещё не подписано: сводка фиксируется, когда её подписывает сдающий старший дежурный.</translation>
    </message>
</context>
<context>
    <name>Time</name>
    <message>
        <location filename="../../app/ui/timefmt.py" line="37"/>
        <source>%1 d</source>
        <translation>%1 сут.</translation>
    </message>
</context>
<context>
    <name>TrendsPanel</name>
    <message>
        <location filename="../../app/ui/wall/panels/trends.py" line="142"/>
        <source>Incidents per hour, 24 h</source>
        <translation>Происшествия по часам, 24 ч</translation>
    </message>
    <message>
        <location filename="../../app/ui/wall/panels/trends.py" line="162"/>
        <source>solid: last 24 h · dashed: a week ago</source>
        <translation>сплошная: последние 24 ч · пунктир: неделю назад</translation>
    </message>
    <message>
        <location filename="../../app/ui/wall/panels/trends.py" line="168"/>
        <source>%d in 24 h · a week ago %d</source>
        <translation>%d за 24 ч · неделю назад %d</translation>
    </message>
    <message>
        <location filename="../../app/ui/wall/panels/trends.py" line="172"/>
        <source>+%d more categories</source>
        <translation>ещё категорий: %d</translation>
    </message>
</context>
<context>
    <name>UnclaimedBanner</name>
    <message>
        <location filename="../../app/ui/unclaimed.py" line="38"/>
        <source>Take the oldest (F2)</source>
        <translation>Взять самое давнее (F2)</translation>
    </message>
    <message>
        <location filename="../../app/ui/unclaimed.py" line="39"/>
        <source>Claim the incident that has waited longest — F2</source>
        <translation>Взять происшествие, которое ждёт дольше всех — F2</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/unclaimed.py" line="90"/>
        <source>%n unclaimed incident(s) waiting; the oldest for %1</source>
        <translation>
            <numerusform>%n невзятое происшествие; самое давнее ждёт %1</numerusform>
            <numerusform>%n невзятых происшествия; самое давнее ждёт %1</numerusform>
            <numerusform>%n невзятых происшествий; самое давнее ждёт %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Wall</name>
    <message>
        <location filename="../../app/ui/wall/words.py" line="10"/>
        <source>not registered in time</source>
        <translation>не зарегистрировано в срок</translation>
    </message>
    <message>
        <location filename="../../app/ui/wall/words.py" line="11"/>
        <source>not handed over in time</source>
        <translation>не передано в срок</translation>
    </message>
    <message>
        <location filename="../../app/ui/wall/words.py" line="12"/>
        <source>not acknowledged</source>
        <translation>не подтвердили</translation>
    </message>
    <message>
        <location filename="../../app/ui/wall/words.py" line="13"/>
        <source>no crew on scene</source>
        <translation>нет бригады на месте</translation>
    </message>
    <message>
        <location filename="../../app/ui/wall/words.py" line="14"/>
        <source>not resolved in time</source>
        <translation>не решено в срок</translation>
    </message>
    <message>
        <location filename="../../app/ui/wall/words.py" line="16"/>
        <source>Sensitive call</source>
        <translation>Закрытый вызов</translation>
    </message>
</context>
<context>
    <name>WallPanel</name>
    <message>
        <location filename="../../app/ui/wall/panels/base.py" line="115"/>
        <source>◀ %s — NOT LIVE</source>
        <translation>◀ %s — НЕ В РЕАЛЬНОМ ВРЕМЕНИ</translation>
    </message>
    <message>
        <location filename="../../app/ui/wall/panels/base.py" line="117"/>
        <source>NOT LIVE</source>
        <translation>НЕ В РЕАЛЬНОМ ВРЕМЕНИ</translation>
    </message>
</context>
<context>
    <name>WallWindow</name>
    <message>
        <location filename="../../app/ui/wall/window.py" line="149"/>
        <source>Video wall</source>
        <translation>Видеостена</translation>
    </message>
    <message>
        <location filename="../../app/ui/wall/window.py" line="281"/>
        <source>● Live</source>
        <translation>● На связи</translation>
    </message>
    <message>
        <location filename="../../app/ui/wall/window.py" line="284"/>
        <source>✕ Signed out — signing in again</source>
        <translation>✕ Сеанс завершён — вход заново</translation>
    </message>
    <message>
        <location filename="../../app/ui/wall/window.py" line="287"/>
        <source>✕ Offline — reconnecting</source>
        <translation>✕ Нет связи — переподключение</translation>
    </message>
    <message>
        <location filename="../../app/ui/wall/window.py" line="290"/>
        <source>Connecting…</source>
        <translation>Подключение…</translation>
    </message>
    <message>
        <location filename="../../app/ui/wall/window.py" line="302"/>
        <source>⚠ No connection — no data received yet</source>
        <translation>⚠ Нет связи — данные ещё не получены</translation>
    </message>
    <message>
        <location filename="../../app/ui/wall/window.py" line="305"/>
        <source>less than a minute</source>
        <translation>менее минуты</translation>
    </message>
    <message>
        <location filename="../../app/ui/wall/window.py" line="307"/>
        <source>%d min</source>
        <translation>%d мин</translation>
    </message>
    <message>
        <location filename="../../app/ui/wall/window.py" line="309"/>
        <source>%d h %d min</source>
        <translation>%d ч %d мин</translation>
    </message>
    <message>
        <location filename="../../app/ui/wall/window.py" line="310"/>
        <source>⚠ No connection — data as of %s, %s ago</source>
        <translation>⚠ Нет связи — данные на %s, %s назад</translation>
    </message>
</context>
<context>
    <name>Words</name>
    <message>
        <location filename="../../app/ui/words.py" line="8"/>
        <source>new</source>
        <translation>новое</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="9"/>
        <source>registered</source>
        <translation>зарегистрировано</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="10"/>
        <source>dispatched</source>
        <translation>передано</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="11"/>
        <source>in progress</source>
        <translation>в работе</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="12"/>
        <location filename="../../app/ui/words.py" line="38"/>
        <location filename="../../app/ui/words.py" line="81"/>
        <location filename="../../app/ui/words.py" line="82"/>
        <source>resolved</source>
        <translation>решено</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="13"/>
        <location filename="../../app/ui/words.py" line="83"/>
        <source>closed</source>
        <translation>закрыто</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="14"/>
        <location filename="../../app/ui/words.py" line="85"/>
        <source>cancelled</source>
        <translation>отменено</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="15"/>
        <source>merged</source>
        <translation>объединено</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="19"/>
        <source>1 critical</source>
        <translation>1 критический</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="20"/>
        <source>2 high</source>
        <translation>2 высокий</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="21"/>
        <source>3 normal</source>
        <translation>3 обычный</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="22"/>
        <source>4 low</source>
        <translation>4 низкий</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="26"/>
        <source>phone</source>
        <translation>телефон</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="27"/>
        <source>mobile app</source>
        <translation>мобильное приложение</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="28"/>
        <source>sensor</source>
        <translation>датчик</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="29"/>
        <source>112</source>
        <translation>112</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="30"/>
        <source>walk-in</source>
        <translation>личное обращение</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="34"/>
        <location filename="../../app/ui/words.py" line="79"/>
        <source>handed over</source>
        <translation>передано</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="35"/>
        <source>acknowledged</source>
        <translation>принято службой</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="36"/>
        <location filename="../../app/ui/words.py" line="97"/>
        <source>crew dispatched</source>
        <translation>бригада выехала</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="37"/>
        <location filename="../../app/ui/words.py" line="45"/>
        <source>on scene</source>
        <translation>на месте</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="39"/>
        <source>recalled</source>
        <translation>отозвано</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="43"/>
        <source>available</source>
        <translation>свободна</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="44"/>
        <source>en route</source>
        <translation>в пути</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="46"/>
        <source>off duty</source>
        <translation>не на смене</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="60"/>
        <source>Register</source>
        <translation>Зарегистрировать</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="61"/>
        <source>Resolve</source>
        <translation>Решено</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="62"/>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="63"/>
        <source>Reopen</source>
        <translation>Возобновить</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="64"/>
        <source>Cancel incident</source>
        <translation>Отменить</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="65"/>
        <source>Merge into…</source>
        <translation>Объединить с…</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="66"/>
        <source>Split (undo merge)</source>
        <translation>Разделить (отменить объединение)</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="67"/>
        <source>Start work</source>
        <translation>Начать работу</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="76"/>
        <source>registered the incident</source>
        <translation>зарегистрировал(а) происшествие</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="77"/>
        <source>changed</source>
        <translation>изменил(а)</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="78"/>
        <source>verified and registered</source>
        <translation>проверил(а) и зарегистрировал(а)</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="80"/>
        <location filename="../../app/ui/words.py" line="88"/>
        <source>work started</source>
        <translation>начаты работы</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="84"/>
        <source>reopened</source>
        <translation>возобновлено</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="86"/>
        <source>merged into another incident</source>
        <translation>объединено с другим происшествием</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="87"/>
        <source>split off: merge undone</source>
        <translation>отделено: объединение отменено</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="89"/>
        <source>took the incident</source>
        <translation>взял(а) в работу</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="90"/>
        <source>took the incident over</source>
        <translation>перехватил(а) происшествие</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="91"/>
        <source>released the incident</source>
        <translation>освободил(а) происшествие</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="92"/>
        <source>claim expired</source>
        <translation>истекла блокировка</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="93"/>
        <source>took the incident at the shift handover</source>
        <translation>принял(а) происшествие при передаче смены</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="94"/>
        <source>handed over to a duty service</source>
        <translation>передано в службу</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="95"/>
        <source>handed over again</source>
        <translation>передано повторно</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="96"/>
        <source>duty service acknowledged</source>
        <translation>служба подтвердила приём</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="98"/>
        <source>crew on scene</source>
        <translation>бригада на месте</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="99"/>
        <source>duty service reported resolved</source>
        <translation>служба доложила о выполнении</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="100"/>
        <source>hand-over recalled</source>
        <translation>передача отозвана</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="101"/>
        <source>note</source>
        <translation>заметка</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="102"/>
        <source>caller added</source>
        <translation>добавлен заявитель</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="103"/>
        <source>declared an emergency</source>
        <translation>ввёл режим ЧС</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="104"/>
        <source>changed the emergency level</source>
        <translation>изменил уровень ЧС</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="105"/>
        <source>lifted the emergency</source>
        <translation>снял режим ЧС</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="106"/>
        <source>report sent to the crisis centre</source>
        <translation>донесение передано в ЦУКС</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="107"/>
        <source>next report due</source>
        <translation>срок следующего донесения</translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <location filename="../../app/ui/console.py" line="151"/>
        <location filename="../../app/ui/console.py" line="216"/>
        <source>Your session has expired. Sign in again.</source>
        <translation>Сеанс истёк. Войдите снова.</translation>
    </message>
</context>
</TS>
