"""Page-chrome rules, loaded once from ``terrain/data/chrome_patterns.yaml``.

The rules are data so that a new site's prompts or teaser headings are a YAML edit, not a code
change; each carries a ``why`` and an ``example`` that the tests check it removes.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

DEFAULT_PATH = "data/chrome_patterns.yaml"


@dataclass(frozen=True)
class Rule:
    pattern: re.Pattern[str]
    why: str
    example: str | None = None
    max_len: int | None = None

    def matches(self, paragraph: str) -> bool:
        if self.max_len is not None and len(paragraph) > self.max_len:
            return False
        return self.pattern.search(paragraph) is not None


@dataclass(frozen=True)
class ChromeRules:
    drop: tuple[Rule, ...]
    strip_suffix: tuple[Rule, ...]
    tail_headings: tuple[Rule, ...]
    tail_fraction: float
    heading_max_len: int

    def is_chrome(self, paragraph: str) -> bool:
        """A whole paragraph of page chrome (prompt, share bar, credit line, boilerplate)."""
        return any(rule.matches(paragraph) for rule in self.drop)

    def strip_credits(self, paragraph: str) -> str:
        """The paragraph without a trailing photo credit (may leave it empty: a credit line)."""
        for rule in self.strip_suffix:
            m = rule.pattern.search(paragraph)
            if m:
                paragraph = paragraph[: m.start()].rstrip()
        return paragraph

    def is_tail_heading(self, paragraph: str) -> bool:
        """A heading that opens a trailing teaser block ("More from ...", "Related stories")."""
        if len(paragraph) > self.heading_max_len:
            return False
        return any(rule.matches(paragraph) for rule in self.tail_headings)

    def all_rules(self) -> tuple[Rule, ...]:
        return self.drop + self.strip_suffix + self.tail_headings


def _rule(entry: dict[str, Any], where: str) -> Rule:
    if not isinstance(entry, dict) or "re" not in entry or "why" not in entry:
        raise ValueError(f"{where}: each rule needs 're' and 'why' (got {entry!r})")
    flags = 0 if entry.get("case") else re.IGNORECASE
    try:
        pattern = re.compile(entry["re"], flags)
    except re.error as exc:
        raise ValueError(f"{where}: bad regex {entry['re']!r}: {exc}") from exc
    max_len = entry.get("max_len")
    return Rule(pattern=pattern, why=str(entry["why"]), example=entry.get("example"),
                max_len=int(max_len) if max_len is not None else None)


def parse_rules(data: dict[str, Any], source: str = DEFAULT_PATH) -> ChromeRules:
    """Build the rules from the parsed YAML (raises ValueError naming the bad rule)."""
    tail = data.get("tail") or {}
    return ChromeRules(
        drop=tuple(_rule(e, f"{source}: drop[{i}]") for i, e in enumerate(data.get("drop") or [])),
        strip_suffix=tuple(_rule(e, f"{source}: strip_suffix[{i}]")
                           for i, e in enumerate(data.get("strip_suffix") or [])),
        tail_headings=tuple(_rule(e, f"{source}: tail.headings[{i}]")
                            for i, e in enumerate(tail.get("headings") or [])),
        tail_fraction=float(tail.get("tail_fraction", 0.6)),
        heading_max_len=int(tail.get("max_len", 60)),
    )


def load_rules(path: str | Path | None = None) -> ChromeRules:
    """Read the rules from ``path`` (default: the packaged ``chrome_patterns.yaml``)."""
    if path is None:
        text = resources.files("terrain").joinpath(DEFAULT_PATH).read_text(encoding="utf-8")
        source = DEFAULT_PATH
    else:
        text, source = Path(path).read_text(encoding="utf-8"), str(path)
    return parse_rules(yaml.safe_load(text) or {}, source)


@lru_cache(maxsize=1)
def chrome_rules() -> ChromeRules:
    """The packaged rules, loaded once per process."""
    return load_rules()
