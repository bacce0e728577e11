"""One catalogue of errors. Each says what was expected, what came, and how to fix it."""

from __future__ import annotations


class NewsEventsError(Exception):
    """Base class: `code` is stable, `message` is for people."""

    code = "NE000"

    def __init__(self, message: str, *, source: str | None = None):
        self.source = source
        super().__init__(f"{source}: {message}" if source else message)

    def to_dict(self) -> dict[str, str | None]:
        return {"code": self.code, "error": type(self).__name__, "message": str(self), "source": self.source}


class InputError(NewsEventsError):
    """An input file or article could not be read (empty, binary, malformed line, no body)."""

    code = "NE100"


class ConfigError(NewsEventsError):
    """A configuration value is out of range or of the wrong kind."""

    code = "NE200"


class MissingDependency(NewsEventsError):
    """An optional dependency is not installed; the message names the package to install."""

    code = "NE300"


class ModelNotFound(NewsEventsError):
    """No spaCy English model could be loaded."""

    code = "NE301"


class StoreError(NewsEventsError):
    """The event database could not be opened or written."""

    code = "NE400"


class StoreBusy(StoreError):
    """Another process holds the database; retry later or use a read-only connection."""

    code = "NE401"


class EvaluationError(NewsEventsError):
    """A gold or system file does not follow the record format."""

    code = "NE500"
