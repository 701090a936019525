"""Run settings from the command line, `SCRAPER_*` environment variables and a config file.

Precedence, highest first: a command-line option > an environment variable (`SCRAPER_DELAY=2`) >
the config file (`--config FILE`, else `SCRAPER_CONFIG`, else `scraper.toml` in the output folder) >
the defaults in `scraper.settings`.  The file is TOML: top-level keys apply to every command, a table
named after a command (`[crawl]`, `[harvest]`) applies to that command only:

    user_agent = "vn-gov-figures (research; ops@example.org)"
    contact = "ops@example.org"
    delay = 2.0
    [crawl]
    sources = ["https://www.binhduong.gov.vn/Lists/TinTuc/TongQuat.aspx"]
    concurrency = 1

Also the option values a user types are checked here (dates, positive numbers), so that a wrong
value is one line and exit status 2, never a traceback.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from . import settings
from .errors import InputError, UsageError

__all__ = ["SETTINGS", "Setting", "apply_settings", "parse_date", "parse_archive_date", "config_file"]


def _number(kind: Callable[[str], Any], minimum: float) -> Callable[[Any], Any]:
    def convert(value: Any) -> Any:
        try:
            n = kind(str(value).strip())
        except ValueError:
            raise ValueError(f"{value!r} is not {'a whole number' if kind is int else 'a number'}") from None
        if n < minimum:
            raise ValueError(f"{value!r} is below {minimum:g}")
        return n

    return convert


def _words(value: Any) -> list[str]:
    if isinstance(value, (list, tuple)):
        return [str(v) for v in value]
    return [w for w in str(value).replace(",", " ").split() if w]


def _text(value: Any) -> str:
    if isinstance(value, (list, dict)):
        raise ValueError(f"{value!r} is not a single value")
    return str(value)


def _choice(*choices: str) -> Callable[[Any], str]:
    def convert(value: Any) -> str:
        v = str(value).strip()
        if v.upper() in choices:
            return v.upper()
        raise ValueError(f"{value!r} is not one of {', '.join(choices)}")

    return convert


def _exports(value: Any) -> list[str]:
    formats = _words(value)
    bad = [f for f in formats if f not in settings.EXPORT_CHOICES]
    if bad:
        raise ValueError(f"{bad[0]!r} is not one of {', '.join(settings.EXPORT_CHOICES)}")
    return formats


@dataclass(frozen=True)
class Setting:
    """One option a nightly job may set outside the command line."""

    dest: str  # argparse dest and TOML key
    default: Any
    convert: Callable[[Any], Any]

    @property
    def env(self) -> str:
        return settings.ENV_PREFIX + self.dest.upper()


SETTINGS: dict[str, Setting] = {
    s.dest: s
    for s in (
        Setting("user_agent", None, _text),
        Setting("contact", None, _text),
        Setting("delay", settings.CRAWL_DELAY, _number(float, 0)),
        Setting("concurrency", settings.CRAWL_CONCURRENCY, _number(int, 1)),
        Setting("max_pages", settings.CRAWL_MAX_PAGES, _number(int, 1)),
        Setting("timeout", settings.TIMEOUT, _number(float, 0.1)),
        Setting("retries", settings.RETRIES, _number(int, 0)),
        Setting("max_bytes", settings.MAX_RESPONSE_BYTES, _number(int, 1)),
        Setting("sources", [], _words),
        Setting("export", list(settings.EXPORT_FORMATS), _exports),
        Setting("log_file", None, _text),
        Setting("log_level", None, _choice("DEBUG", "INFO", "WARNING", "ERROR")),
        Setting("status_interval", settings.STATUS_INTERVAL, _number(float, 0)),
    )
}
# Commands with their own default for a shared setting.
COMMAND_DEFAULTS: dict[str, dict[str, Any]] = {"harvest": {"delay": settings.HARVEST_DELAY}}


def config_file(args: Any, env: Mapping[str, str]) -> Path | None:
    """The config file this run reads: --config, else SCRAPER_CONFIG, else DIR/scraper.toml if present."""
    explicit = getattr(args, "config", None) or env.get(settings.ENV_PREFIX + "CONFIG")
    if explicit:
        path = Path(explicit)
        if not path.is_file():
            raise InputError(f"{explicit}: config file not found")
        return path
    out = getattr(args, "out", None) or getattr(args, "dir", None)
    if out:
        path = Path(out) / settings.CONFIG_FILE_NAME
        if path.is_file():
            return path
    return None


def _read_file(path: Path, command: str) -> dict[str, Any]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read the config file ({exc})") from None
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"{path}: not valid TOML ({exc})") from None
    values = {k: v for k, v in data.items() if not isinstance(v, dict)}
    section = data.get(command)
    if isinstance(section, dict):
        values.update(section)
    commands = {"extract", "build", "crawl", "harvest", "reextract", "qa"}
    unknown = [k for k in values if k not in SETTINGS] + [
        k for k, v in data.items() if isinstance(v, dict) and k not in commands
    ]
    if unknown:
        raise UsageError(f"{path}: unknown setting {unknown[0]!r} (known: {', '.join(SETTINGS)})")
    return values


def apply_settings(args: Any, command: str, env: Mapping[str, str] | None = None) -> dict[str, str]:
    """Fill the options left unset on the command line from env, file, defaults; say where each came from."""
    env = os.environ if env is None else env
    if getattr(args, "out", None) is None and hasattr(args, "out"):
        args.out = env.get(settings.ENV_PREFIX + "OUT") or settings.OUT_DIR
    path = config_file(args, env)
    from_file = _read_file(path, command) if path else {}
    origin: dict[str, str] = {}
    for dest, s in SETTINGS.items():
        if not hasattr(args, dest):
            continue
        current = getattr(args, dest)
        if current not in (None, []):
            try:
                setattr(args, dest, s.convert(current))
            except ValueError as exc:
                raise UsageError(f"--{dest.replace('_', '-')}: {exc}") from None
            origin[dest] = "command line"
            continue
        if s.env in env and env[s.env].strip():
            raw, where = env[s.env], s.env
        elif dest in from_file:
            raw, where = from_file[dest], str(path)
        else:
            setattr(args, dest, COMMAND_DEFAULTS.get(command, {}).get(dest, s.default))
            origin[dest] = "default"
            continue
        try:
            setattr(args, dest, s.convert(raw))
        except ValueError as exc:
            raise UsageError(f"{where}: {dest} {exc}") from None
        origin[dest] = where
    return origin


def parse_date(text: str) -> str:
    """A calendar date as YYYY-MM-DD (a full ISO date-time is accepted and cut to its date)."""
    value = str(text).strip()
    try:
        if len(value) > 10:
            return datetime.fromisoformat(value.replace("Z", "+00:00")).date().isoformat()
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise ValueError(f"{text!r} is not a date (use YYYY-MM-DD)") from None


def parse_archive_date(text: str) -> str:
    """A web-archive bound: YYYY, YYYY-MM, YYYY-MM-DD or a CDX timestamp (YYYYMMDD[hhmmss])."""
    value = str(text).strip()
    digits = value.replace("-", "")
    formats = {4: "%Y", 6: "%Y%m", 8: "%Y%m%d", 10: "%Y%m%d%H", 12: "%Y%m%d%H%M", 14: "%Y%m%d%H%M%S"}
    ok = digits.isdigit() and len(digits) in formats and ("-" not in value or len(value) in (7, 10))
    if ok:
        try:
            datetime.strptime(digits, formats[len(digits)])
            return value
        except ValueError:
            pass
    raise ValueError(f"{text!r} is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)")
