"""Index layouts and code spellings that real reports use, on small drafts written here."""

from __future__ import annotations

from checker import check

PERIOD = "This report covers the year ended 31 December 2023.\n\n"


def entries(tmp_path, text: str, name: str = "draft.md"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    report = check(path).reports[0]
    assert report.error is None, report.error
    return report


def test_code_aliases_name_the_catalog_code(tmp_path):
    report = entries(
        tmp_path,
        "# Report 2023\n\n" + PERIOD + "# Emissions\n\nText.\n\n# Employment\n\nText.\n\n"
        "| Indicator | Description | Section |\n|---|---|---|\n"
        "| Aspect A1 | Emissions | Emissions |\n"
        "| KPI A1.2 | Direct (Scope 1) and energy indirect (Scope 2) greenhouse gas emissions "
        "(in tonnes) and, where appropriate, intensity (e.g. per unit of production volume, "
        "per facility). | Emissions |\n"
        "| B1 General Disclosure | Employment | Employment |\n"
        "| GRI 305-1 | Direct (Scope 1) GHG emissions | Emissions |\n"
        "| Disclosure 305-4 | GHG emissions intensity | Emissions |\n",
    )
    assert [(e.framework, e.code) for e in report.entries] == [
        ("HKEX", "A1"), ("HKEX", "A1.2"), ("HKEX", "B1"), ("GRI", "305-1"), ("GRI", "305-4"),
    ]  # fmt: skip
    assert [e.label for e in report.entries][2:] == [
        "Employment", "Direct (Scope 1) GHG emissions", "GHG emissions intensity",
    ]  # fmt: skip
    assert [f for f in report.findings if f.kind != "missing"] == []
