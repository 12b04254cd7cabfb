"""The one place that wires the stages together: read → analyse.

An analyser is a *component*: it declares a name, a version, what it needs from the
analysis and what it adds, and is called with the analysis to fill its part (the idea
of spaCy's pipeline components). Later stages (entities, statements, events) plug in
here; each reads the article and the earlier stages' output and never reaches back.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from rasid.options import ReadOptions
from rasid.reader import Source, read
from rasid.schema import Analysis, Article


class Component(Protocol):
    name: str
    version: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]

    def __call__(self, analysis: Analysis) -> None: ...


def default_components() -> tuple[Component, ...]:
    """The analysers run by default, in order: entities, statements, then events.

    Raises :class:`rasid.errors.ModelError` when a shipped model cannot be loaded."""
    from rasid.entities.gazetteer import default_gazetteer
    from rasid.entities.recognizer import EntityRecognizer
    from rasid.entities.tagger import shipped_tagger
    from rasid.events import EventExtractor
    from rasid.statements import StatementExtractor

    gazetteer = default_gazetteer()
    return (
        EntityRecognizer(shipped_tagger(), gazetteer),
        StatementExtractor(),
        EventExtractor(gazetteer),
    )


def analyze_article(article: Article, components: Sequence[Component] | None = None) -> Analysis:
    """Run the analysers over an article that has already been read."""
    analysis = Analysis(article=article)
    for component in default_components() if components is None else components:
        component(analysis)
        analysis.models[component.name] = component.version
    return analysis


def analyze(
    source: Source,
    published: str | None = None,
    *,
    url: str | None = None,
    options: ReadOptions | None = None,
) -> Analysis:
    """Read ``source`` (path, bytes, text, HTML or URL) and analyse it.

    >>> analysis = analyze("examples/seed-article.txt")  # doctest: +SKIP
    >>> analysis.to_dict()["article"]["title"]  # doctest: +SKIP
    """
    return analyze_article(read(source, published, url=url, options=options))
