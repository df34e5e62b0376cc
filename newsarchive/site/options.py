"""A plugin's settings dict (``FAST_BUILD = {...}``) merged over its defaults.

A key the plugin does not know is an error that names it, with the nearest known key, instead
of a setting that silently does nothing (``"procesess": 1``)."""

from __future__ import annotations

import difflib

from .errors import BuildFailure


class SettingsError(BuildFailure, ValueError):
    """A plugin setting that cannot be used; the message is one Vietnamese line."""


def merged(name: str, defaults: dict, given: dict | None) -> dict:
    """``{**defaults, **given}``, refusing a key of ``given`` that ``defaults`` lacks."""
    given = given or {}
    if not isinstance(given, dict):
        raise SettingsError(f"{name} phải là một dict (đang là {type(given).__name__})")
    for key in given:
        if key not in defaults:
            raise SettingsError(unknown(name, key, defaults))
    return {**defaults, **given}


def unknown(name: str, key, known) -> str:
    close = difflib.get_close_matches(str(key), [str(k) for k in known], n=1)
    hint = f" — có phải '{close[0]}'?" if close else f" (các khóa có: {', '.join(sorted(map(str, known)))})"
    return f"{name}: khóa không có '{key}'{hint}"


def check_prefixed(prefix: str, defaults: dict, settings) -> None:
    """Settings named ``PREFIX_...`` (``ARCHIVE_READER_FATAL``) that ``defaults`` lacks are errors."""
    for key in settings:
        if isinstance(key, str) and key.startswith(prefix) and key not in defaults:
            raise SettingsError(unknown("Cài đặt", key, defaults))
