"""The command line: thin wrappers that call one library function each and turn
rasid's errors into one line on stderr and a non-zero exit code."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from rasid import __version__
from rasid.errors import ArchiveError, EvaluationError, RasidError
from rasid.options import DEFAULT_MAX_BYTES, ReadOptions
from rasid.pipeline import analyze as analyze_source
from rasid.reader import parse_date

app = typer.Typer(
    name="rasid",
    help="rasid (راصد): turn raw Arabic news into structured, sourced facts.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

EXIT_USER_ERROR = 1
EXIT_INTERNAL = 70


def _fail(message: str, code: int = EXIT_USER_ERROR) -> typer.Exit:
    """One line on stderr, never wrapped, whatever the terminal width."""
    sys.stderr.write("rasid: error: " + " ".join(message.split()) + "\n")
    return typer.Exit(code)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"rasid {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version.")
    ] = False,
) -> None:
    """rasid (راصد): turn raw Arabic news into structured, sourced facts."""


@app.command()
def analyze(
    source: Annotated[
        str,
        typer.Argument(metavar="PATH|URL|-", help="A file (HTML or text), a URL, or - for stdin."),
    ],
    published: Annotated[
        str | None,
        typer.Option(help="Publication date YYYY-MM-DD; overrides the date found in the page."),
    ] = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the analysis document as JSON (docs/schema.md).")
    ] = False,
    visual_rtl: Annotated[
        bool,
        typer.Option(
            "--visual-rtl",
            envvar="RASID_VISUAL_RTL",
            help="Reorder Arabic for terminals without bidi support (xterm, Windows Terminal).",
        ),
    ] = False,
    max_bytes: Annotated[
        int, typer.Option(help="Refuse inputs larger than this many bytes.", min=1)
    ] = DEFAULT_MAX_BYTES,
    timeout: Annotated[float, typer.Option(help="Network timeout in seconds for a URL.")] = 15.0,
) -> None:
    """Read one article and print what rasid finds in it.

    Examples:

      rasid analyze examples/seed-article.txt

      rasid analyze page.html --published 2022-02-28 --json

      curl -s https://example.com/a.html | rasid analyze - --json
    """
    options = ReadOptions(max_bytes=max_bytes, timeout=timeout)
    if published is not None:
        parse_date(published)
    if source == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
        analysis = analyze_source(data, published, options=options)
    else:
        path_or_url: str | Path = source
        if not source.startswith(("http://", "https://")):
            path_or_url = Path(source)
        analysis = analyze_source(path_or_url, published, options=options)
    if as_json:
        sys.stdout.write(json.dumps(analysis.to_dict(), ensure_ascii=False, indent=2) + "\n")
    else:
        from rasid.terminal import render

        render(analysis, Console(highlight=False), visual=visual_rtl)


train_app = typer.Typer(help="Rebuild a shipped model from ../shared.", no_args_is_help=True)
eval_app = typer.Typer(help="Score a shipped model on its benchmark.", no_args_is_help=True)
app.add_typer(train_app, name="train")
app.add_typer(eval_app, name="eval")


NerData = Annotated[
    Path | None,
    typer.Option(help="The ner/ folder of ../shared/data (default: found next to the repo)."),
]


def _ner_data(data: Path | None) -> Path:
    from rasid.entities.train import DEFAULT_DATA

    return data or DEFAULT_DATA


@train_app.command("ner")
def train_ner(
    data: NerData = None,
    out: Annotated[
        Path | None,
        typer.Option(help="Where to write the model (default: the package's models/ner)."),
    ] = None,
    dev: Annotated[
        bool,
        typer.Option(
            "--dev", help="Hold out the last 10% of train and score on it instead of test."
        ),
    ] = False,
) -> None:
    """Train the named-entity tagger on ANERcorp (CAMeL split) and write model + meta.json.

    Example:

      rasid train ner --data ../shared/data/ner
    """
    from rasid.entities.tagger import default_model_dir
    from rasid.entities.train import TrainOptions, train

    meta = train(
        _ner_data(data),
        out or default_model_dir(),
        TrainOptions(dev=dev),
        progress=lambda line: typer.echo(line, err=True),
    )
    typer.echo(json.dumps(meta["scores"], ensure_ascii=False, indent=2))


SplitOption = Annotated[
    str,
    typer.Option(help="dev (the rules were developed on it) or test (held out, never looked at)."),
]
GoldOption = Annotated[
    Path | None, typer.Option(help="An annotation folder of your own (overrides --split).")
]
SharedOption = Annotated[
    Path | None,
    typer.Option(
        help="The ../shared folder with the corpora (default: RASID_SHARED or ../shared)."
    ),
]
JsonScores = Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")]


def _gold_folder(split: str, gold: Path | None, dev: Path, test: Path) -> Path:
    """The annotation folder of ``--split`` (or ``--gold``)."""
    if split not in ("dev", "test"):
        raise EvaluationError(f"--split must be dev or test, not {split!r}")
    return gold or (test if split == "test" else dev)


def _print_scores(report, as_json: bool, errors: bool, render, line) -> None:
    """A devset report as JSON (with ``error_list`` when asked) or as a table, then one
    ``line(item)`` per missed or spurious item when ``errors``."""
    wrong = [pair.to_dict() for pair in report.pairs if pair.error] if errors else []
    if as_json:
        data = report.to_dict() | ({"error_list": wrong} if errors else {})
        typer.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    render(report, Console(highlight=False))
    for item in wrong:
        typer.echo(line(item))


@eval_app.command("ner")
def eval_ner(
    data: NerData = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
    model: Annotated[
        Path | None, typer.Option(help="A model folder (default: the shipped model).")
    ] = None,
) -> None:
    """Score the named-entity tagger on the ANERcorp test split: entity-level exact match,
    CoNLL style (a stray I- tag starts an entity, as conlleval reads it).

    Example:

      rasid eval ner --json
    """
    from rasid.entities.tagger import load_tagger
    from rasid.entities.train import evaluate_tagger

    report = evaluate_tagger(load_tagger(model), _ner_data(data))
    if as_json:
        typer.echo(json.dumps(report.to_dict(), indent=2))
        return
    from rasid.terminal import render_scores

    render_scores(report, Console(highlight=False))


@eval_app.command("events")
def eval_events(
    split: SplitOption = "dev",
    gold: GoldOption = None,
    shared: SharedOption = None,
    as_json: JsonScores = False,
    errors: Annotated[
        bool, typer.Option("--errors", help="Also list every missed and spurious event.")
    ] = False,
) -> None:
    """Score event extraction on the hand-annotated development set: precision, recall
    and F1 of type + place (type + trigger when the gold event has no place), and on
    matched events the share of right dates, counts and claims.

    Example:

      rasid eval events --json
      rasid eval events --split test
    """
    from rasid.events.devset import DEFAULT_GOLD, HELD_OUT, load_devset
    from rasid.events.scoring import evaluate
    from rasid.terminal import render_event_scores

    report = evaluate(load_devset(_gold_folder(split, gold, DEFAULT_GOLD, HELD_OUT), shared))
    _print_scores(
        report,
        as_json,
        errors,
        render_event_scores,
        lambda x: (
            f"{x['error']}\t{x['article']}\t{x['type']}\t{x['trigger']}\t{x['location'] or ''}"
        ),
    )


@eval_app.command("dates")
def eval_dates(shared: SharedOption = None, as_json: JsonScores = False) -> None:
    """Score time expressions (found, and resolved to the right day or range) against the
    hand-checked list in tests/data/timex_dev and the silver TimeML corpus in ../shared.

    Example:

      rasid eval dates --json
    """
    from rasid.events.timex_eval import evaluate

    reports = evaluate(shared)
    if as_json:
        typer.echo(json.dumps({k: r.to_dict() for k, r in reports.items()}, indent=2))
        return
    from rasid.terminal import render_date_scores

    render_date_scores(reports, Console(highlight=False))


@eval_app.command("statements")
def eval_statements(
    split: SplitOption = "dev",
    gold: GoldOption = None,
    shared: SharedOption = None,
    as_json: JsonScores = False,
    errors: Annotated[
        bool, typer.Option("--errors", help="Also list every missed and spurious statement.")
    ] = False,
) -> None:
    """Score statement extraction on the hand-annotated development set. A prediction
    matches a gold statement when the speakers overlap (one contains the other, after
    normalisation) and the content token F1 is at least 0.5.

    Example:

      rasid eval statements --json
      rasid eval statements --split test
    """
    from rasid.statements.devset import DEFAULT_GOLD, HELD_OUT, load_devset
    from rasid.statements.scoring import evaluate
    from rasid.terminal import render_statement_scores

    report = evaluate(load_devset(_gold_folder(split, gold, DEFAULT_GOLD, HELD_OUT), shared))
    _print_scores(
        report,
        as_json,
        errors,
        render_statement_scores,
        lambda x: f"{x['error']}\t{x['article']}\t[{x['speaker']}] {x['content']}",
    )


DbOption = Annotated[
    Path | None,
    typer.Option("--db", help="The archive (default: RASID_DB, else rasid.db here)."),
]


@app.command()
def ingest(
    sources: Annotated[
        list[str],
        typer.Argument(
            help="Files, folders, .zip/.tar.gz archives, JSON/JSONL, WARC, or feed URLs."
        ),
    ],
    db: DbOption = None,
    workers: Annotated[int, typer.Option(help="Processes that analyse in parallel.")] = 1,
    as_json: Annotated[bool, typer.Option("--json", help="Print the summary as JSON.")] = False,
    batch: Annotated[int, typer.Option(help="Records stored per transaction.")] = 50,
    published: Annotated[
        str | None,
        typer.Option(
            help="YYYY-MM-DD assumed for articles that carry no date of their own "
            "(relative dates such as أمس resolve against it)."
        ),
    ] = None,
) -> None:
    """Read, deduplicate, analyse and store every article of the sources. Running it
    again adds nothing; an interrupted run resumes where its last batch ended.

    Example:

      rasid ingest ../shared/data/news/saudinewsnet/dataset --workers 2
    """
    from rasid.archive.ingest import count_records
    from rasid.archive.ingest import ingest as run_ingest
    from rasid.archive.store import open_archive
    from rasid.terminal import ingest_progress

    archive = open_archive(db)
    try:
        total = count_records(sources)
        with ingest_progress(total, enabled=not as_json) as update:
            summary = run_ingest(
                sources,
                archive,
                workers=workers,
                batch_size=batch,
                progress=update,
                published=parse_date(published) if published else None,
            )
    except KeyboardInterrupt:
        sys.stderr.write(
            "rasid: interrupted; every finished batch is stored, run again to resume\n"
        )
        raise typer.Exit(130) from None
    finally:
        archive.close()
    if as_json:
        typer.echo(json.dumps(summary.to_dict(), ensure_ascii=False, indent=2))
    else:
        from rasid.terminal import render_ingest_summary

        render_ingest_summary(summary, Console(highlight=False))
    if summary.read == 0 and summary.already == 0:  # the whole job failed
        if summary.skipped:
            raise ArchiveError(
                f"nothing could be ingested: all {summary.skipped:,} records were skipped"
            )
        raise ArchiveError("the sources hold no records")


@app.command()
def search(
    query: Annotated[
        str, typer.Argument(help="Arabic words; spelling variants and clitics are ignored.")
    ],
    db: DbOption = None,
    date_from: Annotated[str | None, typer.Option("--from", help="YYYY-MM-DD")] = None,
    date_to: Annotated[str | None, typer.Option("--to", help="YYYY-MM-DD")] = None,
    outlet: Annotated[str | None, typer.Option(help="Only this outlet (source).")] = None,
    entity: Annotated[
        str | None, typer.Option(help="Only articles that mention this entity.")
    ] = None,
    limit: Annotated[int, typer.Option(help="How many results (1-200).")] = 20,
    offset: Annotated[int, typer.Option(help="Skip this many results (paging).")] = 0,
    as_json: Annotated[bool, typer.Option("--json", help="Print the results as JSON.")] = False,
) -> None:
    """Full-text search of the archive, best match first (bm25, newer first on ties).

    Example:

      rasid search "اوكرانيا روسيا" --from 2022-02-01 --json
    """
    from rasid.archive.search import search as run_search

    for value in (date_from, date_to):
        if value is not None:
            parse_date(value)
    archive = _archive_at(db)
    try:
        hits = run_search(
            archive,
            query,
            date_from=date_from,
            date_to=date_to,
            outlet=outlet,
            entity=entity,
            limit=limit,
            offset=offset,
        )
    finally:
        archive.close()
    if as_json:
        typer.echo(json.dumps([h.to_dict() for h in hits], ensure_ascii=False, indent=2))
        return
    from rasid.terminal import render_hits

    render_hits(hits, Console(highlight=False))


def _archive_at(db: Path | None):
    from rasid.archive.store import default_db, open_archive

    path = db or default_db()
    if not path.exists():
        raise ArchiveError(f"no archive at {path}: run rasid ingest first (or give --db)")
    return open_archive(path)


@app.command("statements")
def list_statements(
    db: DbOption = None,
    speaker: Annotated[
        str | None, typer.Option(help="Only statements by this speaker (name or entity).")
    ] = None,
    stance: Annotated[str | None, typer.Option(help="assert or deny.")] = None,
    limit: Annotated[int, typer.Option(help="How many (1-500).")] = 50,
    as_json: Annotated[bool, typer.Option("--json", help="Print them as JSON.")] = False,
) -> None:
    """Statements stored in the archive, newest first.

    Example:

      rasid statements --speaker "وزارة الدفاع" --stance deny --json
    """
    from rasid.archive.browse import statements

    archive = _archive_at(db)
    try:
        found = statements(archive, speaker=speaker, stance=stance, limit=limit)
    finally:
        archive.close()
    if as_json:
        typer.echo(json.dumps(found, ensure_ascii=False, indent=2))
        return
    from rasid.terminal import render_stored_statements

    render_stored_statements(found, Console(highlight=False))


@app.command("entity")
def show_entity(
    name: Annotated[str, typer.Argument(help="A name as written; spelling variants are ignored.")],
    db: DbOption = None,
    limit: Annotated[int, typer.Option(help="How many statements and companions (1-500).")] = 20,
    as_json: Annotated[bool, typer.Option("--json", help="Print the profile as JSON.")] = False,
) -> None:
    """An entity in the archive: mentions over time, what it said and what was said about
    it, and the entities that appear with it.

    Example:

      rasid entity "وزارة الداخلية" --json
    """
    from rasid.archive.browse import entity

    archive = _archive_at(db)
    try:
        profile = entity(archive, name, limit=limit)
    finally:
        archive.close()
    if as_json:
        typer.echo(json.dumps(profile.to_dict(), ensure_ascii=False, indent=2))
        return
    from rasid.terminal import render_entity

    render_entity(profile, Console(highlight=False))


@app.command()
def export(
    table: Annotated[str, typer.Argument(help="statements or events.")],
    db: DbOption = None,
    fmt: Annotated[
        str,
        typer.Option("--format", help="jsonl, csv, parquet (needs pyarrow) or geojson (events)."),
    ] = "jsonl",
    out: Annotated[Path | None, typer.Option(help="Write here instead of stdout.")] = None,
    date_from: Annotated[str | None, typer.Option("--from", help="YYYY-MM-DD")] = None,
    date_to: Annotated[str | None, typer.Option("--to", help="YYYY-MM-DD")] = None,
    outlet: Annotated[str | None, typer.Option(help="Only this outlet (source).")] = None,
) -> None:
    """Statements or events of the archive as a flat table for pandas, or events with
    coordinates as GeoJSON.

    Example:

      rasid export statements --format csv --out statements.csv --from 2015-08-01
    """
    from rasid.archive.export import export as run_export

    for value in (date_from, date_to):
        if value is not None:
            parse_date(value)
    archive = _archive_at(db)
    try:
        count = run_export(
            archive, table, fmt, out, date_from=date_from, date_to=date_to, outlet=outlet
        )
    finally:
        archive.close()
    if out is not None:
        sys.stderr.write(f"rasid: wrote {count:,} {table} to {out}\n")


@app.command("stories")
def list_stories(
    db: DbOption = None,
    update: Annotated[
        bool, typer.Option("--update/--no-update", help="Group new articles first.")
    ] = True,
    min_articles: Annotated[int, typer.Option(help="Only stories with this many articles.")] = 2,
    limit: Annotated[int, typer.Option(help="How many stories.")] = 20,
    as_json: Annotated[bool, typer.Option("--json", help="Print them as JSON.")] = False,
) -> None:
    """Stories across outlets, most recent first, with their outlets and articles.

    Example:

      rasid stories --min-articles 3 --json
    """
    from rasid.archive.stories import stories
    from rasid.archive.stories import update as update_stories

    archive = _archive_at(db)
    try:
        if update:
            update_stories(archive)
        found = stories(archive, min_articles=min_articles, limit=limit)
    finally:
        archive.close()
    if as_json:
        typer.echo(json.dumps(found, ensure_ascii=False, indent=2))
        return
    from rasid.terminal import render_stories

    render_stories(found, Console(highlight=False))


@app.command("story")
def show_story(
    story_id: Annotated[int, typer.Argument(help="A story's id (from rasid stories).")],
    db: DbOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print it as JSON.")] = False,
) -> None:
    """One story: its articles by outlet, its entities, and who claims and denies what.

    Example:

      rasid story 12
    """
    from rasid.archive.stories import story

    archive = _archive_at(db)
    try:
        found = story(archive, story_id)
    finally:
        archive.close()
    if as_json:
        typer.echo(json.dumps(found, ensure_ascii=False, indent=2))
        return
    from rasid.terminal import render_story

    render_story(found, Console(highlight=False))


@app.command()
def serve(
    db: DbOption = None,
    host: Annotated[
        str, typer.Option(help="Address to listen on; 0.0.0.0 opens it to the network.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.", min=1, max=65535)] = 8000,
    workers: Annotated[
        int, typer.Option(help="Server processes (one per core serves the most).", min=1)
    ] = 1,
) -> None:
    """Serve the archive in the browser (Arabic, right to left) and as a JSON API: every
    page has a JSON twin (its URL + .json), the OpenAPI document is at /openapi.json and
    the interactive docs at /docs. Read-only unless RASID_TOKEN is set: then POST
    /api/ingest and storing an analysis accept that token as a bearer token.

    Example:

      rasid serve --db rasid.db --port 8000
    """
    from rasid.archive.store import default_db, open_archive
    from rasid.web import serve as run_server

    path = db or default_db()
    open_archive(path, read_only=True).close()  # a missing archive is one line, not a banner
    token = os.environ.get("RASID_TOKEN") or None
    typer.echo(f"rasid: serving {path} on http://{host}:{port}/ (Ctrl-C stops)", err=True)
    run_server(path, host, port, token, workers)


def main() -> None:
    """Entry point of the ``rasid`` console script."""
    try:
        app()  # usage errors, --help and exits are handled by typer itself
    except RasidError as exc:
        raise SystemExit(_fail(str(exc)).exit_code) from None
    except KeyboardInterrupt:
        raise SystemExit(130) from None
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise SystemExit(1) from None
    except Exception as exc:  # a bug in rasid, not a user mistake
        if os.environ.get("RASID_DEBUG"):
            raise
        message = f"internal error: {type(exc).__name__}: {exc} (set RASID_DEBUG=1 for details)"
        raise SystemExit(_fail(message, EXIT_INTERNAL).exit_code) from None


if __name__ == "__main__":
    main()
