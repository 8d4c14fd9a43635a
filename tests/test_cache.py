"""The compiled catalog cache: a warm run reads no YAML, any change is a miss, and a broken or
missing cache changes nothing but the time."""

from __future__ import annotations

import pytest

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


def test_the_refusal_rules_are_part_of_the_key():
    """A user catalog cached as valid is checked again when the rules that refuse catalogs change
    (checker/untrusted.py): a pattern a newer version refuses is not loaded from an older cache."""
    assert {"catalog.py", "untrusted.py"} <= set(cache.BUILDERS)


def test_no_cache_when_the_building_code_cannot_be_read(cache_home, monkeypatch):
    monkeypatch.setattr(cache, "BUILDERS", ("no-such-module.py",))
    assert cache.key("shipped", [b"x"]) is None
    assert summary(shipped()) == summary(catalog.shipped_catalogs())
    assert not cache_home.exists()


def test_the_key_is_hashlibs_sha256_without_importing_hashlib():
    """The key's digest comes from the interpreter's own SHA-256 module (no OpenSSL to load), and is
    the digest hashlib gives."""
    import hashlib
    import importlib.util
    import subprocess
    import sys

    for data in (b"", b"abc", bytes(range(256)) * 1000):
        assert cache._sha256(data).hexdigest() == hashlib.sha256(data).hexdigest()
    if not any(importlib.util.find_spec(name) for name in ("_sha256", "_sha2")):
        pytest.skip("this interpreter has no SHA-256 module of its own: hashlib it is")
    code = "import sys, checker.cache as c; c.key('x', [b'a']); print('hashlib' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"
