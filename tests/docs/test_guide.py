"""The user guide (docs/guide): the Russian and the English guide have the same sections
and the same pictures, each its own language's; every picture they show is in
docs/images, every picture there is shown, every one is a shot the screenshot script
takes (docs/screenshots), and the README leads to both guides."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from docs.screenshots import IMAGES, LANGUAGES, SHOTS

ROOT = Path(__file__).resolve().parents[2]
GUIDES = {language: ROOT / "docs" / "guide" / f"{language}.md" for language in LANGUAGES}
IMAGE = re.compile(r"!\[[^\]]*\]\(([^)\s]+)\)")
LINK = re.compile(r"(?<!!)\[[^\]]*\]\(([^)\s#]+)(?:#[^)]*)?\)")


def text_of(language: str) -> str:
    return GUIDES[language].read_text(encoding="utf-8")


def prose(text: str) -> list[str]:
    """The lines outside fenced code blocks (a shell comment there is no heading)."""
    lines, fenced = [], False
    for line in text.splitlines():
        if line.startswith("```"):
            fenced = not fenced
        elif not fenced:
            lines.append(line)
    return lines


def headings(language: str) -> list[int]:
    """The level of each heading, in order."""
    return [len(m.group(1)) for line in prose(text_of(language))
            if (m := re.match(r"(#{1,6}) \S", line))]


def images(language: str) -> list[Path]:
    """The pictures the guide shows, in order, as files."""
    return [(GUIDES[language].parent / target).resolve()
            for target in IMAGE.findall(text_of(language))]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_picture_a_guide_shows_exists_in_its_own_language(language: str) -> None:
    shown = images(language)
    assert shown, f"the {language} guide shows no picture"
    missing = [p.name for p in shown if not p.is_file()]
    assert missing == [], f"{language}: not in docs/images/{language}: {missing}"
    foreign = [str(p) for p in shown if p.parent != IMAGES / language]
    assert foreign == [], f"{language}: pictures outside docs/images/{language}: {foreign}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_picture_in_docs_images_is_shown(language: str) -> None:
    unused = sorted(p.name for p in (IMAGES / language).glob("*.png")
                    if p.resolve() not in set(images(language)))
    assert unused == [], f"docs/images/{language} has pictures no guide shows: {unused}"


def test_both_guides_have_the_same_sections_and_pictures() -> None:
    ru, en = (headings(language) for language in ("ru", "en"))
    assert len(ru) == len(en) and ru == en, f"heading levels differ:\nru {ru}\nen {en}"
    assert [p.name for p in images("ru")] == [p.name for p in images("en")]


def test_the_screenshot_script_takes_exactly_the_pictures_the_guides_show() -> None:
    shown = {p.stem for language in LANGUAGES for p in images(language)}
    assert sorted(shown - set(SHOTS)) == [], "pictures the screenshot script does not take"
    assert sorted(set(SHOTS) - shown) == [], "shots no guide shows"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_guides_links_lead_to_files_that_exist(language: str) -> None:
    targets = [t for t in LINK.findall(text_of(language)) if "://" not in t]
    broken = [t for t in targets if not (GUIDES[language].parent / t).exists()]
    assert broken == [], f"{language}: broken links {broken}"


def test_the_readme_leads_to_both_guides() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for language in LANGUAGES:
        assert f"docs/guide/{language}.md" in readme
