"""The page "Data and sources": the downloads of the edition and the codebook of the data files.

It writes the whole data package (one zip, and each table as CSV) into the page's downloads
folder, and describes every file's fields from the contract, so that the page and the package
can never disagree.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from programme_monitor.data.contract import TABLES, table_schema
from programme_monitor.pages.data_package import package_files, write_zip
from programme_monitor.words.edition import SOURCE_LANGUAGE, MissingTranslation, edition_lang
from programme_monitor.words.formatting import format_date, labels
from programme_monitor.pages.markdown import markdown_table
from programme_monitor.words.publication import ANCHORS, booklet_file_name, citation

def package_file_name(programme: dict, as_of: date) -> str:
    """'42-CTr-HU-2026-11-24-du-lieu.zip', beside the booklet's name."""
    return booklet_file_name(programme, as_of, "-du-lieu.zip")


def write_downloads(dataset, as_of: date, derived: dict, downloads_dir: Path) -> dict[str, str]:
    """Writes the package's zip and each of its files; returns name → path relative to the page."""
    title = labels()["package_title"].format(name=dataset.programme["short_title"],
                                             as_of=as_of.isoformat())
    files = package_files(dataset, as_of, derived, "programme-monitor-data", title)
    links = {}
    for name, content in files.items():
        if name.startswith("schemas/") or name.endswith(".yaml"):
            continue  # inside the zip; the YAML files are the programme's sources, in the repository
        path = downloads_dir / "data" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
        links[name] = f"{downloads_dir.name}/data/{name}"
    archive = downloads_dir / package_file_name(dataset.programme, as_of)
    write_zip(archive, files)
    links["archive"] = f"{downloads_dir.name}/{archive.name}"
    return links


def publication_sections(dataset, as_of: date) -> str:
    """How to cite, licence, contact and the editions: the footer of every page links here."""
    words = labels()
    publication = dataset.programme["publication"]
    editions = "\n".join(f"- **{format_date(edition['date'])}**: {' '.join(edition['changes'].split())}"
                         for edition in publication["editions"])
    sections = {
        "cite": citation(dataset.programme, as_of),
        "licence": " ".join(publication["licence"].split())
        + f" {words['see']} <{publication['licence_url']}>.",
        "contact": " ".join(publication["contact"].split()),
        "editions": editions,
    }
    return "\n".join(f"({ANCHORS[name]})=\n## {words[f'heading_{name}']}\n\n{text}\n"
                     for name, text in sections.items())


def schema_text(node: dict, key: str, lang: str, where: str) -> str:
    """A schema's `title` or `description` for an edition: the standard keys hold the data
    keeper's language, `title_en` and `description_en` the translation."""
    text = node.get(key) or ""
    if lang == SOURCE_LANGUAGE or not text:
        return text
    translated = node.get(f"{key}_{lang}")
    if not translated:
        raise MissingTranslation(f"{where}: {node.get('name', '')} has no {key}_{lang} for {text!r}")
    return translated


def codebook(lang: str | None = None) -> str:
    """One table per CSV file: each field, its type, whether it must be filled, what it holds."""
    parts, words, lang = [], labels(), edition_lang()
    for table, filename in TABLES.items():
        schema = table_schema(table)
        rows = []
        for field in schema["fields"]:
            constraints = field.get("constraints", {})
            meaning = " ".join(schema_text(field, "description", lang, filename).split())
            if constraints.get("enum"):
                meaning = (meaning + " " if meaning else "") + \
                    words["codebook_values"] + " " + ", ".join(f"`{v}`" for v in constraints["enum"]) + "."
            type_ = field.get("type", "string")
            rows.append([f"`{field['name']}`", schema_text(field, "title", lang, filename),
                         words["type_names"].get(type_, type_),
                         words["required"] if constraints.get("required") else "",
                         meaning])
        key = ", ".join(schema.get("primaryKey", []))
        parts += [f"**`{filename}`: {schema_text(schema, 'title', lang, filename)}**", "",
                  " ".join(schema_text(schema, "description", lang, filename).split()), "",
                  markdown_table([words["col_column"], words["col_name"], words["col_type"], "",
                                  words["col_content"]], rows), "",
                  words["codebook_key"].format(key) if key else "", ""]
    return "\n".join(parts)
