"""The compiled catalog cache: a warm run reads no YAML, any change is a miss, and a broken or
missing cache changes nothing but the time."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from conftest import EXAMPLE

from checker import cache, catalog
from checker.catalog import load_catalog_file

USER = """\
schema: esgcheck-catalog/1
id: tcfd_2017
framework: TCFD
name: TCFD Recommendations
version: "2017"
code_pattern: 'Governance \\(?[a-c]\\)'
claim_levels:
  - {id: aligned, phrases: ['in line with'], missing_severity: warning}
default_claim: aligned
disclosures:
  - {code: "Governance a)", title: "Describe the board's oversight.", required_at: [aligned]}
"""


@pytest.fixture
def cache_home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.delenv("ESGCHECK_NO_CACHE", raising=False)
    return tmp_path / "xdg" / "esgcheck"


def shipped():
    return catalog.shipped_catalogs.__wrapped__()  # past the in-process lru_cache


def summary(catalogs):
    return [(c.id, c.version, c.code_pattern, sorted(c.disclosures), c.disclosures) for c in catalogs]


def no_yaml(*args, **kwargs):
    raise AssertionError("a warm cache must not parse YAML")


def test_a_warm_cache_builds_the_same_catalogs_without_reading_yaml(cache_home, monkeypatch):
    cold = shipped()
    assert [p.name.split("-")[0] for p in cache_home.iterdir()] == ["shipped"]
    monkeypatch.setattr(catalog, "_parse_catalog", no_yaml)
    assert summary(shipped()) == summary(cold)


def test_a_corrupt_cache_entry_is_a_miss(cache_home, monkeypatch):
    cold = shipped()
    for entry in cache_home.iterdir():
        entry.write_bytes(b"not a pickle")
    assert summary(shipped()) == summary(cold)


def test_no_cache_when_turned_off_or_unwritable(cache_home, monkeypatch, tmp_path):
    monkeypatch.setenv("ESGCHECK_NO_CACHE", "1")
    shipped()
    assert not cache_home.exists()
    monkeypatch.delenv("ESGCHECK_NO_CACHE")
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache folder would be")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    assert summary(shipped()) == summary(catalog.shipped_catalogs())


def test_a_user_catalog_is_validated_once_per_content(cache_home, monkeypatch, tmp_path):
    path = tmp_path / "tcfd.yaml"
    path.write_text(USER, encoding="utf-8")
    first = load_catalog_file(path)
    monkeypatch.setattr(catalog, "_parse_catalog", no_yaml)
    assert summary([load_catalog_file(path)]) == summary([first])
    path.write_text(USER.replace("Describe the board's oversight.", "Describe the oversight."))
    with pytest.raises(AssertionError, match="must not parse YAML"):  # changed: a miss
        load_catalog_file(path)


def test_the_key_changes_with_any_byte():
    assert cache.key("user", [b"a", b"bc"]) != cache.key("user", [b"ab", b"c"])
    assert cache.key("user", [b"x"]) != cache.key("shipped", [b"x"])


def test_an_edit_to_the_refusal_rules_changes_the_key(tmp_path, monkeypatch):
    """A user catalog cached as valid is checked again when the rules that refuse catalogs change
    (checker/untrusted.py): a pattern a newer version refuses is not loaded from an older cache."""
    for module in cache.BUILDERS:
        (tmp_path / module).write_bytes(Path(cache.__file__).with_name(module).read_bytes())
    monkeypatch.setattr(cache, "__file__", str(tmp_path / "cache.py"))
    before = cache.key("user", [b"x"])
    with open(tmp_path / "untrusted.py", "ab") as rules:
        rules.write(b"\n# a new rule\n")
    assert cache.key("user", [b"x"]) != before


def test_no_cache_when_the_building_code_cannot_be_read(cache_home, monkeypatch):
    monkeypatch.setattr(cache, "BUILDERS", ("no-such-module.py",))
    assert cache.key("shipped", [b"x"]) is None
    assert summary(shipped()) == summary(catalog.shipped_catalogs())
    assert not cache_home.exists()


def test_keys_and_fingerprints_are_hashlibs_sha256_without_importing_hashlib():
    """The cache key's and the findings' digests come from the interpreter's own SHA-256 module (no
    OpenSSL to load on each run), and are the digests hashlib gives."""
    import hashlib
    import importlib.util
    import subprocess
    import sys

    from checker.digest import sha256

    for data in (b"", b"abc", bytes(range(256)) * 1000):
        assert sha256(data).hexdigest() == hashlib.sha256(data).hexdigest()
    if not any(importlib.util.find_spec(name) for name in ("_sha256", "_sha2")):
        pytest.skip("this interpreter has no SHA-256 module of its own: hashlib it is")
    report = EXAMPLE
    code = (
        "import sys, checker.cache as c; from checker import check; from checker.fingerprint import"
        f" fingerprint; c.key('x', [b'a']); found = check({str(report)!r}).reports[0].findings;"
        " print(len({fingerprint(f) for f in found}), 'hashlib' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    count, imported = done.stdout.split()
    from checker import check as check_here
    from checker.fingerprint import fingerprint

    expected = len({fingerprint(f) for f in check_here(EXAMPLE).reports[0].findings})
    assert int(count) == expected > 0 and imported == "False"


DAY = 86400


def aged(path, days):
    """A file whose last use (its modification time) was `days` ago."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists():
        path.write_bytes(b"x")
    when = time.time() - days * DAY
    os.utime(path, (when, when))
    return path


def test_a_store_prunes_stale_entries_and_leaves_other_files_alone(cache_home):
    """A version bump or a catalog edit leaves an entry nobody asks for again: the next store deletes
    it. Files not named as this cache's entries stay, however old."""
    stale = [aged(cache_home / f"{kind}-{'a' * 32}.pickle", 40) for kind in ("shipped", "user")]
    recent = aged(cache_home / f"user-{'b' * 32}.pickle", 2)
    interrupted = aged(cache_home / f"{cache.TEMPORARY_PREFIX}x1y2z3.tmp", 2)
    writing = aged(cache_home / f"{cache.TEMPORARY_PREFIX}q4r5s6.tmp", 0)
    foreign = [
        aged(cache_home / name, 400)
        for name in ("notes.txt", "shipped-abc.pickle", f"Shipped-{'a' * 32}.pickle", "tmpab12cd.tmp")
    ]
    folder = cache_home / f"user-{'c' * 32}.pickle"
    folder.mkdir()
    aged(folder / "inside", 400)
    aged(folder, 400)
    shipped()  # a miss: builds and stores
    assert not any(path.exists() for path in [*stale, interrupted])
    assert all(path.exists() for path in [recent, writing, *foreign, folder / "inside"])
    assert len([p for p in cache_home.glob("shipped-*.pickle") if p not in foreign]) == 1  # just stored
    assert summary(shipped()) == summary(catalog.shipped_catalogs())


def test_only_the_last_used_entries_are_kept(cache_home):
    entries = [aged(cache_home / f"user-{n:032x}.pickle", n / 24) for n in range(1, cache.MAX_ENTRIES + 6)]
    cache.store(cache.key("user", [b"new"]), {"a": 1})
    kept = sorted(cache_home.glob("*.pickle"))
    assert len(kept) == cache.MAX_ENTRIES
    assert set(entries[: cache.MAX_ENTRIES - 1]) < set(kept)  # the newest, and the one just stored
    assert cache.load(cache.key("user", [b"new"])) == {"a": 1}


def test_a_hit_renews_the_entry_at_most_once_an_hour(cache_home):
    """A used entry is never pruned for its age; a hit writes nothing when it was renewed lately."""
    name = cache.key("user", [b"used"])
    cache.store(name, [1, 2])
    path = cache_home / f"{name}.pickle"
    aged(path, 40)
    assert cache.load(name) == [1, 2]
    assert time.time() - path.stat().st_mtime < 60
    aged(path, 0.5 / 24)  # renewed half an hour ago
    before = path.stat().st_mtime
    assert cache.load(name) == [1, 2]
    assert path.stat().st_mtime == before


def test_a_failing_prune_is_silent_and_the_entry_is_stored(cache_home, monkeypatch):
    name = cache.key("user", [b"kept"])
    stale = aged(cache_home / f"user-{'d' * 32}.pickle", 40)

    def refused(*args, **kwargs):
        raise PermissionError("refused")

    with monkeypatch.context() as patch:
        patch.setattr(cache.os, "unlink", refused)
        cache.store(name, "value")
        assert stale.exists() and cache.load(name) == "value"
        patch.setattr(cache.os, "scandir", refused)
        cache.store(cache.key("user", [b"other"]), "other")
        patch.setattr(cache, "prune", lambda where: 1 / 0)
        cache.store(cache.key("user", [b"third"]), "third")
    assert cache.load(cache.key("user", [b"other"])) == "other"
    assert cache.load(cache.key("user", [b"third"])) == "third"
    cache.prune(cache_home / "no-such-folder")
