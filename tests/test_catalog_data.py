# ruff: noqa: E501
"""The shipped catalogs: schema, codes, shape; HKEX C2 and SASB Hardware counts and wording.

Plain yaml.safe_load + jsonschema, so a broken catalog fails here with the file and key named,
not somewhere inside the checker. Wording and its witnesses: frameworks/SOURCES.md.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from functools import cache
from pathlib import Path

import jsonschema
import pytest
import yaml

FRAMEWORKS = Path(__file__).parent.parent / "frameworks"
SCHEMA = json.loads((FRAMEWORKS / "catalog.schema.json").read_text(encoding="utf-8"))
FILES = ["hkex_c2_2016.yaml", "hkex_c2.yaml", "hkex_c2_2025.yaml", "sasb_hw.yaml", "gri_2021.yaml"]


@cache
def load(name: str) -> dict:
    """Parsed once per file; the tests only read it."""
    return yaml.safe_load((FRAMEWORKS / name).read_text(encoding="utf-8"))


def key(code: str) -> str:
    """Codes compare like the checker compares them: no spaces, lower case, "paragraph" as "para"."""
    return re.sub(r"\s+", "", code).lower().replace("paragraph", "para")


def by_code(catalog: dict) -> dict[str, dict]:
    return {d["code"]: d for d in catalog["disclosures"]}


@pytest.mark.parametrize("name", FILES)
def test_catalog_validates_against_the_schema(name):
    catalog = load(name)
    jsonschema.Draft202012Validator(SCHEMA).validate(catalog)
    levels = {level["id"] for level in catalog["claim_levels"]}
    assert catalog["default_claim"] in levels
    for regex in [catalog["code_pattern"], *catalog["mentions"]] + [
        phrase for level in catalog["claim_levels"] for phrase in level["phrases"]
    ]:
        re.compile(regex)
    for disclosure in catalog["disclosures"]:
        assert set(disclosure.get("required_at", [])) <= levels, disclosure["code"]
    for level in catalog["claim_levels"]:
        if "option_of" in level:
            assert level["option_of"] in levels - {level["id"]}, level["id"]
        assert set(level.get("advises", [])) <= levels, level["id"]


@pytest.mark.parametrize("name", FILES)
def test_no_code_appears_twice(name):
    catalog = load(name)
    codes = [key(d["code"]) for d in catalog["disclosures"]]
    assert [code for code, n in Counter(codes).items() if n > 1] == []
    titles = {key(d["code"]): d["title"].lower() for d in catalog["disclosures"]}
    superseded = [key(s["code"]) for s in catalog.get("superseded", [])]
    assert [code for code, n in Counter(superseded).items() if n > 1] == []
    for old in catalog.get("superseded", []):  # a reused number is told apart by its other title
        assert titles.get(key(old["code"])) != old["title"].lower(), old["code"]


@pytest.mark.parametrize("name", FILES)
def test_every_code_has_the_declared_shape(name):
    catalog = load(name)
    pattern = re.compile(catalog["code_pattern"])
    for disclosure in catalog["disclosures"]:
        assert pattern.fullmatch(disclosure["code"]), disclosure["code"]
        if catalog.get("scope"):
            assert disclosure["code"].startswith(catalog["scope"] + "-")


@pytest.mark.parametrize("name", FILES)
def test_every_disclosure_says_what_a_complete_answer_holds(name):
    for disclosure in load(name)["disclosures"]:
        code = disclosure["code"]
        assert disclosure["elements"], code
        terms = disclosure["evidence_terms"]
        assert 3 <= len(terms) <= 6 and all(t == t.lower() for t in terms), code
        if disclosure["quantitative"]:
            assert disclosure.get("units"), code


def test_hkex_counts_match_the_guide():
    kinds = Counter(d["kind"] for d in load("hkex_c2.yaml")["disclosures"])
    assert kinds == {"mandatory": 3, "general-disclosure": 12, "kpi": 36}


def test_hkex_kpis_per_aspect():
    per_aspect = Counter(
        d["code"].split(".")[0] for d in load("hkex_c2.yaml")["disclosures"] if d["kind"] == "kpi"
    )
    assert per_aspect == {
        "A1": 6, "A2": 5, "A3": 1, "A4": 1,
        "B1": 2, "B2": 3, "B3": 2, "B4": 2, "B5": 4, "B6": 5, "B7": 3, "B8": 2,
    }  # fmt: skip


@pytest.mark.parametrize("name", ["hkex_c2_2016.yaml", "hkex_c2.yaml", "hkex_c2_2025.yaml"])
def test_hkex_every_disclosure_belongs_to_a_group(name):
    catalog = load(name)
    titles = {group["title"] for group in catalog["groups"]}
    for disclosure in catalog["disclosures"]:
        assert disclosure["standard"] in titles, disclosure["code"]
        if disclosure["kind"] == "general-disclosure":
            assert disclosure["standard"] == f"Aspect {disclosure['code']}: {disclosure['title']}"
        if disclosure["kind"] == "kpi":
            assert disclosure["standard"].startswith(f"Aspect {disclosure['code'].split('.')[0]}: ")


# One or more per Part B paragraph and per Aspect (general disclosure and KPIs), word for word.
HKEX_WORDING = {
    ("para 13", "title"): "Governance Structure",
    (
        "para 13",
        "text",
    ): "A statement from the board containing the following elements: (i) a disclosure of the board’s oversight of ESG issues; (ii) the board’s ESG management approach and strategy, including the process used to evaluate, prioritise and manage material ESG-related issues (including risks to the issuer’s businesses); and (iii) how the board reviews progress made against ESG-related goals and targets with an explanation of how they relate to the issuer’s businesses.",
    ("para 14", "title"): "Reporting Principles",
    ("para 15", "title"): "Reporting Boundary",
    (
        "para 15",
        "text",
    ): "A narrative explaining the reporting boundaries of the ESG report and describing the process used to identify which entities or operations are included in the ESG report. If there is a change in the scope, the issuer should explain the difference and reason for the change.",
    ("A1", "title"): "Emissions",
    (
        "A1",
        "text",
    ): "Information on: (a) the policies; and (b) compliance with relevant laws and regulations that have a significant impact on the issuer relating to air and greenhouse gas emissions, discharges into water and land, and generation of hazardous and non-hazardous waste.",
    (
        "A1.2",
        "title",
    ): "Direct (Scope 1) and energy indirect (Scope 2) greenhouse gas emissions (in tonnes) and, where appropriate, intensity (e.g. per unit of production volume, per facility).",
    ("A1.5", "title"): "Description of emissions target(s) set and steps taken to achieve them.",
    ("A2", "title"): "Use of Resources",
    (
        "A2",
        "text",
    ): "Policies on the efficient use of resources, including energy, water and other raw materials.",
    (
        "A2.1",
        "title",
    ): "Direct and/or indirect energy consumption by type (e.g. electricity, gas or oil) in total (kWh in ’000s) and intensity (e.g. per unit of production volume, per facility).",
    (
        "A2.5",
        "title",
    ): "Total packaging material used for finished products (in tonnes) and, if applicable, with reference to per unit produced.",
    ("A3", "title"): "The Environment and Natural Resources",
    (
        "A3",
        "text",
    ): "Policies on minimising the issuer’s significant impacts on the environment and natural resources.",
    (
        "A3.1",
        "title",
    ): "Description of the significant impacts of activities on the environment and natural resources and the actions taken to manage them.",
    ("A4", "title"): "Climate Change",
    (
        "A4",
        "text",
    ): "Policies on identification and mitigation of significant climate-related issues which have impacted, and those which may impact, the issuer.",
    (
        "A4.1",
        "title",
    ): "Description of the significant climate-related issues which have impacted, and those which may impact, the issuer, and the actions taken to manage them.",
    ("B1", "title"): "Employment",
    (
        "B1.1",
        "title",
    ): "Total workforce by gender, employment type (for example, full- or part- time), age group and geographical region.",
    ("B1.2", "title"): "Employee turnover rate by gender, age group and geographical region.",
    ("B2", "title"): "Health and Safety",
    (
        "B2.1",
        "title",
    ): "Number and rate of work-related fatalities occurred in each of the past three years including the reporting year.",
    (
        "B2.3",
        "title",
    ): "Description of occupational health and safety measures adopted, and how they are implemented and monitored.",
    ("B3", "title"): "Development and Training",
    (
        "B3",
        "text",
    ): "Policies on improving employees’ knowledge and skills for discharging duties at work. Description of training activities.",
    (
        "B3.1",
        "title",
    ): "The percentage of employees trained by gender and employee category (e.g. senior management, middle management).",
    ("B4", "title"): "Labour Standards",
    (
        "B4.1",
        "title",
    ): "Description of measures to review employment practices to avoid child and forced labour.",
    ("B5", "title"): "Supply Chain Management",
    ("B5", "text"): "Policies on managing environmental and social risks of the supply chain.",
    (
        "B5.2",
        "title",
    ): "Description of practices relating to engaging suppliers, number of suppliers where the practices are being implemented, and how they are implemented and monitored.",
    ("B6", "title"): "Product Responsibility",
    (
        "B6",
        "text",
    ): "Information on: (a) the policies; and (b) compliance with relevant laws and regulations that have a significant impact on the issuer relating to health and safety, advertising, labelling and privacy matters relating to products and services provided and methods of redress.",
    (
        "B6.5",
        "title",
    ): "Description of consumer data protection and privacy policies, and how they are implemented and monitored.",
    ("B7", "title"): "Anti-corruption",
    (
        "B7.1",
        "title",
    ): "Number of concluded legal cases regarding corrupt practices brought against the issuer or its employees during the reporting period and the outcomes of the cases.",
    (
        "B7.2",
        "title",
    ): "Description of preventive measures and whistle-blowing procedures, and how they are implemented and monitored.",
    ("B8", "title"): "Community Investment",
    (
        "B8",
        "text",
    ): "Policies on community engagement to understand the needs of the communities where the issuer operates and to ensure its activities take into consideration the communities’ interests.",
    (
        "B8.1",
        "title",
    ): "Focus areas of contribution (e.g. education, environmental concerns, labour needs, health, culture, sport).",
    ("B8.2", "title"): "Resources contributed (e.g. money or time) to the focus area.",
}


@pytest.mark.parametrize(("code", "field"), sorted(HKEX_WORDING))
def test_hkex_official_wording(code, field):
    assert by_code(load("hkex_c2.yaml"))[code][field] == HKEX_WORDING[(code, field)]


def test_hkex_aspects_each_have_a_sample():
    aspects = {code.split(".")[0] for code, _ in HKEX_WORDING if not code.startswith("para")}
    assert aspects == {f"A{n}" for n in range(1, 5)} | {f"B{n}" for n in range(1, 9)}


def test_hkex_versions_govern_consecutive_periods():
    first, old, new = load("hkex_c2_2016.yaml"), load("hkex_c2.yaml"), load("hkex_c2_2025.yaml")
    assert first["framework"] == old["framework"] == new["framework"] == "HKEX"
    assert (first["applies_from"], first["applies_until"]) == ("2016-01-01", "2020-06-30")
    assert old["applies_from"] == "2020-07-01"  # the 2020 amendments
    assert (old["applies_until"], new["applies_from"]) == ("2024-12-31", "2025-01-01")
    assert "applies_until" not in new


def test_hkex_2025_drops_the_climate_provisions_part_d_replaces():
    old, new = by_code(load("hkex_c2.yaml")), by_code(load("hkex_c2_2025.yaml"))
    part_d = {code for code, disclosure in new.items() if disclosure.get("wording") == "unverified"}
    assert part_d == {f"para {n}" for n in range(19, 42)}  # recognised, labels never judged
    new = {code: disclosure for code, disclosure in new.items() if code not in part_d}
    dropped = {"A1.2", "A4", "A4.1"}
    assert set(old) - set(new) == dropped and set(new) <= set(old)
    assert {s["code"] for s in load("hkex_c2_2025.yaml")["superseded"]} == dropped
    for code, disclosure in new.items():  # carried over word for word
        assert (disclosure["title"], disclosure.get("text")) == (old[code]["title"], old[code].get("text"))
    kinds = Counter(d["kind"] for d in new.values())
    assert kinds == {"mandatory": 3, "general-disclosure": 11, "kpi": 34}


def test_sasb_counts_match_the_standard():
    catalog = load("sasb_hw.yaml")
    assert catalog["scope"] == "TC-HW" and catalog["version"] == "2023-12"
    kinds = Counter(d["kind"] for d in catalog["disclosures"])
    assert kinds == {"metric": 9, "activity-metric": 3}


# Every metric of SASB Hardware 2023-12: (title, topic, category, units), word for word.
SASB_METRICS = {
    "TC-HW-230a.1": (
        "Description of approach to identifying and addressing data security risks in products",
        "Product Security",
        "discussion-and-analysis",
        ["n/a"],
    ),
    "TC-HW-330a.1": (
        "Percentage of (1) gender and (2) diversity group representation for (a) executive management, (b) non-executive management, (c) technical employees and (d) all other employees",
        "Employee Diversity & Inclusion",
        "quantitative",
        ["Percentage (%)"],
    ),
    "TC-HW-410a.1": (
        "Percentage of products by revenue that contain IEC 62474 declarable substances",
        "Product Lifecycle Management",
        "quantitative",
        ["Percentage (%)"],
    ),
    "TC-HW-410a.2": (
        "Percentage of eligible products, by revenue, meeting the requirements for EPEAT registration or equivalent",
        "Product Lifecycle Management",
        "quantitative",
        ["Percentage (%)"],
    ),
    "TC-HW-410a.3": (
        "Percentage of eligible products, by revenue, certified to an energy efficiency certification",
        "Product Lifecycle Management",
        "quantitative",
        ["Percentage (%)"],
    ),
    "TC-HW-410a.4": (
        "Weight of end-of-life products and e-waste recovered; percentage recycled",
        "Product Lifecycle Management",
        "quantitative",
        ["Metric tonnes (t)", "Percentage (%)"],
    ),
    "TC-HW-430a.1": (
        "Percentage of Tier 1 supplier facilities audited in the RBA Validated Audit Process (VAP) or equivalent, by (a) all facilities and (b) high-risk facilities",
        "Supply Chain Management",
        "quantitative",
        ["Percentage (%)"],
    ),
    "TC-HW-430a.2": (
        "Tier 1 suppliers’ (1) non-conformance rate with the RBA Validated Audit Process (VAP) or equivalent, and (2) associated corrective action rate for (a) priority non-conformances and (b) other non-conformances",
        "Supply Chain Management",
        "quantitative",
        ["Rate"],
    ),
    "TC-HW-440a.1": (
        "Description of the management of risks associated with the use of critical materials",
        "Materials Sourcing",
        "discussion-and-analysis",
        ["n/a"],
    ),
    "TC-HW-000.A": (
        "Number of units produced by product category",
        "Activity Metrics",
        "quantitative",
        ["Number"],
    ),
    "TC-HW-000.B": (
        "Area of manufacturing facilities",
        "Activity Metrics",
        "quantitative",
        ["Square metres (m²)"],
    ),
    "TC-HW-000.C": (
        "Percentage of production from owned facilities",
        "Activity Metrics",
        "quantitative",
        ["Percentage (%)"],
    ),
}


@pytest.mark.parametrize("code", sorted(SASB_METRICS))
def test_sasb_official_wording(code):
    disclosure = by_code(load("sasb_hw.yaml"))[code]
    title, topic, category, units = SASB_METRICS[code]
    assert disclosure["title"] == title
    assert (disclosure["topic"], disclosure["category"], disclosure["units"]) == (topic, category, units)
    assert disclosure["quantitative"] == (category == "quantitative")
    assert disclosure["required_at"] == ["with-reference"]  # SASB has one level: every metric, or a reason


def test_sasb_catalog_lists_exactly_the_standard():
    assert set(by_code(load("sasb_hw.yaml"))) == set(SASB_METRICS)


def test_sasb_2018_wording_of_changed_metrics_is_an_alias():
    disclosures = by_code(load("sasb_hw.yaml"))
    assert disclosures["TC-HW-330a.1"]["aliases"] == [
        "Percentage of gender and racial/ethnic group representation for (1) management, "
        "(2) technical staff, and (3) all other employees"
    ]
    assert disclosures["TC-HW-410a.3"]["aliases"] == [
        "Percentage of eligible products, by revenue, meeting ENERGY STAR® criteria"
    ]


# The Guide before the 2020 amendments (hkex_c2_2016.yaml): its one witness is Chalco's 2019 ESG
# report, "Appendix 1 HKEx ESG Guide Content Index" (SOURCES.md). Where the 2020 text reworded a
# provision, and a sample of those it kept, word for word.
HKEX_2016_WORDING = {
    ("A1", "text"): HKEX_WORDING[("A1", "text")],
    ("A1.1", "title"): "The types of emissions and respective emissions data.",
    (
        "A1.2",
        "title",
    ): "Greenhouse gas emissions in total (in tonnes) and, where appropriate, intensity (e.g. per unit of production volume, per facility).",
    ("A1.5", "title"): "Description of measures to mitigate emissions and results achieved.",
    (
        "A1.6",
        "title",
    ): "Description of how hazardous and non-hazardous wastes are handled, reduction initiatives and results achieved.",
    ("A2.1", "title"): HKEX_WORDING[("A2.1", "title")],
    ("A2.3", "title"): "Description of energy use efficiency initiatives and results achieved.",
    (
        "A2.4",
        "title",
    ): "Description of whether there is any issue in sourcing water that is fit for purpose, water efficiency initiatives and results achieved.",
    (
        "A3",
        "text",
    ): "Policies on minimising the issuer’s significant impact on the environment and natural resources.",
    ("B1.1", "title"): "Total workforce by gender, employment type, age group and geographical region.",
    (
        "B2.3",
        "title",
    ): "Description of occupational health and safety measures adopted, how they are implemented and monitored.",
    (
        "B3",
        "text",
    ): "Policies on improving employee knowledge and skills for discharging duties at work. Description of training activities.",
    (
        "B5.2",
        "title",
    ): "Description of practices relating to engaging suppliers, number of suppliers where the practices are being implemented, how they are implemented and monitored.",
    (
        "B6.5",
        "title",
    ): "Description of consumer data protection and privacy policies, how they are implemented and monitored.",
    ("B7.1", "title"): HKEX_WORDING[("B7.1", "title")],
    ("B8", "text"): HKEX_WORDING[("B8", "text")],
}


@pytest.mark.parametrize(("code", "field"), sorted(HKEX_2016_WORDING))
def test_hkex_2016_official_wording(code, field):
    assert by_code(load("hkex_c2_2016.yaml"))[code][field] == HKEX_2016_WORDING[(code, field)]


def test_hkex_2016_lists_the_guide_of_its_years():
    """11 Aspects with a General Disclosure each; 12 environmental and 20 social KPIs; no Part B, no
    Aspect A4, no KPIs B5.3, B5.4, B7.3 (added by the 2020 amendments)."""
    disclosures = by_code(load("hkex_c2_2016.yaml"))
    assert Counter(d["kind"] for d in disclosures.values()) == {"general-disclosure": 11, "kpi": 32}
    assert set(by_code(load("hkex_c2.yaml"))) - set(disclosures) == {
        "para 13", "para 14", "para 15", "A4", "A4.1", "B5.3", "B5.4", "B7.3"
    }  # fmt: skip
    unverified = {code for code, d in disclosures.items() if d.get("wording") == "unverified"}
    assert unverified == {"B2.1", "B2.2", "B4.1", "B7.2"}  # no witness quotes them: labels never judged


def test_hkex_2016_levels_comply_or_explain_and_recommended():
    """General Disclosures "comply or explain" from 2016, environmental KPIs from 2017 (recommended in
    2016), social KPIs recommended disclosures throughout."""
    for code, d in by_code(load("hkex_c2_2016.yaml")).items():
        if d["kind"] == "general-disclosure":
            assert (d["required_at"], d.get("phase_in")) == (
                ["comply-or-explain", "recommended-disclosures"],
                None,
            )
        elif code.startswith("A"):
            assert d["required_at"] == ["comply-or-explain", "recommended-disclosures"], code
            assert d["phase_in"] == {"until": "2016-12-31", "required_at": ["recommended-disclosures"]}, code
        else:
            assert (d["required_at"], d.get("phase_in")) == (["recommended-disclosures"], None), code
    levels = {level["id"]: level for level in load("hkex_c2_2016.yaml")["claim_levels"]}
    assert (
        levels["recommended-disclosures"]["phrases"] == []
    )  # asked for with --claim, never read from a report


def test_hkex_2016_accepts_the_2020_wording_of_what_the_amendments_reworded():
    old, new = by_code(load("hkex_c2_2016.yaml")), by_code(load("hkex_c2.yaml"))
    reworded = 0
    for code, disclosure in old.items():
        if disclosure.get("wording") == "unverified":
            continue
        for field in ("title", "text"):
            if disclosure.get(field) != new[code].get(field):
                assert new[code][field] in disclosure["aliases"], (code, field)
                reworded += 1
    assert reworded >= 5  # A1.2, A1.5, A1.6, A2.3, A2.4, B1.1 at least were reworded in 2020
