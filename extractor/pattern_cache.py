"""Compiled `regex` patterns kept from one process to the next.

The `regex` module parses and optimises a pattern in Python: the long ones (the timex rules, each
holding every Korean numeral word) took a tenth of a cold start to compile. A compiled pattern
pickles as its compiled code (`regex` registers that with copyreg) and unpickles without being
parsed again, a fortieth of the time. `compiled(pattern)` therefore takes the pattern from a cache
file read once per process and compiles only what the file lacks; `save()`, called once the
pipeline is loaded, rewrites the file with the patterns this process asked for (and as many of the
file's others) if it lacked any.

The stdlib's `re` cannot pickle a compiled pattern (it pickles the source and compiles it again), and
compiles in Python too: every class of Hangul or Chinese letters becomes a table of 65,536 entries,
a few ms each. `compiled_re(pattern)` keeps in the same file what `re`'s compiler made of a pattern
(the arguments its last step passes to `_sre.compile`) and makes the pattern from them as `re.compile`
does; the same Python release only (its version is part of the key), and `re.compile` itself
wherever that internal step is not there to call. `kept_bytes` keeps the lexicons' parsed YAML
the same way (pickled: a pickle loads in a tenth of the time libyaml parses the files), and
`kept_table` a table of answers worked out as texts are read (which timex rules can match after
a few given letters), written again at exit when it grew.

The file is named by the versions of Python and regex and kept with the user's other caches (it is
trusted as the byte-compiled modules in `__pycache__` are); when it cannot be read or written, the
patterns are compiled as before.
"""
from __future__ import annotations

import atexit
import os
import pickle
import re
import sys
import tempfile
from array import array
from collections.abc import Callable
from itertools import islice
from pathlib import Path

import regex

try:
    import _sre
    from re import _compiler, _parser
except ImportError:  # another implementation of Python: `re.compile` then
    _sre = None
#: compiled code as the cache file keeps it: an array of 32-bit words unpickles as one block, a tenth
#: of the time the same list of Python ints takes (re's code holds 65,536-letter tables)
_CODE_WORD = "I" if _sre is not None and _sre.CODESIZE == array("I").itemsize == 4 else None
#: `re`'s compiled code is this release's own
_RE_RELEASE = f"re {sys.version} _sre {getattr(_sre, 'MAGIC', None)}"

#: (pattern, flags) of a `regex` pattern; (pattern, (_RE_RELEASE, flags)) of an `re` one; (path, (size,
#: modification time)) of a lexicon
Key = tuple[str, int | tuple[str, int]]
_asked: dict[Key, object] = {}
_stored: dict[Key, object] | None = None
_lacking = False
#: key -> (entries when read or last written, most entries to write) of each table of `kept_table`
_tables: dict[Key, tuple[int, int]] = {}


def cache_file() -> Path | None:
    root = os.environ.get("XDG_CACHE_HOME")
    try:
        directory = Path(root) if root else Path.home() / ".cache"
    except RuntimeError:  # no home directory to find
        return None
    python = f"{sys.version_info.major}.{sys.version_info.minor}"
    return directory / "extractor" / f"patterns-python{python}-regex{regex.__version__}.pickle"


def compiled(pattern: str, flags: int = 0) -> regex.Pattern:
    """`regex.compile(pattern, flags)`, from the cache file when it holds the pattern."""
    global _lacking
    key = (pattern, flags)
    found = _asked.get(key) or _stored_patterns().get(key)
    if found is None:
        found, _lacking = regex.compile(pattern, flags), True
    _asked[key] = found
    return found


def compiled_re(pattern: str, flags: int = 0) -> re.Pattern:
    """`re.compile(pattern, flags)`, made from the cache file's compiled code when it holds the pattern."""
    global _lacking
    if _CODE_WORD is None:
        return re.compile(pattern, flags)
    key = (pattern, (_RE_RELEASE, int(flags)))
    arguments = _asked.get(key) or _stored_patterns().get(key)
    try:
        if arguments is None:
            arguments, _lacking = _re_compiler_output(pattern, int(flags)), True
        compiled_flags, code, *groups = arguments
        made = _sre.compile(pattern, compiled_flags, code.tolist(), *groups)
    except (AttributeError, TypeError, ValueError):  # a Python whose internals differ from 3.11-3.13's
        return re.compile(pattern, flags)
    _asked[key] = arguments
    return made


def _re_compiler_output(pattern: str, flags: int) -> tuple:
    """What `re._compiler.compile` passes to `_sre.compile` after the pattern itself, as plain data."""
    parsed = _parser.parse(pattern, flags)
    group_index = dict(parsed.state.groupdict)
    group_names = [None] * parsed.state.groups
    for name, number in group_index.items():
        group_names[number] = name
    code = array(_CODE_WORD, _compiler._code(parsed, flags))
    return flags | parsed.state.flags, code, parsed.state.groups - 1, group_index, tuple(group_names)


def kept_bytes(key: tuple[str, object], make: Callable[[], bytes]) -> bytes:
    """Bytes made from what does not change between starts (a lexicon file's parsed content, pickled),
    from the cache file when it holds `key`, else made (and written by the next `save()`). The key
    names everything they are made from (a file by its path, size and modification time)."""
    global _lacking
    made = _asked.get(key) or _stored_patterns().get(key)
    if made is None:
        made, _lacking = make(), True
    _asked[key] = made
    return made


def kept_table(key: tuple[str, str], most: int) -> dict:
    """A table of answers a process works out as it goes (each worked out once per key), as the cache
    file kept it (up to `most` entries), for the caller to add to; `save()` writes it again when it
    grew. The key names everything the answers follow from (a digest of the rules they answer for)."""
    stored = _asked.get(key) or _stored_patterns().get(key)
    table = dict(stored) if isinstance(stored, dict) else {}
    _asked[key] = table
    _tables[key] = (len(table), most)
    return table


def _tables_grew() -> bool:
    return any(kept < min(len(_asked[key]), most) for key, (kept, most) in _tables.items())


def save() -> None:
    """Write the patterns asked for so far, if the cache file lacked some of them or a table grew."""
    global _lacking, _stored
    path = cache_file()
    if not (_lacking or _tables_grew()) or path is None:
        return
    kept = _kept_with_asked()
    for key, (_, most) in _tables.items():
        kept[key] = dict(islice(_asked[key].items(), most))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, prefix=path.name, delete=False) as file:
            pickle.dump(kept, file, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(file.name, path)  # whole or not at all, even with processes saving at once
    except OSError:
        return  # a read-only or full disk: the patterns are compiled again next time
    _stored, _lacking = kept, False
    _tables.update({key: (len(kept[key]), most) for key, (_, most) in _tables.items()})


atexit.register(save)  # with the patterns first compiled after the pipeline loaded (on the first article)


def _kept_with_asked() -> dict[Key, object]:
    """The patterns asked for, and as many of the file's others: two installations of different
    versions (two virtual environments) then keep each other's patterns instead of rewriting the file
    in turn, while patterns no version asks for any more drop out."""
    others = [(key, pattern) for key, pattern in _stored_patterns().items() if key not in _asked]
    return {**dict(others[:len(_asked)]), **_asked}


def _stored_patterns() -> dict[Key, object]:
    global _stored
    if _stored is None:
        _stored = _read(cache_file())
    return _stored


def _read(path: Path | None) -> dict[Key, object]:
    """The cache file's patterns; none when there is no file yet or an unreadable one (save()
    then writes it anew)."""
    if path is None:
        return {}
    try:
        with open(path, "rb") as file:
            stored = pickle.load(file)
    except (OSError, pickle.UnpicklingError, EOFError, ValueError, TypeError, AttributeError):
        return {}
    return stored if isinstance(stored, dict) else {}
