"""The web app and JSON API over an archive (``rasid serve``)."""

from rasid.web.app import create_app, serve

__all__ = ["create_app", "serve"]
