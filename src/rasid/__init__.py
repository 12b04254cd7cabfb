"""rasid (راصد): raw Arabic news in, structured and sourced facts out.

The public API::

    import rasid
    article = rasid.read("page.html")            # path, bytes, str or URL
    analysis = rasid.analyze("page.html", published="2022-02-28")
    analysis.to_dict()                            # the documented JSON document
"""

__version__ = "0.1.0"

from rasid.errors import RasidError, ReadError  # noqa: E402
from rasid.options import ReadOptions  # noqa: E402
from rasid.pipeline import analyze, analyze_article  # noqa: E402
from rasid.reader import read, read_text  # noqa: E402
from rasid.schema import Analysis, Article, Paragraph, Removed  # noqa: E402

__all__ = [
    "Analysis",
    "Article",
    "Paragraph",
    "RasidError",
    "ReadError",
    "ReadOptions",
    "Removed",
    "__version__",
    "analyze",
    "analyze_article",
    "read",
    "read_text",
]
