"""The GRI versions after 2021 (gri_2026.yaml, gri_2027.yaml) are generated from gri_2021.yaml by
benchmarks/make_gri_versions.py: what they share must not drift apart."""

from __future__ import annotations

from pathlib import Path

import jsonschema
import pytest
import yaml

FRAMEWORKS = Path(__file__).parent.parent / "frameworks"


def load(name: str) -> dict:
    return yaml.safe_load((FRAMEWORKS / name).read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", ["gri_2016.yaml", "gri_2026.yaml", "gri_2027.yaml"])
def test_version_validates_against_the_schema(name):
    schema = yaml.safe_load((FRAMEWORKS / "catalog.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(load(name))


@pytest.mark.parametrize("name", ["gri_2026.yaml", "gri_2027.yaml"])
def test_later_versions_keep_gri_2021s_disclosures_as_they_are(name):
    base = {d["code"]: d for d in load("gri_2021.yaml")["disclosures"]}
    later = load(name)
    retired = {s["code"] for s in later["superseded"]}
    for disclosure in later["disclosures"]:
        if disclosure["code"] in base and disclosure["code"] not in retired:
            assert disclosure == base[disclosure["code"]], disclosure["code"]
    kept = {d["code"] for d in later["disclosures"]}
    assert set(base) - kept <= retired  # a 2021 disclosure is either kept or retired with successors
    for old in later["superseded"]:
        for code in old["successors"]:
            assert code in kept, (old["code"], code)


def test_gri_101_replaces_304_and_gri_102_103_replace_305_302_and_201_2():
    c26, c27 = load("gri_2026.yaml"), load("gri_2027.yaml")
    retired26 = {s["code"]: s for s in c26["superseded"]}
    assert all(retired26[f"304-{n}"]["successors"] for n in range(1, 5))
    retired27 = {s["code"]: s["title"] for s in c27["superseded"]}
    for code in ["305-1", "305-2", "305-3", "305-4", "305-5", "201-2", "302-1", "302-5"]:
        assert code in retired27
    assert retired27["102-5"] == "Ownership and legal form"  # the 2016 meaning of a reused number
    codes = {d["code"]: d["title"] for d in c27["disclosures"]}
    assert codes["102-5"] == "Scope 1 GHG emissions" and "305-7" in codes
