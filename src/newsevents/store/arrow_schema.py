"""Arrow schemas matching the DuckDB tables, so an empty batch still has typed columns."""

from __future__ import annotations

import pyarrow as pa

_s, _i, _d, _f, _ts = pa.string(), pa.int32(), pa.date32(), pa.float64(), pa.timestamp("us")

_ENTITY = pa.struct([("text", _s), ("name", _s), ("country", _s), ("sector", _s)])
_ATTRIBUTION = pa.struct([("source", _s), ("via", _s)])

SCHEMAS = {
    "articles": pa.schema([
        ("content_id", _s), ("article_id", _s), ("title", _s), ("published", _s), ("published_date", _d),
        ("outlet", _s), ("url", _s), ("language", _s), ("source", _s), ("text", _s), ("n_events", _i),
        ("skipped", _s), ("warnings", pa.list_(_s)), ("ingested_at", _ts),
    ]),
    "events": pa.schema([
        ("event_id", _s), ("content_id", _s), ("article_id", _s), ("event_index", _i), ("type", _s),
        ("mode", _s), ("context", pa.list_(_s)), ("status", _s), ("sourcing", _s), ("trigger", _s),
        ("evidence_start", _i), ("evidence_end", _i), ("evidence_text", _s), ("date_value", _s),
        ("date_mod", _s), ("date_text", _s), ("date_start", _d), ("date_end", _d), ("confidence", _f),
        ("published_date", _d),
        ("actor", pa.list_(_ENTITY)), ("recipient", pa.list_(_ENTITY)), ("actor_countries", pa.list_(_s)),
        ("recipient_countries", pa.list_(_s)), ("attribution", pa.list_(_ATTRIBUTION)), ("place_name", _s),
        ("place_country", _s), ("place_text", _s), ("place_geonameid", pa.int64()), ("place_lat", _f),
        ("place_lon", _f),
    ]),
    "participants": pa.schema([
        ("event_id", _s), ("role", _s), ("position", _i), ("text", _s), ("name", _s), ("country", _s),
        ("sector", _s),
    ]),
    "attributions": pa.schema([("event_id", _s), ("position", _i), ("source", _s), ("via", _s)]),
    "places": pa.schema([
        ("event_id", _s), ("name", _s), ("country", _s), ("text", _s), ("geonameid", pa.int64()),
        ("lat", _f), ("lon", _f),
    ]),
    "errors": pa.schema([
        ("error_id", _s), ("kind", _s), ("code", _s), ("source", _s), ("article_id", _s), ("message", _s),
        ("recorded_at", _ts),
    ]),
}
