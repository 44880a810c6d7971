"""codebook.yaml: the lines of enquiry and the researchers' own codes, validated with line numbers.

A code has a stable `id`, a `name`, a `colour`, a `description`, `examples` and optional
`children` (codes under it). Every error names the file and the line of the offending entry.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from research.errors import ConfigError

ID_RE = re.compile(r"^[a-z][a-z0-9_-]{0,47}$")
COLOUR_RE = re.compile(r"^#[0-9a-fA-F]{6}$")
PALETTE = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2",
           "#7f7f7f", "#bcbd22", "#17becf"]  # fmt: skip
CODE_KEYS = {"id", "name", "colour", "color", "description", "examples", "keywords", "children"}


class CodebookError(ConfigError):
    """codebook.yaml is malformed; names the file and line."""

    def __init__(self, path: str | Path | None, message: str, line: int | None = None):
        self.path = str(path) if path is not None else "codebook.yaml"
        self.line = line
        self.reason = message
        where = f"{self.path}:{line}" if line is not None else self.path
        super().__init__(f"{where}: {message}")


@dataclass
class Code:
    """One code of the codebook; `root_id` is its line of enquiry (top-level ancestor)."""

    id: str
    name: str
    colour: str
    description: str = ""
    examples: list[str] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)
    parent_id: str | None = None
    root_id: str = ""
    sort: int = 0
    line: int | None = None


@dataclass
class Codebook:
    """Codes in file order (parents before their children)."""

    codes: list[Code]
    path: str | None = None

    def __post_init__(self) -> None:
        self._by_id = {c.id: c for c in self.codes}

    def __contains__(self, code_id: object) -> bool:
        return code_id in self._by_id

    def __len__(self) -> int:
        return len(self.codes)

    def get(self, code_id: str) -> Code:
        try:
            return self._by_id[code_id]
        except KeyError:
            known = ", ".join(c.id for c in self.codes)
            raise ConfigError(f"unknown code {code_id!r} (codebook has: {known})") from None

    @property
    def ids(self) -> list[str]:
        return [c.id for c in self.codes]

    @property
    def top_level(self) -> list[Code]:
        return [c for c in self.codes if c.parent_id is None]

    def children(self, code_id: str) -> list[Code]:
        return [c for c in self.codes if c.parent_id == code_id]

    def resolve(self, ref: str) -> Code:
        """A code by id, or by name (case-insensitive) when no id matches."""
        if ref in self._by_id:
            return self._by_id[ref]
        matches = [c for c in self.codes if c.name.casefold() == ref.strip().casefold()]
        if len(matches) == 1:
            return matches[0]
        return self.get(ref)


def load_codebook(path: str | Path) -> Codebook:
    """Read and validate a codebook file."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise CodebookError(
            path, "codebook not found (set [coding] codebook in research.toml)"
        ) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise CodebookError(path, f"cannot read codebook ({exc.__class__.__name__})") from None
    return parse_codebook(text, path)


def parse_codebook(text: str, path: str | Path | None = None) -> Codebook:
    """Validate codebook YAML text; raises CodebookError naming the line of the problem."""
    import yaml

    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        raise CodebookError(path, f"not valid YAML: {exc.problem or exc.context}", line) from None
    if root is None:
        raise CodebookError(path, "the codebook is empty; it needs a `codes:` list", 1)
    top = _mapping(root, path, "the codebook")
    unknown = set(top) - {"version", "codes"}
    if unknown:
        key = sorted(unknown)[0]
        raise CodebookError(path, f"unknown key {key!r} (expected version, codes)", top[key][0])
    if "version" in top and _scalar(top["version"][1]) not in (1, "1"):
        raise CodebookError(path, "version must be 1", top["version"][0])
    if "codes" not in top:
        raise CodebookError(path, "missing `codes:` list", _line(root))
    codes: list[Code] = []
    _codes(top["codes"][1], path, None, None, codes, {})
    if not codes:
        raise CodebookError(path, "`codes:` is empty; add at least one code", top["codes"][0])
    return Codebook(codes, str(path) if path else None)


def _codes(node: Any, path, parent: Code | None, root: Code | None, out: list, seen: dict) -> None:
    import yaml

    if not isinstance(node, yaml.SequenceNode):
        raise CodebookError(path, "`codes`/`children` must be a list of codes", _line(node))
    for item in node.value:
        keys = _mapping(item, path, "a code")
        line = _line(item)
        unknown = set(keys) - CODE_KEYS
        if unknown:
            key = sorted(unknown)[0]
            raise CodebookError(
                path,
                f"unknown key {key!r} in a code (expected {', '.join(sorted(CODE_KEYS - {'color'}))})",
                keys[key][0],
            )
        for required in ("id", "name"):
            if required not in keys:
                raise CodebookError(path, f"code without `{required}`", line)
        code_id = _string(keys["id"], path, "id")
        if not ID_RE.match(code_id):
            raise CodebookError(
                path,
                f"code id {code_id!r} must start with a lower-case letter and use only a-z, 0-9, - and _",
                keys["id"][0],
            )
        if code_id in seen:
            raise CodebookError(
                path,
                f"duplicate code id {code_id!r} (first at line {seen[code_id]})",
                keys["id"][0],
            )
        seen[code_id] = keys["id"][0]
        name = _string(keys["name"], path, "name")
        if not name.strip():
            raise CodebookError(path, "code name is empty", keys["name"][0])
        colour_key = "colour" if "colour" in keys else "color" if "color" in keys else None
        if colour_key:
            colour = _string(keys[colour_key], path, "colour")
            if not COLOUR_RE.match(colour):
                raise CodebookError(
                    path, f'colour {colour!r} must look like "#1f77b4"', keys[colour_key][0]
                )
        else:
            colour = PALETTE[len(out) % len(PALETTE)]
        description = (
            _string(keys["description"], path, "description") if "description" in keys else ""
        )
        code = Code(
            id=code_id,
            name=name.strip(),
            colour=colour,
            description=" ".join(description.split()),
            examples=_strings(keys.get("examples"), path, "examples"),
            keywords=_strings(keys.get("keywords"), path, "keywords"),
            parent_id=parent.id if parent else None,
            sort=len(out),
            line=line,
        )
        code.root_id = root.id if root else code.id
        out.append(code)
        if "children" in keys:
            _codes(keys["children"][1], path, code, root or code, out, seen)


def _mapping(node: Any, path, what: str) -> dict[str, tuple[int, Any]]:
    """{key: (line, value node)} of a YAML mapping node."""
    import yaml

    if not isinstance(node, yaml.MappingNode):
        raise CodebookError(path, f"{what} must be a mapping of `key: value` lines", _line(node))
    out: dict[str, tuple[int, Any]] = {}
    for k, v in node.value:
        key = str(k.value)
        if key in out:
            raise CodebookError(path, f"key {key!r} given twice", _line(k))
        out[key] = (_line(k), v)
    return out


def _scalar(node: Any) -> Any:
    import yaml

    if isinstance(node, yaml.ScalarNode):
        return (
            yaml.safe_load(yaml.serialize(node))
            if node.tag != "tag:yaml.org,2002:str"
            else node.value
        )
    return None


def _string(entry: tuple[int, Any], path, what: str) -> str:
    import yaml

    line, node = entry
    if not isinstance(node, yaml.ScalarNode) or node.tag == "tag:yaml.org,2002:null":
        raise CodebookError(path, f"`{what}` must be text", line)
    return str(node.value)


def _strings(entry: tuple[int, Any] | None, path, what: str) -> list[str]:
    import yaml

    if entry is None:
        return []
    line, node = entry
    if isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:null":
        return []
    if not isinstance(node, yaml.SequenceNode):
        raise CodebookError(path, f"`{what}` must be a list of quoted phrases", line)
    out = []
    for item in node.value:
        if not isinstance(item, yaml.ScalarNode) or item.tag == "tag:yaml.org,2002:null":
            raise CodebookError(path, f"every entry of `{what}` must be text", _line(item))
        if str(item.value).strip():
            out.append(str(item.value).strip())
    return out


def _line(node: Any) -> int | None:
    mark = getattr(node, "start_mark", None)
    return mark.line + 1 if mark is not None else None
