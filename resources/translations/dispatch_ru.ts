<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru" sourcelanguage="en">
<context>
    <name>Conflicts</name>
    <message>
        <location filename="../../app/ui/conflicts.py" line="31"/>
        <source>register the incident</source>
        <translation>зарегистрировать происшествие</translation>
    </message>
    <message>
        <location filename="../../app/ui/conflicts.py" line="32"/>
        <source>edit the incident</source>
        <translation>изменить происшествие</translation>
    </message>
    <message>
        <location filename="../../app/ui/conflicts.py" line="33"/>
        <source>take the incident</source>
        <translation>взять происшествие</translation>
    </message>
    <message>
        <location filename="../../app/ui/conflicts.py" line="34"/>
        <source>release the incident</source>
        <translation>отпустить происшествие</translation>
    </message>
    <message>
        <location filename="../../app/ui/conflicts.py" line="35"/>
        <source>hand over to a duty service</source>
        <translation>передать в службу</translation>
    </message>
    <message>
        <location filename="../../app/ui/conflicts.py" line="36"/>
        <source>report a hand-over stage</source>
        <translation>отметить этап передачи</translation>
    </message>
    <message>
        <location filename="../../app/ui/conflicts.py" line="37"/>
        <source>add a note</source>
        <translation>добавить заметку</translation>
    </message>
    <message>
        <location filename="../../app/ui/conflicts.py" line="38"/>
        <source>add a caller</source>
        <translation>добавить заявителя</translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <location filename="../../app/ui/conflicts.py" line="54"/>
        <source>Changes the service refused</source>
        <translation>Изменения, отклонённые сервером</translation>
    </message>
    <message>
        <location filename="../../app/ui/conflicts.py" line="57"/>
        <source>These changes were made while the service could not be reached, and the service refused them when they arrived — usually because someone else changed the incident meanwhile. Check the incident, then send the change again on its current state, or drop it.</source>
        <translation>Эти изменения сделаны, пока сервер был недоступен, и сервер отклонил их при получении — обычно потому, что происшествие тем временем изменил кто-то другой. Проверьте происшествие, затем отправьте изменение снова на его текущее состояние или откажитесь от него.</translation>
    </message>
    <message>
        <location filename="../../app/ui/conflicts.py" line="63"/>
        <source>Made at</source>
        <translation>Сделано</translation>
    </message>
    <message>
        <location filename="../../app/ui/conflicts.py" line="63"/>
        <source>Incident</source>
        <translation>Происшествие</translation>
    </message>
    <message>
        <location filename="../../app/ui/conflicts.py" line="64"/>
        <source>Change</source>
        <translation>Изменение</translation>
    </message>
    <message>
        <location filename="../../app/ui/conflicts.py" line="64"/>
        <source>Why it was refused</source>
        <translation>Почему отклонено</translation>
    </message>
    <message>
        <location filename="../../app/ui/conflicts.py" line="72"/>
        <source>&amp;Send again</source>
        <translation>&amp;Отправить снова</translation>
    </message>
    <message>
        <location filename="../../app/ui/conflicts.py" line="74"/>
        <source>Send it again on the incident as it is now — Ctrl+Enter</source>
        <translation>Отправить снова на текущее состояние происшествия — Ctrl+Enter</translation>
    </message>
    <message>
        <location filename="../../app/ui/conflicts.py" line="77"/>
        <source>&amp;Drop it</source>
        <translation>О&amp;тказаться</translation>
    </message>
    <message>
        <location filename="../../app/ui/conflicts.py" line="79"/>
        <source>Drop this change — Ctrl+Delete</source>
        <translation>Отказаться от этого изменения — Ctrl+Delete</translation>
    </message>
    <message>
        <location filename="../../app/ui/conflicts.py" line="81"/>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <location filename="../../app/ui/conflicts.py" line="146"/>
        <source>Drop the change</source>
        <translation>Отказ от изменения</translation>
    </message>
    <message>
        <location filename="../../app/ui/conflicts.py" line="147"/>
        <source>Drop “%1”? It will not be sent, and the incident stays as the service has it.</source>
        <translation>Отказаться от «%1»? Оно не будет отправлено, происшествие останется таким, как на сервере.</translation>
    </message>
</context>
<context>
    <name>Console</name>
    <message>
        <location filename="../../app/ui/console.py" line="42"/>
        <source>Preparing the embedded service and the demo city…</source>
        <translation>Запускается встроенный сервер и готовится демонстрационный город…</translation>
    </message>
    <message>
        <location filename="../../app/ui/console.py" line="44"/>
        <source>City dispatch</source>
        <translation>ЕДДС города</translation>
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
        <location filename="../../app/ui/wall/panels/exceptions.py" line="61"/>
        <source>Critical and overdue</source>
        <translation>Критические и просроченные</translation>
    </message>
    <message>
        <location filename="../../app/ui/wall/panels/exceptions.py" line="80"/>
        <source>+%d more</source>
        <translation>ещё %d</translation>
    </message>
    <message>
        <location filename="../../app/ui/wall/panels/exceptions.py" line="81"/>
        <source>Nothing critical or overdue</source>
        <translation>Критических и просроченных нет</translation>
    </message>
    <message>
        <location filename="../../app/ui/wall/panels/exceptions.py" line="91"/>
        <source>critical</source>
        <translation>критич.</translation>
    </message>
    <message>
        <location filename="../../app/ui/wall/panels/exceptions.py" line="95"/>
        <source>late</source>
        <translation>просроч.</translation>
    </message>
</context>
<context>
    <name>HistoryWindow</name>
    <message>
        <location filename="../../app/ui/wall/history.py" line="83"/>
        <source>Wall, back in time</source>
        <translation>Видеостена: назад во времени</translation>
    </message>
    <message>
        <location filename="../../app/ui/wall/history.py" line="96"/>
        <source>%d days ago</source>
        <translation>%d дн. назад</translation>
    </message>
    <message>
        <location filename="../../app/ui/wall/history.py" line="104"/>
        <source>Moment shown</source>
        <translation>Показанный момент</translation>
    </message>
    <message>
        <location filename="../../app/ui/wall/history.py" line="105"/>
        <source>Drag, or use the arrow keys (10 min) and Page Up/Down (1 h)</source>
        <translation>Тяните ползунок или нажимайте стрелки (10 мин) и Page Up/Page Down (1 ч)</translation>
    </message>
    <message>
        <location filename="../../app/ui/wall/history.py" line="110"/>
        <source>now</source>
        <translation>сейчас</translation>
    </message>
    <message>
        <location filename="../../app/ui/wall/history.py" line="115"/>
        <source>−1 h</source>
        <translation>−1 ч</translation>
    </message>
    <message>
        <location filename="../../app/ui/wall/history.py" line="116"/>
        <source>−10 min</source>
        <translation>−10 мин</translation>
    </message>
    <message>
        <location filename="../../app/ui/wall/history.py" line="117"/>
        <source>+10 min</source>
        <translation>+10 мин</translation>
    </message>
    <message>
        <location filename="../../app/ui/wall/history.py" line="118"/>
        <source>+1 h</source>
        <translation>+1 ч</translation>
    </message>
    <message>
        <location filename="../../app/ui/wall/history.py" line="128"/>
        <source>Moment shown, city time</source>
        <translation>Показанный момент, время города</translation>
    </message>
    <message>
        <location filename="../../app/ui/wall/history.py" line="129"/>
        <source>Type a moment (city time) and press Enter</source>
        <translation>Введите момент (время города) и нажмите Enter</translation>
    </message>
    <message>
        <location filename="../../app/ui/wall/history.py" line="131"/>
        <source>State at (city time):</source>
        <translation>Состояние на (время города):</translation>
    </message>
    <message>
        <location filename="../../app/ui/wall/history.py" line="133"/>
        <source>&amp;Back to live</source>
        <translation>&amp;Вернуться к текущему</translation>
    </message>
    <message>
        <location filename="../../app/ui/wall/history.py" line="225"/>
        <source>Rebuilding the state at %s…</source>
        <translation>Восстанавливаю состояние на %s…</translation>
    </message>
    <message>
        <location filename="../../app/ui/wall/history.py" line="261"/>
        <source>Could not rebuild that moment: %s</source>
        <translation>Не удалось восстановить этот момент: %s</translation>
    </message>
    <message>
        <location filename="../../app/ui/wall/history.py" line="309"/>
        <source>◀ Back in time — state at %s</source>
        <translation>◀ Назад во времени — состояние на %s</translation>
    </message>
</context>
<context>
    <name>IncidentCard</name>
    <message>
        <location filename="../../app/ui/card.py" line="81"/>
        <source>Take (Ctrl+K)</source>
        <translation>Взять (Ctrl+K)</translation>
    </message>
    <message>
        <location filename="../../app/ui/card.py" line="82"/>
        <source>Take the incident to work on it — Ctrl+K</source>
        <translation>Взять происшествие в работу — Ctrl+K</translation>
    </message>
    <message>
        <location filename="../../app/ui/card.py" line="83"/>
        <source>Release</source>
        <translation>Отпустить</translation>
    </message>
    <message>
        <location filename="../../app/ui/card.py" line="84"/>
        <source>Let others work on it — Ctrl+Shift+K</source>
        <translation>Освободить для других — Ctrl+Shift+K</translation>
    </message>
    <message>
        <location filename="../../app/ui/card.py" line="85"/>
        <source>Take over</source>
        <translation>Перехватить</translation>
    </message>
    <message>
        <location filename="../../app/ui/card.py" line="86"/>
        <source>Supervisor: take the incident from its holder — Ctrl+Alt+K</source>
        <translation>Старший смены: забрать происшествие у держателя — Ctrl+Alt+K</translation>
    </message>
    <message>
        <location filename="../../app/ui/card.py" line="97"/>
        <source>Source</source>
        <translation>Источник</translation>
    </message>
    <message>
        <location filename="../../app/ui/card.py" line="97"/>
        <source>Received</source>
        <translation>Поступило</translation>
    </message>
    <message>
        <location filename="../../app/ui/card.py" line="98"/>
        <source>Address</source>
        <translation>Адрес</translation>
    </message>
    <message>
        <location filename="../../app/ui/card.py" line="98"/>
        <source>District</source>
        <translation>Район</translation>
    </message>
    <message>
        <location filename="../../app/ui/card.py" line="99"/>
        <source>Room</source>
        <translation>Зал</translation>
    </message>
    <message>
        <location filename="../../app/ui/card.py" line="99"/>
        <source>Place</source>
        <translation>Место</translation>
    </message>
    <message>
        <location filename="../../app/ui/card.py" line="100"/>
        <source>Intake</source>
        <translation>Приём</translation>
    </message>
    <message>
        <location filename="../../app/ui/card.py" line="101"/>
        <source>Description</source>
        <translation>Описание</translation>
    </message>
    <message>
        <location filename="../../app/ui/card.py" line="102"/>
        <source>Stamps</source>
        <translation>Отметки</translation>
    </message>
    <message>
        <location filename="../../app/ui/card.py" line="102"/>
        <source>Result</source>
        <translation>Результат</translation>
    </message>
    <message>
        <location filename="../../app/ui/card.py" line="112"/>
        <source>Service</source>
        <translation>Служба</translation>
    </message>
    <message>
        <location filename="../../app/ui/card.py" line="112"/>
        <source>Stage</source>
        <translation>Этап</translation>
    </message>
    <message>
        <location filename="../../app/ui/card.py" line="112"/>
        <source>Handed</source>
        <translation>Передано</translation>
    </message>
    <message>
        <location filename="../../app/ui/card.py" line="112"/>
        <source>Ack</source>
        <translation>Принято</translation>
    </message>
    <message>
        <location filename="../../app/ui/card.py" line="113"/>
        <source>Crew</source>
        <translation>Выезд</translation>
    </message>
    <message>
        <location filename="../../app/ui/card.py" line="113"/>
        <source>Scene</source>
        <translation>На месте</translation>
    </message>
    <message>
        <location filename="../../app/ui/card.py" line="113"/>
        <source>Done</source>
        <translation>Выполнено</translation>
    </message>
    <message>
        <location filename="../../app/ui/card.py" line="113"/>
        <source>Norm</source>
        <translation>Норматив</translation>
    </message>
    <message>
        <location filename="../../app/ui/card.py" line="124"/>
        <source>Record for the selected hand-over: %s — Ctrl+%d</source>
        <translation>Отметить для выбранной передачи: %s — Ctrl+%d</translation>
    </message>
    <message>
        <location filename="../../app/ui/card.py" line="131"/>
        <source>Services to hand over to; the incident type ticks its default ones</source>
        <translation>Службы для передачи; тип происшествия отмечает свои службы по умолчанию</translation>
    </message>
    <message>
        <location filename="../../app/ui/card.py" line="141"/>
        <source>Hand over to the ticked services (Ctrl+H)</source>
        <translation>Передать отмеченным службам (Ctrl+H)</translation>
    </message>
    <message>
        <location filename="../../app/ui/card.py" line="142"/>
        <source>Hand the incident over — Ctrl+H</source>
        <translation>Передать происшествие — Ctrl+H</translation>
    </message>
    <message>
        <location filename="../../app/ui/card.py" line="143"/>
        <source>Hand-overs</source>
        <translation>Передачи в службы</translation>
    </message>
    <message>
        <location filename="../../app/ui/card.py" line="155"/>
        <source>Save (Ctrl+S)</source>
        <translation>Сохранить (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../app/ui/card.py" line="156"/>
        <source>Save the priority and description — Ctrl+S</source>
        <translation>Сохранить приоритет и описание — Ctrl+S</translation>
    </message>
    <message>
        <location filename="../../app/ui/card.py" line="159"/>
        <source>Edit</source>
        <translation>Изменение</translation>
    </message>
    <message>
        <location filename="../../app/ui/card.py" line="167"/>
        <source>result of closing, or reason to cancel or reopen</source>
        <translation>результат закрытия или причина отмены/возобновления</translation>
    </message>
    <message>
        <location filename="../../app/ui/card.py" line="179"/>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location filename="../../app/ui/card.py" line="188"/>
        <source>a note for the room (Enter adds it)</source>
        <translation>заметка для зала (Enter — добавить)</translation>
    </message>
    <message>
        <location filename="../../app/ui/card.py" line="191"/>
        <source>Notes</source>
        <translation>Заметки</translation>
    </message>
    <message>
        <location filename="../../app/ui/card.py" line="195"/>
        <source>Timeline</source>
        <translation>Хронология</translation>
    </message>
    <message>
        <location filename="../../app/ui/card.py" line="266"/>
        <source>No incident selected</source>
        <translation>Происшествие не выбрано</translation>
    </message>
    <message>
        <location filename="../../app/ui/card.py" line="272"/>
        <source>Held by you</source>
        <translation>В работе у вас</translation>
    </message>
    <message>
        <location filename="../../app/ui/card.py" line="273"/>
        <source>Held by %s</source>
        <translation>В работе у: %s</translation>
    </message>
    <message>
        <location filename="../../app/ui/card.py" line="273"/>
        <source>Not held</source>
        <translation>Никто не взял</translation>
    </message>
    <message>
        <location filename="../../app/ui/card.py" line="283"/>
        <source>entrance %s</source>
        <translation>подъезд %s</translation>
    </message>
    <message>
        <location filename="../../app/ui/card.py" line="283"/>
        <source>floor %s</source>
        <translation>этаж %s</translation>
    </message>
    <message>
        <location filename="../../app/ui/card.py" line="284"/>
        <source>flat %s</source>
        <translation>кв. %s</translation>
    </message>
    <message>
        <location filename="../../app/ui/card.py" line="291"/>
        <source>registered in %s</source>
        <translation>зарегистрировано за %s</translation>
    </message>
    <message>
        <location filename="../../app/ui/card.py" line="295"/>
        <source>registered</source>
        <translation>зарегистрировано</translation>
    </message>
    <message>
        <location filename="../../app/ui/card.py" line="296"/>
        <source>dispatched</source>
        <translation>передано</translation>
    </message>
    <message>
        <location filename="../../app/ui/card.py" line="297"/>
        <source>in progress</source>
        <translation>в работе</translation>
    </message>
    <message>
        <location filename="../../app/ui/card.py" line="298"/>
        <source>resolved</source>
        <translation>решено</translation>
    </message>
    <message>
        <location filename="../../app/ui/card.py" line="299"/>
        <source>closed</source>
        <translation>закрыто</translation>
    </message>
    <message>
        <location filename="../../app/ui/card.py" line="337"/>
        <source>ack in %s</source>
        <translation>подтверждение через %s</translation>
    </message>
    <message>
        <location filename="../../app/ui/card.py" line="338"/>
        <source>ack late by %s</source>
        <translation>подтверждение просрочено на %s</translation>
    </message>
    <message>
        <location filename="../../app/ui/card.py" line="354"/>
        <source>Not sent yet: its history starts when the service takes it.</source>
        <translation>Ещё не отправлено: хронология начнётся, когда сервер его примет.</translation>
    </message>
    <message>
        <location filename="../../app/ui/card.py" line="360"/>
        <source>The history is shown when the service can be reached again.</source>
        <translation>Хронология появится, когда сервер снова станет доступен.</translation>
    </message>
    <message>
        <location filename="../../app/ui/card.py" line="393"/>
        <source>(recorded offline, reached the service at %1)</source>
        <translation>(записано без связи, поступило на сервер в %1)</translation>
    </message>
    <message>
        <location filename="../../app/ui/card.py" line="424"/>
        <source>The service cannot be reached; nothing was changed. Try again.</source>
        <translation>Сервер недоступен; ничего не изменено. Повторите попытку.</translation>
    </message>
    <message>
        <location filename="../../app/ui/card.py" line="427"/>
        <source>Someone else changed this incident meanwhile; the card now shows their version. Check it and repeat your action.</source>
        <translation>Происшествие тем временем изменил другой пользователь; карточка показывает новую версию. Проверьте её и повторите действие.</translation>
    </message>
    <message>
        <location filename="../../app/ui/card.py" line="442"/>
        <source>Working…</source>
        <translation>Выполняется…</translation>
    </message>
    <message>
        <location filename="../../app/ui/card.py" line="449"/>
        <source>Saved on this console: it is sent when the service can be reached again.</source>
        <translation>Сохранено на этом рабочем месте: будет отправлено, когда сервер снова станет доступен.</translation>
    </message>
    <message>
        <location filename="../../app/ui/card.py" line="473"/>
        <source>Select a hand-over first.</source>
        <translation>Сначала выберите передачу.</translation>
    </message>
    <message>
        <location filename="../../app/ui/card.py" line="485"/>
        <source>Tick at least one duty service.</source>
        <translation>Отметьте хотя бы одну службу.</translation>
    </message>
    <message>
        <location filename="../../app/ui/card.py" line="496"/>
        <source>Merge</source>
        <translation>Объединение</translation>
    </message>
    <message>
        <location filename="../../app/ui/card.py" line="497"/>
        <source>Number of the incident to merge into:</source>
        <translation>Номер происшествия, в которое объединить:</translation>
    </message>
    <message>
        <location filename="../../app/ui/card.py" line="503"/>
        <source>There is no incident %s in the room&apos;s state.</source>
        <translation>Происшествия %s нет в данных зала.</translation>
    </message>
</context>
<context>
    <name>IntakeDialog</name>
    <message>
        <location filename="../../app/ui/intake.py" line="67"/>
        <source>New incident</source>
        <translation>Новое происшествие</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake.py" line="84"/>
        <source>street: type any part of its name</source>
        <translation>улица: начните вводить любую часть названия</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake.py" line="87"/>
        <source>house</source>
        <translation>дом</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake.py" line="93"/>
        <source>landmark: &quot;behind the school&quot;, &quot;garages&quot;</source>
        <translation>ориентир: «за школой», «гаражи»</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake.py" line="94"/>
        <source>Address &amp;not verified (pin only)</source>
        <translation>Адрес &amp;не проверен (только метка)</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake.py" line="99"/>
        <source>type: a word of what happened</source>
        <translation>тип: слово о том, что случилось</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake.py" line="104"/>
        <source>caller&apos;s phone</source>
        <translation>телефон заявителя</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake.py" line="106"/>
        <source>caller&apos;s name</source>
        <translation>имя заявителя</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake.py" line="112"/>
        <source>what happened, in one line</source>
        <translation>что случилось, одной строкой</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake.py" line="125"/>
        <source>Register (Enter)</source>
        <translation>Зарегистрировать (Enter)</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake.py" line="126"/>
        <source>Register the incident — Enter</source>
        <translation>Зарегистрировать происшествие — Enter</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake.py" line="129"/>
        <source>Attach to duplicate (F8)</source>
        <translation>Прикрепить к дублю (F8)</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake.py" line="131"/>
        <source>Add this call to the highlighted possible duplicate instead — F8</source>
        <translation>Вместо регистрации добавить звонок к выделенному возможному дублю — F8</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake.py" line="132"/>
        <source>Call back… (Ctrl+B)</source>
        <translation>Перезвонить… (Ctrl+B)</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake.py" line="133"/>
        <source>Record the result of calling the caller back — Ctrl+B</source>
        <translation>Записать результат обратного звонка — Ctrl+B</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake.py" line="135"/>
        <source>Cancel (Esc)</source>
        <translation>Отмена (Esc)</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake.py" line="142"/>
        <source>Entr&amp;ance</source>
        <translation>&amp;Подъезд</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake.py" line="143"/>
        <source>F&amp;loor</source>
        <translation>&amp;Этаж</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake.py" line="144"/>
        <source>&amp;Flat</source>
        <translation>&amp;Квартира</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake.py" line="153"/>
        <source>&amp;Address:</source>
        <translation>&amp;Адрес:</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake.py" line="154"/>
        <source>&amp;Type:</source>
        <translation>&amp;Тип:</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake.py" line="159"/>
        <source>P&amp;hone:</source>
        <translation>Тел&amp;ефон:</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake.py" line="161"/>
        <source>&amp;Description:</source>
        <translation>&amp;Описание:</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake.py" line="162"/>
        <source>S&amp;ource:</source>
        <translation>&amp;Источник:</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake.py" line="163"/>
        <source>Possible duplicates:</source>
        <translation>Возможные дубли:</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake.py" line="238"/>
        <source>✓ in the gazetteer: %s</source>
        <translation>✓ есть в адресном реестре: %s</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake.py" line="242"/>
        <source>⚠ not in the gazetteer: will be registered as not verified</source>
        <translation>⚠ нет в адресном реестре: будет зарегистрирован как непроверенный</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake.py" line="246"/>
        <source>pin: %.5f, %.5f</source>
        <translation>метка: %.5f, %.5f</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake.py" line="260"/>
        <source>Priority %s · services: %s</source>
        <translation>Приоритет %s · службы: %s</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake.py" line="280"/>
        <source>Looking up earlier calls…</source>
        <translation>Поиск прежних обращений…</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake.py" line="287"/>
        <source>No earlier calls from this number.</source>
        <translation>Прежних обращений с этого номера нет.</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake.py" line="293"/>
        <source>%d earlier call(s): %s</source>
        <translation>Прежних обращений: %d: %s</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake.py" line="369"/>
        <source>Pick the incident type from the list (type a word, then Tab).</source>
        <translation>Выберите тип происшествия из списка (введите слово и нажмите Tab).</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake.py" line="375"/>
        <source>Call-back: %s</source>
        <translation>Обратный звонок: %s</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake.py" line="399"/>
        <source>The service cannot be reached; nothing was lost. Press Enter to try again.</source>
        <translation>Сервер недоступен; ничего не потеряно. Нажмите Enter, чтобы повторить.</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake.py" line="412"/>
        <source>Registering…</source>
        <translation>Регистрация…</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake.py" line="420"/>
        <source>Repeat call: %s</source>
        <translation>Повторный звонок: %s</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake.py" line="422"/>
        <source>call-back: %s</source>
        <translation>обратный звонок: %s</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake.py" line="442"/>
        <source>Enter the caller&apos;s phone to call back.</source>
        <translation>Чтобы перезвонить, введите телефон заявителя.</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake.py" line="446"/>
        <source>reached the caller</source>
        <translation>дозвонились</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake.py" line="446"/>
        <source>no answer</source>
        <translation>не отвечает</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake.py" line="446"/>
        <source>busy</source>
        <translation>занято</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake.py" line="447"/>
        <source>number unavailable</source>
        <translation>номер недоступен</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake.py" line="453"/>
        <source>Call back: %s</source>
        <translation>Обратный звонок: %s</translation>
    </message>
</context>
<context>
    <name>KpiPanel</name>
    <message>
        <location filename="../../app/ui/wall/panels/kpi.py" line="65"/>
        <source>Incidents now</source>
        <translation>Происшествия сейчас</translation>
    </message>
    <message>
        <location filename="../../app/ui/wall/panels/kpi.py" line="69"/>
        <source>Open</source>
        <translation>Открыто</translation>
    </message>
    <message>
        <location filename="../../app/ui/wall/panels/kpi.py" line="70"/>
        <source>Critical</source>
        <translation>Критические</translation>
    </message>
    <message>
        <location filename="../../app/ui/wall/panels/kpi.py" line="71"/>
        <source>priority 1</source>
        <translation>приоритет 1</translation>
    </message>
    <message>
        <location filename="../../app/ui/wall/panels/kpi.py" line="73"/>
        <source>Overdue</source>
        <translation>Просрочено</translation>
    </message>
    <message>
        <location filename="../../app/ui/wall/panels/kpi.py" line="74"/>
        <source>past their norm</source>
        <translation>сверх норматива</translation>
    </message>
    <message>
        <location filename="../../app/ui/wall/panels/kpi.py" line="78"/>
        <source>Awaiting acknowledgement</source>
        <translation>Ждут подтверждения</translation>
    </message>
    <message>
        <location filename="../../app/ui/wall/panels/kpi.py" line="79"/>
        <source>%d past the norm</source>
        <translation>%d сверх норматива</translation>
    </message>
    <message>
        <location filename="../../app/ui/wall/panels/kpi.py" line="81"/>
        <source>Last hour</source>
        <translation>За час</translation>
    </message>
    <message>
        <location filename="../../app/ui/wall/panels/kpi.py" line="82"/>
        <source>registered</source>
        <translation>зарегистрировано</translation>
    </message>
    <message>
        <location filename="../../app/ui/wall/panels/kpi.py" line="83"/>
        <source>Time to register, this shift</source>
        <translation>Время регистрации, эта смена</translation>
    </message>
    <message>
        <location filename="../../app/ui/wall/panels/kpi.py" line="85"/>
        <source>Time to hand over, this shift</source>
        <translation>Время передачи в службы, эта смена</translation>
    </message>
    <message>
        <location filename="../../app/ui/wall/panels/kpi.py" line="89"/>
        <source>mean %s · 90%% within %s</source>
        <translation>среднее %s · 90%% за %s</translation>
    </message>
    <message>
        <location filename="../../app/ui/wall/panels/kpi.py" line="91"/>
        <source>nothing measured yet</source>
        <translation>пока нечего измерить</translation>
    </message>
    <message>
        <location filename="../../app/ui/wall/panels/kpi.py" line="94"/>
        <source> · norm %s</source>
        <translation> · норматив %s</translation>
    </message>
    <message>
        <location filename="../../app/ui/wall/panels/kpi.py" line="96"/>
        <source>%d%% within the norm, below 90%%</source>
        <translation>%d%% в нормативе, ниже 90%%</translation>
    </message>
    <message>
        <location filename="../../app/ui/wall/panels/kpi.py" line="98"/>
        <source>%d%% within the norm</source>
        <translation>%d%% в нормативе</translation>
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
        <location filename="../../app/ui/main_window.py" line="52"/>
        <source>City dispatch — %s (%s)</source>
        <translation>ЕДДС — %s (%s)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="77"/>
        <source>Incident card</source>
        <translation>Карточка происшествия</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="111"/>
        <source>City map</source>
        <translation>Карта города</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="116"/>
        <source>Show only what the queue shows</source>
        <translation>Показывать только то, что в очереди</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="117"/>
        <source>Apply the queue&apos;s filter to the map too</source>
        <translation>Применять фильтр очереди и к карте</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="144"/>
        <source>Past the norm</source>
        <translation>Просрочено</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="156"/>
        <source>&amp;Incident</source>
        <translation>&amp;Происшествие</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="158"/>
        <source>&amp;New incident</source>
        <translation>&amp;Новое происшествие</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="159"/>
        <source>&amp;Take the oldest unclaimed</source>
        <translation>&amp;Взять самое давнее невзятое</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="160"/>
        <source>&amp;Search the queue</source>
        <translation>&amp;Поиск в очереди</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="161"/>
        <source>&amp;Queue</source>
        <translation>&amp;Очередь</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="162"/>
        <source>&amp;Card</source>
        <translation>&amp;Карточка</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="163"/>
        <source>&amp;Refused changes…</source>
        <translation>&amp;Отклонённые изменения…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="171"/>
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="172"/>
        <source>&amp;Language</source>
        <translation>&amp;Язык</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="181"/>
        <source>Open the &amp;wall in a window</source>
        <translation>Открыть &amp;видеостену в окне</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="184"/>
        <source>Shift &amp;compliance…</source>
        <translation>&amp;Соблюдение нормативов за смену…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="191"/>
        <source>Wall, &amp;back in time…</source>
        <translation>Видеостена: &amp;назад во времени…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="195"/>
        <source>&amp;Reports…</source>
        <translation>&amp;Отчёты…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="232"/>
        <source>The language changes when the console is started again.</source>
        <translation>Язык сменится при следующем запуске консоли.</translation>
    </message>
</context>
<context>
    <name>MapController</name>
    <message>
        <location filename="../../app/ui/map_panel.py" line="53"/>
        <source>Incidents</source>
        <translation>Происшествия</translation>
    </message>
    <message>
        <location filename="../../app/ui/map_panel.py" line="53"/>
        <source>Crews</source>
        <translation>Экипажи</translation>
    </message>
    <message>
        <location filename="../../app/ui/map_panel.py" line="54"/>
        <source>Heat, 24 h</source>
        <translation>Плотность за 24 ч</translation>
    </message>
    <message>
        <location filename="../../app/ui/map_panel.py" line="55"/>
        <source>Districts</source>
        <translation>Районы</translation>
    </message>
</context>
<context>
    <name>MapPanel</name>
    <message>
        <location filename="../../app/ui/wall/panels/map.py" line="45"/>
        <source>The map is not available here</source>
        <translation>Карта здесь недоступна</translation>
    </message>
    <message>
        <location filename="../../app/ui/wall/panels/map.py" line="60"/>
        <source>City map</source>
        <translation>Карта города</translation>
    </message>
</context>
<context>
    <name>NoticeList</name>
    <message>
        <location filename="../../app/ui/escalation.py" line="140"/>
        <source>Incidents past a norm; click one to open its card</source>
        <translation>Происшествия с просроченным нормативом; щелчок открывает карточку</translation>
    </message>
    <message>
        <location filename="../../app/ui/escalation.py" line="147"/>
        <source>%1 is past its %2 norm (%3)</source>
        <translation>%1: просрочен норматив «%2» (%3)</translation>
    </message>
    <message>
        <location filename="../../app/ui/escalation.py" line="149"/>
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
        <location filename="../../app/ui/queue_model.py" line="49"/>
        <source>Number</source>
        <translation>Номер</translation>
    </message>
    <message>
        <location filename="../../app/ui/queue_model.py" line="50"/>
        <source>Priority</source>
        <translation>Приоритет</translation>
    </message>
    <message>
        <location filename="../../app/ui/queue_model.py" line="51"/>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location filename="../../app/ui/queue_model.py" line="52"/>
        <source>Type</source>
        <translation>Тип</translation>
    </message>
    <message>
        <location filename="../../app/ui/queue_model.py" line="53"/>
        <source>Address</source>
        <translation>Адрес</translation>
    </message>
    <message>
        <location filename="../../app/ui/queue_model.py" line="54"/>
        <source>Duty services</source>
        <translation>Службы</translation>
    </message>
    <message>
        <location filename="../../app/ui/queue_model.py" line="55"/>
        <source>Age</source>
        <translation>Время</translation>
    </message>
    <message>
        <location filename="../../app/ui/queue_model.py" line="56"/>
        <source>Holder</source>
        <translation>В работе у</translation>
    </message>
    <message>
        <location filename="../../app/ui/queue_model.py" line="91"/>
        <location filename="../../app/ui/queue_model.py" line="321"/>
        <source>flat %s</source>
        <translation>кв. %s</translation>
    </message>
    <message>
        <location filename="../../app/ui/queue_model.py" line="98"/>
        <location filename="../../app/ui/queue_model.py" line="322"/>
        <source>(not verified)</source>
        <translation>(не проверен)</translation>
    </message>
    <message>
        <location filename="../../app/ui/queue_model.py" line="212"/>
        <source>A temporary number: the service gives the real one when it is back.</source>
        <translation>Временный номер: настоящий присвоит сервер, когда связь восстановится.</translation>
    </message>
    <message>
        <location filename="../../app/ui/queue_model.py" line="231"/>
        <source>%s (not sent)</source>
        <translation>%s (не отправлено)</translation>
    </message>
</context>
<context>
    <name>QueuePanel</name>
    <message>
        <location filename="../../app/ui/queue_panel.py" line="56"/>
        <source>Search: number, address, type, text… (Ctrl+F)</source>
        <translation>Поиск: номер, адрес, тип, текст… (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../app/ui/queue_panel.py" line="60"/>
        <source>Status filter — Alt+S</source>
        <translation>Фильтр по статусу — Alt+S</translation>
    </message>
    <message>
        <location filename="../../app/ui/queue_panel.py" line="61"/>
        <source>Active</source>
        <translation>Активные</translation>
    </message>
    <message>
        <location filename="../../app/ui/queue_panel.py" line="62"/>
        <source>All statuses</source>
        <translation>Все статусы</translation>
    </message>
    <message>
        <location filename="../../app/ui/queue_panel.py" line="66"/>
        <source>Priority filter — Alt+P</source>
        <translation>Фильтр по приоритету — Alt+P</translation>
    </message>
    <message>
        <location filename="../../app/ui/queue_panel.py" line="67"/>
        <source>Any priority</source>
        <translation>Любой приоритет</translation>
    </message>
    <message>
        <location filename="../../app/ui/queue_panel.py" line="68"/>
        <source>Critical and high</source>
        <translation>Критический и высокий</translation>
    </message>
    <message>
        <location filename="../../app/ui/queue_panel.py" line="72"/>
        <source>Room filter — Alt+R</source>
        <translation>Фильтр по залу — Alt+R</translation>
    </message>
    <message>
        <location filename="../../app/ui/queue_panel.py" line="73"/>
        <source>All rooms</source>
        <translation>Все залы</translation>
    </message>
    <message>
        <location filename="../../app/ui/queue_panel.py" line="76"/>
        <source>&amp;Mine</source>
        <translation>&amp;Мои</translation>
    </message>
    <message>
        <location filename="../../app/ui/queue_panel.py" line="77"/>
        <source>Only the incidents I hold — Alt+M</source>
        <translation>Только взятые мной — Alt+M</translation>
    </message>
    <message>
        <location filename="../../app/ui/queue_panel.py" line="80"/>
        <source>Saved filters</source>
        <translation>Сохранённые фильтры</translation>
    </message>
    <message>
        <location filename="../../app/ui/queue_panel.py" line="81"/>
        <source>Save filter…</source>
        <translation>Сохранить фильтр…</translation>
    </message>
    <message>
        <location filename="../../app/ui/queue_panel.py" line="82"/>
        <source>Save the current filter under a name — Ctrl+Shift+F</source>
        <translation>Сохранить текущий фильтр под именем — Ctrl+Shift+F</translation>
    </message>
    <message>
        <location filename="../../app/ui/queue_panel.py" line="87"/>
        <source>&amp;Status:</source>
        <translation>&amp;Статус:</translation>
    </message>
    <message>
        <location filename="../../app/ui/queue_panel.py" line="88"/>
        <source>&amp;Priority:</source>
        <translation>&amp;Приоритет:</translation>
    </message>
    <message>
        <location filename="../../app/ui/queue_panel.py" line="89"/>
        <source>&amp;Room:</source>
        <translation>&amp;Зал:</translation>
    </message>
    <message>
        <location filename="../../app/ui/queue_panel.py" line="187"/>
        <source>Saved filters…</source>
        <translation>Сохранённые фильтры…</translation>
    </message>
    <message>
        <location filename="../../app/ui/queue_panel.py" line="193"/>
        <source>Save filter</source>
        <translation>Сохранение фильтра</translation>
    </message>
    <message>
        <location filename="../../app/ui/queue_panel.py" line="193"/>
        <source>Name:</source>
        <translation>Имя:</translation>
    </message>
</context>
<context>
    <name>ReportsWindow</name>
    <message>
        <location filename="../../app/ui/reports.py" line="129"/>
        <source>Reports</source>
        <translation>Отчёты</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports.py" line="133"/>
        <source>Today</source>
        <translation>Сегодня</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports.py" line="133"/>
        <source>This shift</source>
        <translation>Текущая смена</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports.py" line="134"/>
        <source>Yesterday</source>
        <translation>Вчера</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports.py" line="134"/>
        <source>Last 7 days</source>
        <translation>Последние 7 дней</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports.py" line="135"/>
        <source>Custom…</source>
        <translation>Произвольный…</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports.py" line="143"/>
        <source>Incident type</source>
        <translation>Тип происшествия</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports.py" line="144"/>
        <source>Duty service</source>
        <translation>Дежурная служба</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports.py" line="145"/>
        <source>District</source>
        <translation>Район</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports.py" line="146"/>
        <source>Source</source>
        <translation>Источник</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports.py" line="148"/>
        <source>&amp;Show</source>
        <translation>&amp;Показать</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports.py" line="149"/>
        <source>Export &amp;CSV…</source>
        <translation>Экспорт в &amp;CSV…</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports.py" line="150"/>
        <source>Export &amp;XLSX…</source>
        <translation>Экспорт в &amp;XLSX…</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports.py" line="155"/>
        <source>Period:</source>
        <translation>Период:</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports.py" line="161"/>
        <source>By:</source>
        <translation>По:</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports.py" line="178"/>
        <location filename="../../app/ui/reports.py" line="254"/>
        <source>Incidents</source>
        <translation>Происшествий</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports.py" line="224"/>
        <source>Loading…</source>
        <translation>Загрузка…</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports.py" line="233"/>
        <source>The report could not be made: %1</source>
        <translation>Не удалось построить отчёт: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports.py" line="240"/>
        <source>(no type)</source>
        <translation>(без типа)</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports.py" line="241"/>
        <source>(handed to nobody)</source>
        <translation>(никому не передано)</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports.py" line="242"/>
        <source>(no district)</source>
        <translation>(без района)</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports.py" line="243"/>
        <source>(unknown)</source>
        <translation>(неизвестно)</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports.py" line="255"/>
        <source>registration</source>
        <translation>регистрация</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports.py" line="255"/>
        <source>hand-over</source>
        <translation>передача</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports.py" line="255"/>
        <source>resolution</source>
        <translation>решение</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports.py" line="256"/>
        <source>%1: mean, s</source>
        <translation>%1: среднее, с</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports.py" line="257"/>
        <source>%1: p90, s</source>
        <translation>%1: p90, с</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports.py" line="258"/>
        <source>%1: within norm, %</source>
        <translation>%1: в норматив, %</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports.py" line="266"/>
        <source>Total</source>
        <translation>Итого</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports.py" line="276"/>
        <source>Incidents received %1 — %2: %3</source>
        <translation>Поступило происшествий с %1 по %2: %3</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports.py" line="314"/>
        <source>Report</source>
        <translation>Отчёт</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports.py" line="322"/>
        <source>Export the report</source>
        <translation>Экспорт отчёта</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports.py" line="323"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports.py" line="323"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Книга Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports.py" line="330"/>
        <source>Could not write %1: %2</source>
        <translation>Не удалось записать %1: %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports.py" line="333"/>
        <source>Saved to %1</source>
        <translation>Сохранено в %1</translation>
    </message>
</context>
<context>
    <name>ShiftComplianceDialog</name>
    <message>
        <location filename="../../app/ui/compliance.py" line="59"/>
        <source>Shift compliance</source>
        <translation>Соблюдение нормативов за смену</translation>
    </message>
    <message>
        <location filename="../../app/ui/compliance.py" line="69"/>
        <source>◀ Previous shift</source>
        <translation>◀ Предыдущая смена</translation>
    </message>
    <message>
        <location filename="../../app/ui/compliance.py" line="71"/>
        <source>Next shift ▶</source>
        <translation>Следующая смена ▶</translation>
    </message>
    <message>
        <location filename="../../app/ui/compliance.py" line="73"/>
        <source>Refresh</source>
        <translation>Обновить</translation>
    </message>
    <message>
        <location filename="../../app/ui/compliance.py" line="84"/>
        <source>Step</source>
        <translation>Этап</translation>
    </message>
    <message>
        <location filename="../../app/ui/compliance.py" line="84"/>
        <source>Done</source>
        <translation>Выполнено</translation>
    </message>
    <message>
        <location filename="../../app/ui/compliance.py" line="84"/>
        <source>Within norm</source>
        <translation>В нормативе</translation>
    </message>
    <message>
        <location filename="../../app/ui/compliance.py" line="84"/>
        <source>90%</source>
        <translation>90%</translation>
    </message>
    <message>
        <location filename="../../app/ui/compliance.py" line="85"/>
        <source>95%</source>
        <translation>95%</translation>
    </message>
    <message>
        <location filename="../../app/ui/compliance.py" line="85"/>
        <source>98%</source>
        <translation>98%</translation>
    </message>
    <message>
        <location filename="../../app/ui/compliance.py" line="85"/>
        <source>Norm</source>
        <translation>Норматив</translation>
    </message>
    <message>
        <location filename="../../app/ui/compliance.py" line="90"/>
        <source>Steps done by incidents received in the shift. Percentiles by nearest rank: 90% of the steps took no longer. Norms differ by incident type.</source>
        <translation>Этапы, выполненные по происшествиям, поступившим за смену. Процентили по ближайшему рангу: 90% этапов заняли не больше. Нормативы зависят от типа происшествия.</translation>
    </message>
    <message>
        <location filename="../../app/ui/compliance.py" line="115"/>
        <source>Shift %s</source>
        <translation>Смена %s</translation>
    </message>
    <message>
        <location filename="../../app/ui/compliance.py" line="118"/>
        <source>Received in the shift: %d</source>
        <translation>Поступило за смену: %d</translation>
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
        <location filename="../../app/ui/wall/panels/base.py" line="114"/>
        <source>NOT LIVE — state at %s</source>
        <translation>НЕ В РЕАЛЬНОМ ВРЕМЕНИ — состояние на %s</translation>
    </message>
    <message>
        <location filename="../../app/ui/wall/panels/base.py" line="116"/>
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
        <location filename="../../app/ui/words.py" line="74"/>
        <location filename="../../app/ui/words.py" line="75"/>
        <source>resolved</source>
        <translation>решено</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="13"/>
        <location filename="../../app/ui/words.py" line="76"/>
        <source>closed</source>
        <translation>закрыто</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="14"/>
        <location filename="../../app/ui/words.py" line="78"/>
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
        <location filename="../../app/ui/words.py" line="72"/>
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
        <location filename="../../app/ui/words.py" line="89"/>
        <source>crew dispatched</source>
        <translation>бригада выехала</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="37"/>
        <source>on scene</source>
        <translation>на месте</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="39"/>
        <source>recalled</source>
        <translation>отозвано</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="53"/>
        <source>Register</source>
        <translation>Зарегистрировать</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="54"/>
        <source>Resolve</source>
        <translation>Решено</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="55"/>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="56"/>
        <source>Reopen</source>
        <translation>Возобновить</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="57"/>
        <source>Cancel incident</source>
        <translation>Отменить</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="58"/>
        <source>Merge into…</source>
        <translation>Объединить с…</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="59"/>
        <source>Split (undo merge)</source>
        <translation>Разделить (отменить объединение)</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="60"/>
        <source>Start work</source>
        <translation>Начать работу</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="69"/>
        <source>registered the incident</source>
        <translation>зарегистрировал(а) происшествие</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="70"/>
        <source>changed</source>
        <translation>изменил(а)</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="71"/>
        <source>verified and registered</source>
        <translation>проверил(а) и зарегистрировал(а)</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="73"/>
        <location filename="../../app/ui/words.py" line="81"/>
        <source>work started</source>
        <translation>начаты работы</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="77"/>
        <source>reopened</source>
        <translation>возобновлено</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="79"/>
        <source>merged into another incident</source>
        <translation>объединено с другим происшествием</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="80"/>
        <source>split off: merge undone</source>
        <translation>отделено: объединение отменено</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="82"/>
        <source>took the incident</source>
        <translation>взял(а) в работу</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="83"/>
        <source>took the incident over</source>
        <translation>перехватил(а) происшествие</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="84"/>
        <source>released the incident</source>
        <translation>освободил(а) происшествие</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="85"/>
        <source>claim expired</source>
        <translation>истекла блокировка</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="86"/>
        <source>handed over to a duty service</source>
        <translation>передано в службу</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="87"/>
        <source>handed over again</source>
        <translation>передано повторно</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="88"/>
        <source>duty service acknowledged</source>
        <translation>служба подтвердила приём</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="90"/>
        <source>crew on scene</source>
        <translation>бригада на месте</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="91"/>
        <source>duty service reported resolved</source>
        <translation>служба доложила о выполнении</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="92"/>
        <source>hand-over recalled</source>
        <translation>передача отозвана</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="93"/>
        <source>note</source>
        <translation>заметка</translation>
    </message>
    <message>
        <location filename="../../app/ui/words.py" line="94"/>
        <source>caller added</source>
        <translation>добавлен заявитель</translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <location filename="../../app/ui/console.py" line="169"/>
        <source>Your session has expired. Sign in again.</source>
        <translation>Сеанс истёк. Войдите снова.</translation>
    </message>
</context>
</TS>
