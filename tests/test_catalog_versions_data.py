"""Later GRI versions (gri_2026.yaml, gri_2027.yaml) list only what they change (`extends`,
`retire`): resolved, each is the whole set of its years, with the successor of every code it retires."""

from __future__ import annotations

from pathlib import Path

import jsonschema
import pytest
import yaml

from checker.catalog import InputError, build_catalog, resolve_extends, shipped_catalogs

FRAMEWORKS = Path(__file__).parent.parent / "frameworks"


def load(name: str) -> dict:
    return yaml.safe_load((FRAMEWORKS / name).read_text(encoding="utf-8"))


def catalog(catalog_id: str):
    return next(c for c in shipped_catalogs() if c.id == catalog_id)


@pytest.mark.parametrize("name", ["gri_2016.yaml", "gri_2026.yaml", "gri_2027.yaml"])
def test_version_validates_against_the_schema(name):
    schema = yaml.safe_load((FRAMEWORKS / "catalog.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(load(name))


@pytest.mark.parametrize("catalog_id", ["gri_2026", "gri_2027"])
def test_a_later_version_keeps_what_it_does_not_change_and_names_every_successor(catalog_id):
    base, later = catalog("gri_2021"), catalog(catalog_id)
    assert later.framework == "GRI" and later.claim_levels == base.claim_levels
    assert later.get("2-1") is base.get("2-1") and later.get("401-1") is base.get("401-1")
    for old in later.superseded.values():
        for code in old.successors:
            assert later.get(code), (old.code, code)
    assert later.superseded["102-14"] is base.superseded["102-14"]  # 2016 codes stay superseded


def test_gri_101_replaces_304_and_gri_102_103_replace_305_302_and_201_2():
    c26, c27 = catalog("gri_2026"), catalog("gri_2027")
    assert c26.get("304-1") is None and c26.superseded["304-1"].successors == ("101-5",)
    assert c26.superseded["304-1"].standard == "GRI 304: Biodiversity 2016"
    assert c26.get("305-1") and c27.get("305-1") is None and c27.get("305-7")
    for code in ["305-5", "201-2", "302-1", "302-5", "304-4"]:
        assert code in c27.superseded and c27.get(code) is None
    assert c27.get("102-5").title == "Scope 1 GHG emissions"
    assert c27.superseded["102-5"].title == "Ownership and legal form"  # the 2016 meaning of the number
    assert (str(c26.applies_from), str(c26.applies_until)) == ("2025-01-01", "2026-12-31")
    assert (str(c27.applies_from), c27.applies_until) == ("2027-01-01", None)  # dates are not inherited


def test_a_version_extending_no_known_catalog_is_an_input_error():
    raw = {"schema": "esgcheck-catalog/1", "id": "x", "extends": "nowhere", "version": "1", "disclosures": []}
    with pytest.raises(InputError, match="no catalog 'nowhere'"):
        resolve_extends([build_catalog(raw, "x.yaml")])


def test_a_provision_raised_in_level_is_held_at_its_earlier_levels_in_the_years_before():
    """`phase_in`: HKEX's environmental KPIs were recommended for a year begun in 2016 and "comply or
    explain" from 2017, in one version of the Guide."""
    from datetime import date

    from checker.catalog import for_year, validate_catalog

    level = {"phrases": [], "missing_severity": "error"}
    raw = {
        "schema": "esgcheck-catalog/1",
        "id": "phased",
        "framework": "X",
        "name": "X",
        "version": "1",
        "code_pattern": r"A\d",
        "claim_levels": [{"id": "comply", **level}, {"id": "recommended", **level}],
        "default_claim": "comply",
        "disclosures": [
            {"code": "A1", "title": "One", "required_at": ["comply", "recommended"]},
            {
                "code": "A2",
                "title": "Two",
                "required_at": ["comply", "recommended"],
                "phase_in": {"until": "2016-12-31", "required_at": ["recommended"]},
            },
        ],
    }
    schema = yaml.safe_load((FRAMEWORKS / "catalog.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(raw)
    phased = build_catalog(raw, "phased.yaml")
    assert for_year(phased, date(2016, 4, 1)).get("A2").required_at == ("recommended",)
    assert for_year(phased, date(2016, 4, 1)).get("A1") is phased.get("A1")
    assert [d.code for d in for_year(phased, date(2016, 4, 1)).required("comply")] == ["A1"]
    assert for_year(phased, date(2017, 1, 1)).get("A2").required_at == ("comply", "recommended")
    assert for_year(phased, None) is phased  # no period: the provision as it now stands
    bad = {
        **raw,
        "disclosures": [{**raw["disclosures"][1], "phase_in": {"until": "2016-12-31", "required_at": ["x"]}}],
    }
    with pytest.raises(InputError, match="phase_in/required_at': unknown level x"):
        validate_catalog(bad, "bad.yaml")
