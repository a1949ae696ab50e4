"""The printed A4 booklet: what this edition's cover says, what TeX needs, and its file name.

Route: Jupyter Book's LaTeX builder with XeLaTeX (see README, "The printed booklet"). The page
layout lives in book/latex/booklet.sty; this module writes the one file that changes with each
edition, `edition.def`, whose macros the cover, the running heads and the footers print.
"""

from __future__ import annotations

import shutil
import subprocess

from programme_monitor.words.edition import Edition

# What the LaTeX route runs, and the Debian package that provides each (for the error message).
REQUIRED_COMMANDS = {"xelatex": "texlive-xetex", "latexmk": "latexmk", "make": "make"}
REQUIRED_FONTS = {"FreeSerif": "fonts-freefont-otf", "FreeSans": "fonts-freefont-otf"}
INSTALL_HINT = "chạy scripts/install-system-packages (với quyền root) rồi dựng lại"

_LATEX_SPECIALS = {
    "\\": r"\textbackslash{}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "{": r"\{",
    "}": r"\}",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}


def latex_escape(text: str) -> str:
    """Plain text as LaTeX that prints the same characters."""
    return "".join(_LATEX_SPECIALS.get(ch, ch) for ch in " ".join(str(text).split()))


def missing_requirements() -> list[str]:
    """What the booklet needs and this machine lacks, each with the package that provides it."""
    missing = [
        f"lệnh '{command}' (gói Debian {package})"
        for command, package in REQUIRED_COMMANDS.items()
        if shutil.which(command) is None
    ]
    if shutil.which("fc-list") is None:
        return missing + ["lệnh 'fc-list' (gói Debian fontconfig)"]
    for font, package in REQUIRED_FONTS.items():
        found = subprocess.run(
            ["fc-list", f"{font}:style=Regular", "family"], capture_output=True, text=True
        ).stdout
        if font not in found:
            missing.append(f"phông chữ {font} (gói Debian {package})")
    return missing


# Words printed by booklet.sty, by macro name: the layout holds no text of either language.
_WORD_MACROS = {
    "BookletWordKicker": "booklet_kicker",
    "BookletWordSigned": "booklet_signed",
    "BookletWordArea": "booklet_area",
    "BookletWordAsOf": "booklet_as_of",
    "BookletWordAsOfShort": "booklet_as_of_short",
    "BookletWordBuiltOn": "booklet_built_on",
    "BookletWordAsOfRule": "booklet_as_of_rule",
    "BookletWordPublisher": "booklet_publisher",
    "BookletWordLicence": "booklet_licence",
    "BookletWordPage": "booklet_page",
    "BookletWordPageRef": "booklet_page_ref",
    "BookletWordNotes": "booklet_notes",
    "BookletWordContinuedFrom": "booklet_continued_from",
    "BookletWordContinuesOn": "booklet_continues_on",
}


def edition_macros(edition: Edition, programme: dict) -> dict[str, str]:
    """The values and words of `edition`, by macro name, as plain text (`programme` in its
    language)."""
    publication = programme["publication"]
    words = edition.labels
    values = {
        "BookletProgrammeNumber": programme.get("number") or programme["id"],
        "BookletShortTitle": programme["short_title"],
        "BookletTitle": programme["title"],
        "BookletIssuer": programme["issuer"],
        "BookletSigned": edition.date(programme["signed"]),
        "BookletArea": programme.get("area_name") or programme["area"],
        "BookletAsOf": edition.date(edition.as_of),
        "BookletBuiltOn": edition.date(edition.built_on),
        "BookletPublisher": publication["publisher"],
        "BookletLicence": publication["licence"],
        "BookletLanguage": edition.lang,
    }
    return {**{macro: words[key] for macro, key in _WORD_MACROS.items()}, **values}


def edition_definitions(edition: Edition, programme: dict) -> str:
    """edition.def: one \\newcommand per value, escaped for LaTeX."""
    lines = [
        "% Written by the build (programme_monitor/site/booklet.py) for one edition; do not edit."
    ]
    for name, value in edition_macros(edition, programme).items():
        lines.append(f"\\newcommand{{\\{name}}}{{{latex_escape(value)}}}")
    # \url takes % and # escaped; unescaped, they would end or break this definition.
    url = programme["publication"]["licence_url"].replace("%", r"\%").replace("#", r"\#")
    lines.append(f"\\newcommand{{\\BookletLicenceUrl}}{{\\url{{{url}}}}}")
    return "\n".join(lines) + "\n"
