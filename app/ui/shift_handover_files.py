"""A shift handover's paper: CSV for spreadsheets, PDF (A4) for the archive, both made from
the ``Document`` the window shows. The PDF is drawn by Qt itself (QTextDocument onto a
QPdfWriter), so no PDF library comes with the console; Qt embeds the fonts it uses, Cyrillic
included."""

from __future__ import annotations

import csv
from html import escape
from pathlib import Path

from PySide6.QtCore import QMarginsF, QSizeF
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPdfWriter, QTextDocument

from app.ui.shift_handover_document import Document


def write_csv(path: Path, doc: Document, notes_title: str, hash_title: str) -> None:
    """Blocks one under another: the lines, each section (title, header, rows), the notes,
    the signatures and the hash. UTF-8 with a byte-order mark, for spreadsheet programs."""
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f)
        w.writerow([doc.title])
        w.writerows([k, v] for k, v in doc.lines)
        for section in doc.sections:
            w.writerow([])
            w.writerow([section.title])
            w.writerow(section.header)
            w.writerows(section.rows or [[section.empty]])
        w.writerow([])
        w.writerow([notes_title])
        w.writerow([doc.notes])
        w.writerow([])
        w.writerows([k, v] for k, v in doc.signatures)
        if doc.content_hash:
            w.writerow([hash_title, doc.content_hash])


def _table(header: list[str], rows: list[list[str]]) -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in r) + "</tr>" for r in rows)
    return (f'<table border="1" cellspacing="0" cellpadding="3" width="100%">'
            f"<tr>{head}</tr>{body}</table>")


def html(doc: Document, notes_title: str, hash_title: str) -> str:
    parts = [f"<h2>{escape(doc.title)}</h2>",
             '<table cellpadding="2">' + "".join(
                 f"<tr><td><b>{escape(k)}</b></td><td>{escape(v)}</td></tr>"
                 for k, v in doc.lines) + "</table>"]
    for section in doc.sections:
        parts.append(f"<h3>{escape(section.title)}</h3>")
        parts.append(_table(section.header, section.rows) if section.rows
                     else f"<p>{escape(section.empty)}</p>")
    parts.append(f"<h3>{escape(notes_title)}</h3>")
    parts.append("<p>" + escape(doc.notes or "—").replace("\n", "<br>") + "</p>")
    parts.append('<br><table cellpadding="4">' + "".join(
        f"<tr><td><b>{escape(k)}</b></td><td>{escape(v)}</td></tr>" for k, v in doc.signatures)
        + "</table>")
    if doc.content_hash:
        parts.append(f'<p><small>{escape(hash_title)}: <tt>{escape(doc.content_hash)}</tt>'
                     "</small></p>")
    return "".join(parts)


def write_pdf(path: Path, doc: Document, notes_title: str, hash_title: str) -> None:
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter)
    writer.setResolution(300)
    writer.setTitle(doc.title)
    text = QTextDocument()
    # Laid out at the writer's resolution on its page, so 9 points are 9 points on paper
    # (the default, the screen's, would make them a third of that).
    text.documentLayout().setPaintDevice(writer)
    font = QFont()
    font.setPointSize(9)
    text.setDefaultFont(font)
    text.setHtml(html(doc, notes_title, hash_title))
    rect = writer.pageLayout().paintRectPixels(writer.resolution())
    text.setPageSize(QSizeF(rect.width(), rect.height()))
    text.print_(writer)
