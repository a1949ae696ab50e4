"""The page "Data and sources": the downloads of the edition and the codebook of the data files.

It writes the whole data package (one zip, and each table as CSV) into the page's downloads
folder, and describes every file's fields from the contract, so that the page and the package
can never disagree.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from programme_monitor.assess.assessment import inputs_table
from programme_monitor.assess.selection import areas_as_known, published_by, sources_published_by
from programme_monitor.common.files import zip_bytes
from programme_monitor.data.contract import TABLES, table_schema
from programme_monitor.data.edition_archive import ARCHIVE_FOLDER, archived_editions, booklets_of
from programme_monitor.pages.data_package import indicators_table, package_files
from programme_monitor.pages.downloads import task_status_table
from programme_monitor.pages.markdown import markdown_table, web_only
from programme_monitor.words.edition import SOURCE_LANGUAGE, Edition, MissingTranslation
from programme_monitor.words.publication import (
    ANCHORS,
    booklet_file_name,
    citation,
    package_file_name,
)


def edition_package(chapter) -> dict[str, bytes]:
    """The edition's data package, file name → bytes: the data files' tables as published by the
    reporting date, with the derived tables (indicators, every input of every assessment, the
    tasks' status). What the data page offers, and what `archive` keeps of a published edition."""
    dataset, as_of = chapter.dataset, chapter.report_date
    derived = {
        "indicators": indicators_table(dataset),
        "progress-inputs": inputs_table(dataset, chapter.statuses, as_of),
        "task-status": task_status_table(dataset, chapter.tasks, as_of),
    }
    title = dataset.edition.labels["package_title"].format(
        name=dataset.programme["short_title"], as_of=as_of.isoformat()
    )
    return package_files(dataset, as_of, derived, "programme-monitor-data", title)


def data_downloads(chapter, downloads_dir: Path) -> tuple[dict[Path, bytes], dict[str, str]]:
    """The edition's data as files to offer: the package's zip and each of its tables; and each
    one's link, by name, relative to the page."""
    dataset, as_of = chapter.dataset, chapter.report_date
    files = edition_package(chapter)
    # Inside the zip only: the schemas, and the YAML files (the programme's sources, in the
    # repository).
    offered = {
        name: content
        for name, content in files.items()
        if not (name.startswith("schemas/") or name.endswith(".yaml"))
    }
    written = {downloads_dir / "data" / name: content for name, content in offered.items()}
    links = {name: f"{downloads_dir.name}/data/{name}" for name in offered}
    archive = downloads_dir / package_file_name(dataset.programme, as_of)
    written[archive] = zip_bytes(files)
    links["archive"] = f"{downloads_dir.name}/{archive.name}"
    return written, links


def archived_links(dataset) -> str:
    """The archived editions' data and booklets at their stable addresses (see
    builder/publish.archived_site_files), one line each, for the site; "" when none is archived.
    Written as HTML: the addresses lie outside the book."""
    words, edition = dataset.edition.labels, dataset.edition
    root_lang = edition.lang == edition.languages[0]
    # From book/generated/ of this edition to the site's root (one folder more for a language's).
    root = "../../" + ("" if root_lang else "../")
    lines = []
    for day in reversed(archived_editions(dataset.data_dir)):
        folder = f"{ARCHIVE_FOLDER}/{day.isoformat()}/"
        links = [(words["archived_data"], folder + package_file_name(dataset.programme, day))]
        if edition.lang in booklets_of(dataset.data_dir, day):
            booklet = booklet_file_name(dataset.programme, day)
            links.append(
                (
                    words["archived_booklet"],
                    folder + ("" if root_lang else f"{edition.lang}/") + booklet,
                )
            )
        html = " · ".join(f'<a href="{root}{path}">{text}</a>' for text, path in links)
        lines.append(f"- {words['archived_edition'].format(date=edition.date(day))}: {html}")
    return "\n".join(lines)


def publication_sections(dataset, as_of: date) -> str:
    """How to cite, licence, contact and the editions: the footer of every page links here."""
    words = dataset.edition.labels
    publication = dataset.programme["publication"]
    editions = "\n".join(
        f"- **{dataset.edition.date(edition['date'])}**: {' '.join(edition['changes'].split())}"
        for edition in publication["editions"]
    )
    if archived := archived_links(dataset):
        editions += "\n\n" + web_only(archived)
    sections = {
        "cite": citation(dataset.edition, dataset.programme),
        "licence": " ".join(publication["licence"].split())
        + f" {words['see']} <{publication['licence_url']}>.",
        "contact": " ".join(publication["contact"].split()),
        "editions": editions,
    }
    return "\n".join(
        f"({ANCHORS[name]})=\n## {words[f'heading_{name}']}\n\n{text}\n"
        for name, text in sections.items()
    )


def schema_text(node: dict, key: str, lang: str, where: str) -> str:
    """A schema's `title` or `description` for an edition: the standard keys hold the data
    keeper's language, `title_en` and `description_en` the translation."""
    text = node.get(key) or ""
    if lang == SOURCE_LANGUAGE or not text:
        return text
    translated = node.get(f"{key}_{lang}")
    if not translated:
        raise MissingTranslation(
            f"{where}: {node.get('name', '')} has no {key}_{lang} for {text!r}"
        )
    return translated


def codebook(edition: Edition) -> str:
    """One table per CSV file: each field, its type, whether it must be filled, what it holds."""
    parts, words = [], edition.labels
    header = [
        words["col_column"],
        words["col_name"],
        words["col_type"],
        words["col_required"],
        words["col_content"],
    ]
    for table, filename in TABLES.items():
        schema = table_schema(table)
        rows = [_codebook_row(field, edition, filename) for field in schema["fields"]]
        key = ", ".join(schema.get("primaryKey", []))
        parts += [
            f"**`{filename}`: {schema_text(schema, 'title', edition.lang, filename)}**",
            "",
            " ".join(schema_text(schema, "description", edition.lang, filename).split()),
            "",
            markdown_table(edition, header, rows),
            "",
            words["codebook_key"].format(key) if key else "",
            "",
        ]
    return "\n".join(parts)


def _codebook_row(field: dict, edition: Edition, filename: str) -> list[str]:
    """A field of a table: name, title, type, whether required, and what it holds."""
    words, lang = edition.labels, edition.lang
    constraints = field.get("constraints", {})
    meaning = " ".join(schema_text(field, "description", lang, filename).split())
    if constraints.get("enum"):
        allowed = ", ".join(f"`{v}`" for v in constraints["enum"])
        meaning = (meaning + " " if meaning else "") + f"{words['codebook_values']} {allowed}."
    type_ = field.get("type", "string")
    return [
        f"`{field['name']}`",
        schema_text(field, "title", lang, filename),
        words["type_names"].get(type_, type_),
        words["required"] if constraints.get("required") else "",
        meaning,
    ]


def data_page_values(chapter, downloads_dir: Path) -> tuple[dict[str, str], dict[Path, bytes]]:
    """The data page's figures, links and sections, by the name its narrative gives them, and
    the files it offers."""
    dataset, edition, as_of = chapter.dataset, chapter.edition, chapter.report_date
    files, links = data_downloads(chapter, downloads_dir)

    def download(name: str, label: str | None = None) -> str:
        return f"{{download}}`{label or name} <{links[name]}>`"

    values = {
        "as_of": edition.date(as_of),
        "n_observations": len(published_by(dataset.observations, as_of)),
        "n_sources": len(sources_published_by(dataset, as_of)),
        "archive_link": download("archive", Path(links["archive"]).name),
        "tables": ", ".join(download(name) for name in links if name.endswith(".csv")),
        "datapackage_link": download("datapackage.json"),
        "publication_sections": publication_sections(dataset, as_of),
        "codebook": codebook(edition),
        "boundary_rule": boundary_rule(dataset),
    }
    return values, files


def boundary_rule(dataset) -> str:
    """A list item for each area made of parts (areas.csv, part_of): from when, which units, and
    when their figures are added up; nothing for a programme whose areas have no parts."""
    known = areas_as_known(dataset, dataset.edition.as_of)
    areas = known.set_index("area_id")
    rules = []
    for whole, parts in known[known["part_of"] != ""].groupby("part_of"):
        starts = sorted(p for p in parts["valid_from"] if p)
        rules.append("- " + dataset.edition.labels["boundary_rule"].format(
            date=dataset.edition.date(date.fromisoformat(starts[0])) if starts else "",
            whole=areas.loc[whole, "name"], n=len(parts), parts=", ".join(parts["name"]),
        ))  # fmt: skip
    return "\n".join(rules)
