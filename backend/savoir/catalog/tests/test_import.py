"""Importing the catalog into an empty database: the whole blueprint, the glossary, a second
import, a dry run, broken files. Imports on top of the shipped content are in shipped/."""

from __future__ import annotations

import pytest
from django.core.management import CommandError

from savoir.catalog.models import (
    Domain,
    DomainTranslation,
    Exam,
    GlossaryEntry,
    GlossaryTranslation,
    Objective,
    SearchDocument,
    SubObjective,
    Topic,
)
from savoir.catalog.tests.helpers import BLUEPRINT, GLOSSARY, broken_copy, run_import

pytestmark = pytest.mark.django_db


def _counts() -> tuple[int, ...]:
    return (
        Exam.objects.count(),
        Domain.objects.count(),
        Objective.objects.count(),
        SubObjective.objects.count(),
        Topic.objects.count(),
        GlossaryEntry.objects.count(),
    )


def test_import_loads_the_whole_official_blueprint():
    output = run_import(str(BLUEPRINT))
    assert "domains: 5 created, 0 updated, 0 retired" in output
    assert "objectives: 28 created, 0 updated, 0 retired" in output
    assert "sub_objectives: 177 created, 0 updated, 0 retired" in output
    assert "topics: 590 created, 0 updated, 0 retired" in output
    assert list(Domain.objects.order_by("position").values_list("code", "weight_percent")) == [
        ("1.0", 12),
        ("2.0", 22),
        ("3.0", 18),
        ("4.0", 28),
        ("5.0", 20),
    ]
    scenario = set(Objective.objects.filter(scenario_based=True).values_list("code", flat=True))
    assert scenario == {"2.4", "3.2", "4.1", "4.5", "4.6", "4.9", "5.6"}
    assert SearchDocument.objects.count() == (5 + 28 + 177 + 590) * 2


def test_glossary_import_has_the_334_official_acronyms():
    run_import(str(BLUEPRINT))
    output = run_import(str(GLOSSARY))
    assert "glossary: 334 created, 0 updated, 0 retired" in output
    assert GlossaryEntry.objects.filter(acronym="MAC").count() == 3
    assert GlossaryTranslation.objects.filter(locale="fr").exclude(explanation="").count() == 334


def test_reimporting_the_same_files_changes_nothing():
    run_import(str(BLUEPRINT))
    run_import(str(GLOSSARY))
    before = list(DomainTranslation.objects.order_by("pk").values_list("pk", "title"))
    assert run_import(str(BLUEPRINT)).strip().endswith("no changes")
    assert run_import(str(GLOSSARY)).strip().endswith("no changes")
    assert list(DomainTranslation.objects.order_by("pk").values_list("pk", "title")) == before
    assert _counts() == (1, 5, 28, 177, 590, 334)


def test_dry_run_reports_but_writes_nothing():
    output = run_import(str(BLUEPRINT), "--dry-run")
    assert output.startswith("[dry run, nothing written]")
    assert "topics: 590 created" in output
    assert _counts() == (0, 0, 0, 0, 0, 0)


def test_a_broken_file_is_rejected_precisely_and_nothing_is_written(tmp_path):
    def mutate(data):
        data["domains"][1]["objectives"][3]["sub_objectives"][2]["title"]["fr"] = ""
        data["domains"][4]["weight_percent"] = 25

    with pytest.raises(CommandError) as error:
        run_import(str(broken_copy(tmp_path, mutate)))
    message = str(error.value)
    assert "nothing written" in message
    assert (
        "domains[1] (2.0).objectives[3] (2.4).sub_objectives[2] (2.4.3).title.fr: String should have at least 1 character"
        in message
    )
    assert _counts() == (0, 0, 0, 0, 0, 0)


def test_an_unknown_field_is_named(tmp_path):
    def mutate(data):
        data["domains"][0]["objectives"][0]["colour"] = "blue"

    with pytest.raises(
        CommandError,
        match=r"domains\[0\] \(1.0\).objectives\[0\] \(1.1\).colour: Extra inputs are not permitted",
    ):
        run_import(str(broken_copy(tmp_path, mutate)))
