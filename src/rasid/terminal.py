"""The readable terminal view of an analysis (``rasid analyze`` without ``--json``).

Arabic is stored and printed in logical order, which terminals with bidi support
(GNOME Terminal/VTE, Konsole, macOS Terminal, mlterm) show right to left by themselves.
For terminals without it (xterm, Windows Terminal, iTerm2, most CI logs) ``visual=True``
wraps each paragraph to the width, reorders every line for display with python-bidi and
aligns it to the right.
"""

from __future__ import annotations

import textwrap
import time
from collections.abc import Iterator
from contextlib import contextmanager

from bidi import get_display
from rich.console import Console, Group
from rich.panel import Panel
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from rasid.reader.boilerplate import REASONS
from rasid.schema import Analysis, Event, Statement


def _lines(text: str, width: int, visual: bool) -> str:
    if not visual:
        return text
    wrapped = textwrap.wrap(text, width=max(20, width)) or [""]
    return "\n".join(get_display(line).rjust(width) for line in wrapped)


def render(analysis: Analysis, console: Console, *, visual: bool = False) -> None:
    """Print ``analysis`` to ``console``."""
    article = analysis.article
    width = max(40, min(console.width, 100) - 4)
    meta = Table.grid(padding=(0, 2))
    meta.add_column(style="dim")
    meta.add_column()
    for label, value in (
        ("author", article.author),
        ("published", article.published),
        ("source", article.source),
        ("dateline", article.dateline),
        ("agency", article.agency),
        ("url", article.url),
        ("format", f"{article.format}, {article.encoding or 'unknown encoding'}"),
    ):
        if value:
            meta.add_row(label, _lines(value, width - 14, visual))
    title = Text(_lines(article.title or "(no title)", width, visual), style="bold")
    console.print(Panel(Group(title, Text(""), meta), title="rasid", title_align="left"))

    console.print(
        Rule(f"article: {len(article.headings)} headings, {len(article.body)} paragraphs")
    )
    for paragraph in article.paragraphs:
        if paragraph.kind == "heading":
            console.print(Text(_lines("■ " + paragraph.text, width, visual), style="bold cyan"))
        else:
            console.print(_lines(paragraph.text, width, visual), highlight=False)
        console.print()

    console.print(Rule(f"removed: {len(article.removed)} pieces"))
    if article.removed:
        table = Table(show_header=True, header_style="dim", expand=True)
        table.add_column("why", ratio=2)
        table.add_column("text", ratio=5)
        for removed in article.removed:
            shown = removed.text if len(removed.text) <= 160 else removed.text[:157] + "…"
            why = f"{removed.reason}\n[dim]{REASONS.get(removed.reason, '')}[/dim]"
            table.add_row(why, _lines(shown, width * 5 // 7 - 4, visual))
        console.print(table)

    if analysis.entities:
        console.print(Rule(f"entities: {len(analysis.entities)} mentions"))
        table = Table(show_header=True, header_style="dim", expand=True)
        for column in ("type", "mention", "canonical", "where"):
            table.add_column(column)
        for entity in analysis.entities:
            where = ""
            if entity.lat is not None and entity.lon is not None:
                where = f"{entity.lat:.2f}, {entity.lon:.2f}"
            if entity.country:
                where = f"{where} ({entity.country})".strip()
            table.add_row(
                entity.label,
                _lines(entity.text, width // 3, visual),
                _lines(entity.canonical, width // 3, visual),
                where,
            )
        console.print(table)
    statements = [s for s in analysis.statements if isinstance(s, Statement)]
    if statements:
        console.print(Rule(f"statements: {len(statements)}"))
        table = Table(show_header=True, header_style="dim", expand=True)
        table.add_column("#", justify="right")
        table.add_column("speaker", ratio=2)
        table.add_column("says", ratio=5)
        table.add_column("how", ratio=2)
        for k, s in enumerate(statements):
            who = s.speaker.text + (
                f"\n[dim]{s.speaker.descriptor}[/dim]" if s.speaker.descriptor else ""
            )
            how = [s.speaker.kind]
            how.append(("direct" if s.direct else "indirect") + f" ({s.cue.text})")
            if s.via:
                how.append("via " + " ← ".join(v.text for v in s.via))
            if s.stance == "deny":
                how.append("DENIES" + (f" #{s.refers_to}" if s.refers_to is not None else ""))
            said = s.content.text if len(s.content.text) <= 240 else s.content.text[:237] + "…"
            table.add_row(
                str(k),
                _lines(who, width // 4, visual),
                _lines(said, width // 2, visual),
                "\n".join(how),
            )
        console.print(table)
    events = [e for e in analysis.events if isinstance(e, Event)]
    if events:
        console.print(Rule(f"events: {len(events)}"))
        table = Table(show_header=True, header_style="dim", expand=True)
        table.add_column("#", justify="right")
        table.add_column("type", no_wrap=True)
        table.add_column("what", overflow="fold")
        table.add_column("where", overflow="fold")
        table.add_column("when", no_wrap=True, min_width=10)
        table.add_column("how many", overflow="fold")
        table.add_column("claimed by", overflow="fold")
        for k, e in enumerate(events):
            what = e.trigger.text + (" [red](not)[/red]" if e.negated else "")
            if e.actor:
                what += f"\n[dim]by[/dim] {e.actor.text}"
            where = e.location.text if e.location else ""
            when = ""
            if e.time:
                when = e.time.date or f"{e.time.start}\n→ {e.time.end}"
            many = ""
            if e.quantity:
                q = e.quantity
                many = str(q.value) if q.value is not None else f"{q.min or ''}–{q.max or ''}"
                many += f" {q.unit}" if q.unit else ""
            claim = ""
            if e.claimed_by is not None and e.claimed_by < len(statements):
                claim = f"#{e.claimed_by} {statements[e.claimed_by].speaker.text}"
            table.add_row(
                str(k),
                e.type,
                _lines(what, width // 6, visual),
                _lines(where, width // 7, visual),
                when,
                many,
                _lines(claim, width // 6, visual),
            )
        console.print(table)


def render_scores(report, console: Console) -> None:
    """Precision, recall and F1 per entity type and micro-averaged."""
    table = Table(title=f"{report.sentences:,} sentences, {report.tokens:,} tokens")
    for column in ("type", "precision", "recall", "F1", "entities"):
        table.add_column(column, justify="right" if column != "type" else "left")
    for kind, score in report.per_type.items():
        table.add_row(
            kind,
            f"{score.precision:.3f}",
            f"{score.recall:.3f}",
            f"{score.f1:.3f}",
            str(score.support),
        )
    micro = report.micro
    table.add_row(
        "micro",
        f"{micro.precision:.3f}",
        f"{micro.recall:.3f}",
        f"{micro.f1:.3f}",
        str(micro.support),
        style="bold",
    )
    console.print(table)


def render_event_scores(report, console: Console) -> None:
    """Precision, recall, F1 of events (type + place) and the accuracy of dates and counts."""
    data = report.to_dict()
    table = Table(title=f"{data['articles']} articles, {data['gold']} gold events")
    for column in ("", "precision", "recall", "F1", "gold", "predicted"):
        table.add_column(column, justify="right" if column else "left")
    for kind, x in data["per_type"].items():
        table.add_row(
            kind,
            f"{x['precision']:.3f}",
            f"{x['recall']:.3f}",
            f"{x['f1']:.3f}",
            str(x["gold"]),
            str(x["predicted"]),
        )
    table.add_row(
        "all",
        f"{data['precision']:.3f}",
        f"{data['recall']:.3f}",
        f"{data['f1']:.3f}",
        str(data["gold"]),
        str(data["predicted"]),
        style="bold",
    )
    console.print(table)
    for name in ("dates", "counts", "claims", "actors"):
        x = data[name]
        value = "n/a" if x["accuracy"] is None else f"{x['accuracy']:.3f}"
        console.print(f"{name} right on matched events: {value} (n={x['n']})")


def render_date_scores(reports: dict, console: Console) -> None:
    """Detection and resolution of time expressions against each reference."""
    table = Table(title="time expressions")
    for column in ("reference", "documents", "gold", "precision", "recall", "F1", "resolved right"):
        table.add_column(column, justify="left" if column == "reference" else "right")
    for name, report in reports.items():
        x = report.to_dict()
        r = x["resolution"]
        table.add_row(
            name,
            str(x["documents"]),
            str(x["gold"]),
            f"{x['precision']:.3f}",
            f"{x['recall']:.3f}",
            f"{x['f1']:.3f}",
            "n/a" if r["accuracy"] is None else f"{r['accuracy']:.3f} (n={r['n']})",
        )
    console.print(table)


def render_statement_scores(report, console: Console) -> None:
    """Precision, recall, F1 of statements and the accuracy of their labels."""
    data = report.to_dict()
    table = Table(title=f"{data['articles']} articles, {data['gold']} gold statements")
    for column in ("", "value"):
        table.add_column(column, justify="right" if column else "left")
    for name in ("precision", "recall", "f1"):
        table.add_row(name, f"{data[name]:.3f}", style="bold" if name == "f1" else None)
    table.add_row("matched / predicted", f"{data['matched']} / {data['predicted']}")
    for name, value in data["on_matched"].items():
        table.add_row(f"{name} (on matched)", f"{value:.3f}")
    for name, count in data["errors"].items():
        table.add_row(f"errors: {name}", str(count))
    console.print(table)


@contextmanager
def ingest_progress(total: int | None, *, enabled: bool = True) -> Iterator:
    """A progress bar for ``rasid ingest``: records, rate and time left (when the total
    is known), on stderr. Yields the function the ingest calls with its summary."""
    if not enabled:
        yield lambda summary: None
        return
    columns = [
        TextColumn("[bold]ingest"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[detail]}"),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
    ]
    with Progress(*columns, console=Console(stderr=True), transient=False) as bar:
        task = bar.add_task("ingest", total=total, detail="")
        started = time.monotonic()

        def update(summary) -> None:
            done = summary.read + summary.skipped + summary.already
            rate = done / max(1e-9, time.monotonic() - started)
            detail = f"{rate:,.0f}/s, {summary.analysed:,} new, {summary.duplicates:,} dup"
            bar.update(task, completed=done, detail=detail)

        yield update


def render_ingest_summary(summary, console: Console) -> None:
    table = Table(title="ingest")
    table.add_column("")
    table.add_column("records", justify="right")
    for name in ("read", "analysed", "duplicates", "skipped", "already"):
        table.add_row(name, f"{getattr(summary, name):,}")
    for reason, count in summary.reasons.most_common():
        table.add_row(f"  skipped: {reason}", f"{count:,}")
    console.print(table)


def render_hits(hits, console: Console, *, visual: bool = False) -> None:
    if not hits:
        console.print("no results")
        return
    for k, hit in enumerate(hits, 1):
        a = hit.article
        head = Text(f"{k}. ", style="dim")
        head.append(a.title or "(no title)", style="bold")
        meta = " · ".join(filter(None, (a.source, a.published, a.url or a.origin)))
        console.print(head)
        console.print(Text(meta, style="dim"))
        snippet = Text(hit.snippet)
        for start, end in hit.highlights:
            snippet.stylize("bold yellow", start, end)
        console.print(snippet)
        console.print()


def render_stored_statements(found: list[dict], console: Console) -> None:
    if not found:
        console.print("no statements")
        return
    table = Table(show_header=True, header_style="dim", expand=True)
    for column, ratio in (("when / where", 2), ("speaker", 2), ("says", 5), ("how", 2)):
        table.add_column(column, ratio=ratio)
    for s in found:
        a = s["article"]
        how = [("direct" if s["direct"] else "indirect") + f" ({s['cue']})"]
        if s["via"]:
            how.append("via " + " ← ".join(v["text"] for v in s["via"]))
        if s["stance"] == "deny":
            how.append("DENIES")
        said = s["content"] if len(s["content"]) <= 200 else s["content"][:197] + "…"
        table.add_row(
            f"{a['published'] or ''}\n{a['source'] or ''}",
            s["speaker"]["text"],
            said,
            "\n".join(how),
        )
    console.print(table)


def render_entity(profile, console: Console) -> None:
    where = f" ({profile.lat:.2f}, {profile.lon:.2f})" if profile.lat is not None else ""
    console.print(Text(f"{profile.canonical} — {profile.label}{where}", style="bold"))
    console.print(f"{profile.mentions:,} mentions in {profile.articles:,} articles")
    if profile.by_day:
        peak = max(n for _, n in profile.by_day)
        for day, n in profile.by_day[-30:]:
            console.print(f"{day}  {'█' * max(1, round(20 * n / peak))} {n}")
    if profile.with_entities:
        console.print(Rule("appears with"))
        console.print("، ".join(f"{c} ({n})" for c, _, n in profile.with_entities))
    for title, items in (("said", profile.said), ("said about it", profile.said_about)):
        if items:
            console.print(Rule(title))
            render_stored_statements(items, console)


def render_stories(found: list[dict], console: Console) -> None:
    if not found:
        console.print("no stories")
        return
    table = Table(show_header=True, header_style="dim", expand=True)
    for column, ratio in (("id", 1), ("story", 6), ("articles", 1), ("outlets", 3), ("when", 2)):
        table.add_column(column, ratio=ratio)
    for s in found:
        when = s["first_seen"] or ""
        if s["last_seen"] and s["last_seen"] != s["first_seen"]:
            when += f" → {s['last_seen']}"
        table.add_row(
            str(s["id"]), s["title"] or "", str(s["count"]), "، ".join(s["outlets"]), when
        )
    console.print(table)


def render_story(found: dict, console: Console) -> None:
    console.print(Text(found["title"] or "(no title)", style="bold"))
    console.print(Text(f"{found['first_seen']} → {found['last_seen']}", style="dim"))
    console.print(Rule("articles by outlet"))
    for outlet, articles in found["outlets"].items():
        for a in articles:
            console.print(f"{outlet:>12}  {a['published'] or ''}  {a['title'] or ''}")
    if found["entities"]:
        console.print(Rule("entities"))
        console.print("، ".join(f"{e['canonical']} ({e['mentions']})" for e in found["entities"]))
    if found["claims"]:
        console.print(Rule("claims"))
        table = Table(show_header=True, header_style="dim", expand=True)
        for column, ratio in (("speaker", 2), ("asserts", 5), ("denies", 3)):
            table.add_column(column, ratio=ratio)
        for c in found["claims"]:

            def cell(items: list[dict]) -> str:
                return "\n".join(
                    f"• {i['content'][:140]} ({i['source']}{', via ' + ' ← '.join(i['via']) if i['via'] else ''})"
                    for i in items
                )

            table.add_row(c["speaker"], cell(c["asserts"]), cell(c["denies"]))
        console.print(table)
