# ruff: noqa: E501
"""The GRI catalog: every standard in force with its official disclosure count and wording.

A wrong title here makes `mislabeled` wrong on every report, so the counts are the ones the
standards print and one title per standard is asserted word for word (witnesses: SOURCES.md).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import yaml

CATALOG = yaml.safe_load(
    (Path(__file__).parent.parent / "frameworks" / "gri_2021.yaml").read_text(encoding="utf-8")
)
DISCLOSURES = {d["code"]: d for d in CATALOG["disclosures"]}

# Disclosures per standard, as numbered in each standard (GRI 412 was withdrawn with GRI 307/419).
OFFICIAL_COUNTS = {
    "GRI 2: General Disclosures 2021": 30,
    "GRI 3: Material Topics 2021": 3,
    "GRI 201: Economic Performance 2016": 4,
    "GRI 202: Market Presence 2016": 2,
    "GRI 203: Indirect Economic Impacts 2016": 2,
    "GRI 204: Procurement Practices 2016": 1,
    "GRI 205: Anti-corruption 2016": 3,
    "GRI 206: Anti-competitive Behavior 2016": 1,
    "GRI 207: Tax 2019": 4,
    "GRI 301: Materials 2016": 3,
    "GRI 302: Energy 2016": 5,
    "GRI 303: Water and Effluents 2018": 5,
    "GRI 304: Biodiversity 2016": 4,
    "GRI 305: Emissions 2016": 7,
    "GRI 306: Waste 2020": 5,
    "GRI 308: Supplier Environmental Assessment 2016": 2,
    "GRI 401: Employment 2016": 3,
    "GRI 402: Labor/Management Relations 2016": 1,
    "GRI 403: Occupational Health and Safety 2018": 10,
    "GRI 404: Training and Education 2016": 3,
    "GRI 405: Diversity and Equal Opportunity 2016": 2,
    "GRI 406: Non-discrimination 2016": 1,
    "GRI 407: Freedom of Association and Collective Bargaining 2016": 1,
    "GRI 408: Child Labor 2016": 1,
    "GRI 409: Forced or Compulsory Labor 2016": 1,
    "GRI 410: Security Practices 2016": 1,
    "GRI 411: Rights of Indigenous Peoples 2016": 1,
    "GRI 413: Local Communities 2016": 2,
    "GRI 414: Supplier Social Assessment 2016": 2,
    "GRI 415: Public Policy 2016": 1,
    "GRI 416: Customer Health and Safety 2016": 2,
    "GRI 417: Marketing and Labeling 2016": 3,
    "GRI 418: Customer Privacy 2016": 1,
}

# At least one title per standard, word for word (punctuation and spelling as GRI prints them).
OFFICIAL_TITLES = {
    "2-1": "Organizational details",
    "2-2": "Entities included in the organization’s sustainability reporting",
    "2-3": "Reporting period, frequency and contact point",
    "2-5": "External assurance",
    "2-11": "Chair of the highest governance body",
    "2-12": "Role of the highest governance body in overseeing the management of impacts",
    "2-22": "Statement on sustainable development strategy",
    "2-25": "Processes to remediate negative impacts",
    "2-30": "Collective bargaining agreements",
    "3-3": "Management of material topics",
    "201-2": "Financial implications and other risks and opportunities due to climate change",
    "202-1": "Ratios of standard entry level wage by gender compared to local minimum wage",
    "203-2": "Significant indirect economic impacts",
    "204-1": "Proportion of spending on local suppliers",
    "205-3": "Confirmed incidents of corruption and actions taken",
    "206-1": "Legal actions for anti-competitive behavior, anti-trust, and monopoly practices",
    "207-2": "Tax governance, control, and risk management",
    "207-3": "Stakeholder engagement and management of concerns related to tax",
    "301-3": "Reclaimed products and their packaging materials",
    "302-5": "Reductions in energy requirements of products and services",
    "303-2": "Management of water discharge-related impacts",
    "304-1": "Operational sites owned, leased, managed in, or adjacent to, protected areas and areas of high biodiversity value outside protected areas",
    "305-3": "Other indirect (Scope 3) GHG emissions",
    "305-4": "GHG emissions intensity",
    "305-7": "Nitrogen oxides (NOx), sulfur oxides (SOx), and other significant air emissions",
    "306-5": "Waste directed to disposal",
    "308-2": "Negative environmental impacts in the supply chain and actions taken",
    "401-2": "Benefits provided to full-time employees that are not provided to temporary or part-time employees",
    "402-1": "Minimum notice periods regarding operational changes",
    "403-7": "Prevention and mitigation of occupational health and safety impacts directly linked by business relationships",
    "403-10": "Work-related ill health",
    "404-2": "Programs for upgrading employee skills and transition assistance programs",
    "405-2": "Ratio of basic salary and remuneration of women to men",
    "406-1": "Incidents of discrimination and corrective actions taken",
    "407-1": "Operations and suppliers in which the right to freedom of association and collective bargaining may be at risk",
    "408-1": "Operations and suppliers at significant risk for incidents of child labor",
    "409-1": "Operations and suppliers at significant risk for incidents of forced or compulsory labor",
    "410-1": "Security personnel trained in human rights policies or procedures",
    "411-1": "Incidents of violations involving rights of indigenous peoples",
    "413-1": "Operations with local community engagement, impact assessments, and development programs",
    "414-1": "New suppliers that were screened using social criteria",
    "415-1": "Political contributions",
    "416-2": "Incidents of non-compliance concerning the health and safety impacts of products and services",
    "417-3": "Incidents of non-compliance concerning marketing communications",
    "418-1": "Substantiated complaints concerning breaches of customer privacy and losses of customer data",
}


def test_disclosures_per_standard_match_the_official_counts():
    assert Counter(d["standard"] for d in DISCLOSURES.values()) == OFFICIAL_COUNTS
    assert len(DISCLOSURES) == 117


def test_standards_are_the_declared_groups_and_codes_follow_their_number():
    groups = {g["title"] for g in CATALOG["groups"]}
    assert groups == set(OFFICIAL_COUNTS)
    for code, disclosure in DISCLOSURES.items():
        number = disclosure["standard"].split(":")[0].removeprefix("GRI ")
        assert code.split("-")[0] == number, code
    for standard, count in OFFICIAL_COUNTS.items():
        number = standard.split(":")[0].removeprefix("GRI ")
        assert {c for c in DISCLOSURES if c.split("-")[0] == number} == {
            f"{number}-{n}" for n in range(1, count + 1)
        }


def test_the_sample_covers_every_standard():
    assert {DISCLOSURES[code]["standard"] for code in OFFICIAL_TITLES} == set(OFFICIAL_COUNTS)


@pytest.mark.parametrize("code", list(OFFICIAL_TITLES))
def test_official_title(code):
    assert DISCLOSURES[code]["title"] == OFFICIAL_TITLES[code]


def test_universal_disclosures_are_required_in_accordance_only():
    for code, disclosure in DISCLOSURES.items():
        universal = code.split("-")[0] in {"2", "3"}
        assert disclosure.get("required_at", []) == (["in-accordance"] if universal else []), code


def test_every_2016_universal_code_names_its_2021_successors():
    superseded = {s["code"]: s for s in CATALOG["superseded"]}
    assert {f"102-{n}" for n in range(1, 57)} | {"103-1", "103-2", "103-3"} <= set(superseded)
    assert {"307-1", "412-1", "412-2", "412-3", "419-1"} <= set(superseded)
    for code, entry in superseded.items():
        assert set(entry["successors"]) <= set(DISCLOSURES), code
    assert superseded["102-14"]["successors"] == ["2-22"]
    assert superseded["102-56"]["successors"] == ["2-5"]
    assert superseded["103-2"]["successors"] == ["3-3"]
    assert superseded["307-1"]["successors"] == ["2-27"]
    assert superseded["102-55"]["successors"] == []  # the content index itself (GRI 1)
