"""Config: [tool.esgcheck] in pyproject.toml or .esgcheck.yaml, found by walking up from the input or
named by --config; command-line options override it; a bad key or value is one line, exit 2."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import CLEAN

from checker.cli import main
from checker.config import Config, find_config, load_config

MISLABELED = ("305-4 GHG emissions intensity", "305-4 Other indirect (Scope 3) GHG emissions")


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def draft(folder: Path) -> Path:
    """The clean report with one mislabeled row (ESG101 error, ESG102 warning), in folder."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "draft.txt"
    path.write_text(CLEAN.read_text(encoding="utf-8").replace(*MISLABELED), encoding="utf-8")
    return path


def test_without_config_the_draft_fails(tmp_path):
    assert run(draft(tmp_path)).exit_code == 1


def test_pyproject_table_found_above_the_input_changes_the_outcome(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n\n[tool.esgcheck]\nfail-on = "never"\n')
    report = draft(tmp_path / "drafts" / "2024")
    assert run(report).exit_code == 0
    assert run(report, "--fail-on", "error").exit_code == 1  # the command line overrides the config


def test_yaml_config_ignores_rules(tmp_path):
    (tmp_path / ".esgcheck.yaml").write_text("ignore: [ESG101, shared-label]\n")
    result = run(draft(tmp_path), "--format", "json")
    assert result.exit_code == 0, result.output
    assert '"findings": []' in result.stdout


def test_select_in_config_and_on_the_command_line(tmp_path):
    (tmp_path / ".esgcheck.yaml").write_text("select: [ESG102]\nfail_on: error\n")
    report = draft(tmp_path)
    assert run(report).exit_code == 0  # only the warning is reported, and warnings do not fail
    assert run(report, "--select", "ESG101,ESG102").exit_code == 1


def test_nearest_config_wins_and_a_pyproject_without_the_table_is_passed_over(tmp_path):
    (tmp_path / ".esgcheck.yaml").write_text("fail-on: never\n")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "pyproject.toml").write_text('[project]\nname = "x"\n')
    report = draft(tmp_path / "sub")
    assert find_config(report) == tmp_path / ".esgcheck.yaml"
    assert run(report).exit_code == 0


def test_config_option_names_the_file(tmp_path):
    settings = tmp_path / "elsewhere" / "esg.yaml"
    settings.parent.mkdir()
    settings.write_text("fail-on: never\n")
    report = draft(tmp_path / "drafts")
    assert run(report).exit_code == 1
    assert run(report, "--config", settings).exit_code == 0


@pytest.mark.parametrize(
    ("name", "content", "says"),
    [
        (".esgcheck.yaml", "fail-on: never\nfial-on: error\n", "unknown key 'fial-on' in the config"),
        (
            "pyproject.toml",
            "[tool.esgcheck]\nignroe = ['ESG101']\n",
            "unknown key 'ignroe' in [tool.esgcheck]",
        ),
        (".esgcheck.yaml", "fail-on: sometimes\n", "fail-on: no level 'sometimes'"),
        (".esgcheck.yaml", "ignore: [ESG999]\n", "ignore: no rule 'ESG999'"),
        (".esgcheck.yaml", "claims: GRI\n", "claims: expected a mapping"),
        (".esgcheck.yaml", "fail-on: [never\n", "is not valid YAML (line"),
        ("pyproject.toml", "[tool.esgcheck\n", "is not valid TOML"),
        (
            ".esgcheck.yaml",
            "thresholds: {lable-match: 90}\n",
            "thresholds: no threshold 'lable-match' (valid: label-match, ",
        ),
        (
            ".esgcheck.yaml",
            "thresholds: {label-match: 120}\n",
            "thresholds: label-match: 120 is out of range (70 to 100)",
        ),
        (
            ".esgcheck.yaml",
            "thresholds: {index-min-rows: 5.5}\n",
            "thresholds: index-min-rows: expected a whole number",
        ),
        (
            ".esgcheck.yaml",
            "thresholds: {section-suggest: high}\n",
            "thresholds: section-suggest: expected a number",
        ),
        (
            ".esgcheck.yaml",
            "thresholds: {label-wrong: 95}\n",
            "thresholds: label-wrong (95) must be below label-match (90)",
        ),
        (
            ".esgcheck.yaml",
            "thresholds: [label-match]\n",
            "thresholds: expected a mapping of NAME to a number",
        ),
        (
            ".esgcheck.yaml",
            "material-topics: ['GRI 999']\n",
            "material-topics: no topic standard 'GRI 999' in GRI",
        ),
        (
            ".esgcheck.yaml",
            "material-topics: {GRI: 305}\n",
            "material-topics: expected a list of topic standards",
        ),
    ],
)
def test_a_bad_config_is_one_line_naming_the_file_exit_2(tmp_path, name, content, says):
    (tmp_path / name).write_text(content)
    result = run(draft(tmp_path))
    assert result.exit_code == 2
    assert says in result.output and str(tmp_path / name) in result.output
    assert len(result.output.strip().splitlines()) == 1 and "Traceback" not in result.output


def test_a_misspelt_claim_in_the_config_is_refused_with_the_valid_levels(tmp_path):
    (tmp_path / ".esgcheck.yaml").write_text("claims:\n  GRI: in-accordence\n")
    result = run(draft(tmp_path))
    assert result.exit_code == 2 and "in-accordance" in result.output


def test_catalogs_are_relative_to_the_config_file(tmp_path):
    (tmp_path / ".esgcheck.yaml").write_text("catalogs: [catalogs/tcfd.yaml]\n")
    result = run(draft(tmp_path / "drafts"))
    assert result.exit_code == 2 and str(tmp_path / "catalogs" / "tcfd.yaml") in result.output


def test_unknown_rule_on_the_command_line_is_a_usage_error(tmp_path):
    result = run(draft(tmp_path), "--ignore", "ESG999")
    assert result.exit_code == 2 and "--ignore: no rule 'ESG999'" in result.output


def test_load_config_reads_every_key(tmp_path):
    path = tmp_path / ".esgcheck.yaml"
    path.write_text(
        "fail-on: Error\nclaims: {GRI: in-accordance}\nframework-versions: {HKEX: 2025}\n"
        "select: [ESG101]\nignore: ['ESG102, ESG103']\ncatalogs: [a.yaml]\nbaseline: base.json\n"
    )
    assert load_config(path) == Config(
        path=str(path),
        fail_on="error",
        claims={"GRI": "in-accordance"},
        versions={"HKEX": "2025"},
        select=("ESG101",),
        ignore=("ESG102", "ESG103"),
        catalogs=(str(tmp_path / "a.yaml"),),
        baseline=str(tmp_path / "base.json"),
    )


def test_frameworks_in_the_config_limit_what_is_reported(tmp_path):
    (tmp_path / ".esgcheck.yaml").write_text("frameworks: [HKEX]\n")
    result = run(draft(tmp_path), "--format", "json")
    assert result.exit_code == 0, result.output  # the GRI findings are not this team's to fix
    assert '"findings": []' in result.stdout and '"coverage": []' in result.stdout
    (tmp_path / ".esgcheck.yaml").write_text("frameworks: [GRl]\n")
    bad = run(draft(tmp_path))
    assert bad.exit_code == 2 and "frameworks: no framework 'GRl' (valid: " in bad.output


def _report(folder: Path, old: str, new: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    text = CLEAN.read_text(encoding="utf-8")
    assert text.count(old) == 1
    path = folder / "report.txt"
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("replacement", "setting", "before", "after"),
    [
        # a dropped plural is the official title at the default 90; at 100 only the exact wording is
        (("305-4 GHG emissions intensity", "305-4 GHG emission intensity"), "label-match: 100", 0, 1),
        # the nearest heading is offered from 70; at 99 a typo resembles no heading
        (
            ("Climate Action\n3-3", "Climate Actoin\n3-3"),
            "section-suggest: 99",
            "did you mean",
            "resembles no",
        ),
        # fewer than index-min-rows codes is no index: the report cannot be checked (exit 2)
        (("Contact:", "Contact:"), "index_min_rows: 100", 0, 2),
    ],
)
def test_thresholds_in_the_config_change_the_outcome(tmp_path, replacement, setting, before, after):
    report = _report(tmp_path, *replacement)
    for expected, config in ((before, None), (after, f"thresholds:\n  {setting}\n")):
        if config:
            (tmp_path / ".esgcheck.yaml").write_text(config)
        result = run(report, "--format", "json")
        if isinstance(expected, int):
            assert result.exit_code == expected, result.output
        else:
            assert expected in result.stdout


def test_thresholds_in_pyproject_are_a_table(tmp_path):
    (tmp_path / "pyproject.toml").write_text("[tool.esgcheck.thresholds]\nlabel-match = 100\n")
    assert load_config(tmp_path / "pyproject.toml").thresholds == {"label-match": 100}
    report = _report(tmp_path, "305-4 GHG emissions intensity", "305-4 GHG emission intensity")
    assert run(report).exit_code == 1


def test_thresholds_from_python_are_checked_and_do_not_outlive_the_check(tmp_path):
    from checker import check, thresholds
    from checker.errors import OptionError

    report = _report(tmp_path, "305-4 GHG emissions intensity", "305-4 GHG emission intensity")
    assert [f.rule for f in check(report, thresholds={"label_match": 100}).findings()] == ["ESG101"]
    assert thresholds.LABEL_MATCH == 90 and check(report).findings() == []
    with pytest.raises(OptionError, match="thresholds: no threshold 'x'"):
        check(report, thresholds={"x": 1})


def _findings(result) -> dict[str, list[str]]:
    reports = json.loads(result.stdout)["reports"]
    return {
        Path(r["path"]).parent.name + "/" + Path(r["path"]).name: [f["rule"] for f in r["findings"]]
        for r in reports
    }


def test_each_input_uses_its_own_nearest_config_as_ruff_does(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / ".esgcheck.yaml").write_text("ignore: [ESG101, ESG102]\n")
    (tmp_path / "b" / ".esgcheck.yaml").write_text("select: [ESG102]\nfail-on: never\n")
    first, second = draft(tmp_path / "a"), draft(tmp_path / "b")
    third = draft(tmp_path / "a" / "sub")  # no config of its own: a's, its nearest
    result = run(second, first, third, "--format", "json")
    assert _findings(result) == {"b/draft.txt": ["ESG102"], "a/draft.txt": [], "sub/draft.txt": []}
    assert list(_findings(result)) == ["b/draft.txt", "a/draft.txt", "sub/draft.txt"]  # the order named
    assert result.exit_code == 0  # a's reports have no findings left, b's never fail
    (tmp_path / "b" / ".esgcheck.yaml").write_text("select: [ESG102]\n")
    assert run(first, second).exit_code == 1  # b's warning fails at b's level, whichever input is first


def test_a_folder_of_reports_under_several_configs_and_the_command_line_over_them_all(tmp_path):
    (tmp_path / "team" / ".esgcheck.yaml").parent.mkdir()
    (tmp_path / "team" / ".esgcheck.yaml").write_text("ignore: [ESG101]\n")
    draft(tmp_path / "team")
    draft(tmp_path / "other")
    result = run(tmp_path, "--format", "json")
    assert _findings(result) == {"other/draft.txt": ["ESG101", "ESG102"], "team/draft.txt": ["ESG102"]}
    assert result.exit_code == 1
    selected = run(tmp_path, "--format", "json", "--select", "ESG102", "--fail-on", "error")
    assert _findings(selected) == {"other/draft.txt": ["ESG102"], "team/draft.txt": ["ESG102"]}
    assert selected.exit_code == 0


def test_config_option_applies_to_every_input(tmp_path):
    (tmp_path / "a" / ".esgcheck.yaml").parent.mkdir()
    (tmp_path / "a" / ".esgcheck.yaml").write_text("fail-on: error\n")
    settings = tmp_path / "all.yaml"
    settings.write_text("select: [ESG102]\n")
    result = run(draft(tmp_path / "a"), draft(tmp_path / "b"), "--config", settings, "--format", "json")
    assert _findings(result) == {"a/draft.txt": ["ESG102"], "b/draft.txt": ["ESG102"]}
    assert result.exit_code == 1  # a's own fail-on is not read


def test_standard_input_uses_the_config_above_the_working_folder(tmp_path, monkeypatch):
    (tmp_path / ".esgcheck.yaml").write_text("ignore: [ESG101]\n")
    text = draft(tmp_path / "drafts").read_text(encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["-", "--format", "json"], input=text)
    assert [f["rule"] for f in json.loads(result.stdout)["reports"][0]["findings"]] == ["ESG102"]


def test_a_bad_config_of_any_input_is_exit_2_naming_it(tmp_path):
    (tmp_path / "b" / ".esgcheck.yaml").parent.mkdir()
    (tmp_path / "b" / ".esgcheck.yaml").write_text("fial-on: never\n")
    result = run(draft(tmp_path / "a"), draft(tmp_path / "b"))
    assert result.exit_code == 2 and str(tmp_path / "b" / ".esgcheck.yaml") in result.output


def _missing(result) -> list[tuple[str, str]]:
    (report,) = json.loads(result.stdout)["reports"]
    return [(f["code"], f["severity"]) for f in report["findings"] if f["rule"] == "ESG301"]


def test_material_topics_make_their_disclosures_required_in_accordance(tmp_path):
    report = tmp_path / "report.txt"
    report.write_text(CLEAN.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / ".esgcheck.yaml").write_text("claims: {GRI: in-accordance}\n")
    assert run(report).exit_code == 0  # GRI 2 and 3 are all listed
    (tmp_path / ".esgcheck.yaml").write_text("claims: {GRI: in-accordance}\nmaterial-topics: ['305']\n")
    result = run(report, "--format", "json")
    assert result.exit_code == 1
    assert _missing(result) == [("305-6", "error"), ("305-7", "error")]  # 305-1 to 305-5 are listed
    assert "GRI 305: Emissions 2016 is a material topic" in result.stdout


def test_material_topics_under_with_reference_stay_advice(tmp_path):
    report = tmp_path / "report.txt"
    report.write_text(CLEAN.read_text(encoding="utf-8"), encoding="utf-8")  # "with reference to"
    (tmp_path / "pyproject.toml").write_text('[tool.esgcheck]\nmaterial-topics = ["GRI 305: Emissions"]\n')
    result = run(report, "--format", "json")
    assert result.exit_code == 0
    assert _missing(result) == [("305-6", "info"), ("305-7", "info")]


def test_material_topic_option_replaces_the_configs_and_takes_names(tmp_path):
    report = tmp_path / "report.txt"
    report.write_text(CLEAN.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / ".esgcheck.yaml").write_text("material-topics: [305]\n")
    result = run(report, "--claim", "GRI=in-accordance", "--material-topic", "Employment", "--format", "json")
    assert _missing(result) == [("401-2", "error"), ("401-3", "error")]
    both = run(report, "--claim", "GRI=in-accordance", "--material-topic", "401,GRI 305", "--format", "json")
    assert {code for code, _ in _missing(both)} == {"305-6", "305-7", "401-2", "401-3"}
    (tmp_path / ".esgcheck.yaml").write_text("material-topics: '401, GRI 305'\n")  # as the option lists
    from_config = run(report, "--claim", "GRI=in-accordance", "--format", "json")
    assert {code for code, _ in _missing(from_config)} == {"305-6", "305-7", "401-2", "401-3"}


def test_a_material_topic_option_naming_no_standard_is_exit_2(tmp_path):
    result = run(draft(tmp_path), "--material-topic", "Emisions")
    assert result.exit_code == 2 and len(result.output.strip().splitlines()) == 1
    assert "--material-topic: no topic standard 'Emisions' in GRI" in result.output


def test_which_levels_and_standards_material_topics_raise_is_catalog_data():
    from checker.catalog import build_catalog, with_material_topics

    raw = {
        "id": "xyz",
        "framework": "XYZ",
        "version": "1",
        "default_claim": "light",
        "claim_levels": [
            {"id": "full", "phrases": ["fully"], "missing_severity": "error", "material_topics": True},
            {"id": "light", "phrases": ["lightly"], "missing_severity": "info"},
        ],
        "disclosures": [
            {"code": "1-1", "title": "Profile", "standard": "XYZ 1: General 2020", "required_at": ["full"]},
            {"code": "10-1", "title": "Water use", "standard": "XYZ 10: Water 2020"},
            {"code": "11-1", "title": "Waste", "standard": "XYZ 11: Waste 2020"},
        ],
    }
    catalog = build_catalog(raw, "xyz.yaml")
    for topic in ("10", "XYZ 10", "Water", "XYZ 10: Water", "XYZ 10: Water 2020"):
        raised = with_material_topics(catalog, (topic,))
        assert [d.code for d in raised.required("full")] == ["1-1", "10-1"], topic
        assert raised.required("light") == [] and raised.get("10-1").material
    assert with_material_topics(catalog, ("XYZ 10: Waste",)) is catalog  # number and name disagree
    gri_2016 = next(c for c in __import__("checker").engine.load_catalogs() if c.id == "gri_2016")
    raised = with_material_topics(gri_2016, ("305",))
    assert "305-1" in {d.code for d in raised.required("in-accordance-comprehensive")}
    assert "305-1" not in {d.code for d in raised.required("in-accordance-core")}  # Core: at least one
