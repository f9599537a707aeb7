from __future__ import annotations

import copy
from io import StringIO
from pathlib import Path

import pytest
import yaml
from django.core.management import CommandError, call_command

from savoir.catalog.models import (
    Domain,
    DomainTranslation,
    Exam,
    GlossaryEntry,
    GlossaryTranslation,
    Objective,
    SearchDocument,
    SubObjective,
    SubObjectiveTranslation,
    Topic,
    TopicTranslation,
)
from savoir.catalog.services import catalog_import
from savoir.progress.selectors import outline_get

pytestmark = pytest.mark.django_db

CONTENT = Path(__file__).resolve().parents[1] / "content"
BLUEPRINT = CONTENT / "sy0-701.yaml"
GLOSSARY = CONTENT / "sy0-701-glossary.yaml"


def _run(*args: str) -> str:
    out = StringIO()
    call_command("import_catalog", *args, stdout=out)
    return out.getvalue()


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
    output = _run(str(BLUEPRINT))
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
    _run(str(BLUEPRINT))
    output = _run(str(GLOSSARY))
    assert "glossary: 334 created, 0 updated, 0 retired" in output
    assert GlossaryEntry.objects.filter(acronym="MAC").count() == 3
    assert GlossaryTranslation.objects.filter(locale="fr").exclude(explanation="").count() == 334


def test_reimporting_the_same_files_changes_nothing():
    _run(str(BLUEPRINT))
    _run(str(GLOSSARY))
    before = list(DomainTranslation.objects.order_by("pk").values_list("pk", "title"))
    assert _run(str(BLUEPRINT)).strip().endswith("no changes")
    assert _run(str(GLOSSARY)).strip().endswith("no changes")
    assert list(DomainTranslation.objects.order_by("pk").values_list("pk", "title")) == before
    assert _counts() == (1, 5, 28, 177, 590, 334)


def test_dry_run_reports_but_writes_nothing():
    output = _run(str(BLUEPRINT), "--dry-run")
    assert output.startswith("[dry run, nothing written]")
    assert "topics: 590 created" in output
    assert _counts() == (0, 0, 0, 0, 0, 0)


def _broken(tmp_path: Path, mutate) -> Path:
    data = yaml.safe_load(BLUEPRINT.read_text())
    mutate(data)
    path = tmp_path / "broken.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True))
    return path


def test_a_broken_file_is_rejected_precisely_and_nothing_is_written(tmp_path):
    def mutate(data):
        data["domains"][1]["objectives"][3]["sub_objectives"][2]["title"]["fr"] = ""
        data["domains"][4]["weight_percent"] = 25

    with pytest.raises(CommandError) as error:
        _run(str(_broken(tmp_path, mutate)))
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
        _run(str(_broken(tmp_path, mutate)))


def test_a_broken_file_does_not_touch_an_existing_catalog(tmp_path):
    _run(str(BLUEPRINT))

    def mutate(data):
        data["domains"][0]["title"]["fr"] = "Nouveau titre"
        data["domains"][0]["objectives"][0]["sub_objectives"][0]["topics"][0]["code"] = "9.9.9.9"

    with pytest.raises(CommandError, match=r"must have code 1\.1\.1\.1"):
        _run(str(_broken(tmp_path, mutate)))
    assert (
        DomainTranslation.objects.get(domain__code="1.0", locale="fr").title
        == "Concepts généraux de sécurité"
    )


def test_missing_entries_are_retired_not_deleted_and_come_back(tmp_path):
    _run(str(BLUEPRINT))
    data = yaml.safe_load(BLUEPRINT.read_text())
    trimmed = copy.deepcopy(data)
    trimmed["domains"][0]["objectives"][0]["sub_objectives"][1]["topics"].pop()  # 1.1.2.6 Directive
    summary = catalog_import(data=trimmed)
    assert summary.retired == {"topics": 1}
    topic = Topic.objects.get(code="1.1.2.6")
    assert topic.retired_at is not None
    assert Topic.objects.count() == 590
    assert not SearchDocument.objects.filter(kind="topic", entity_id=topic.pk).exists()
    summary = catalog_import(data=data)
    assert summary.updated == {"topics": 1}
    topic.refresh_from_db()
    assert topic.retired_at is None


def test_an_edited_title_is_an_update():
    _run(str(BLUEPRINT))
    data = yaml.safe_load(BLUEPRINT.read_text())
    data["domains"][2]["objectives"][0]["sub_objectives"][0]["title"]["fr"] = (
        "Modèles d'architecture"
    )
    summary = catalog_import(data=data)
    assert dict(summary.updated) == {"sub_objectives": 1}
    assert (
        SubObjectiveTranslation.objects.get(sub_objective__code="3.1.1", locale="fr").title
        == "Modèles d'architecture"
    )


def test_every_catalog_entry_has_french_and_english_titles():
    _run(str(BLUEPRINT))
    for model, related in (
        (Domain, "translations"),
        (Objective, "translations"),
        (SubObjective, "translations"),
        (Topic, "translations"),
    ):
        for entity in model.objects.prefetch_related(related):
            titles = {t.locale: t.title.strip() for t in entity.translations.all()}
            assert set(titles) == {"en", "fr"}, entity.code
            assert all(titles.values()), entity.code
    assert TopicTranslation.objects.filter(locale="fr").count() == 590


def test_french_follows_the_house_vocabulary():
    _run(str(BLUEPRINT))
    french = " ".join(
        TopicTranslation.objects.filter(locale="fr").values_list("title", flat=True)
    ).lower()
    assert "cryptage" not in french and "crypter" not in french
    assert "chiffrement" in french


def _outline_title(sub: SubObjective, locale: str) -> str:
    outline = outline_get(exam=sub.exam, locale=locale)
    return next(entry.title for entry, *_rest in outline.subs if entry.code == sub.code)


def test_admins_edit_translations_inline_and_search_follows(
    client, catalog, make_user, django_capture_on_commit_callbacks
):
    admin_user = make_user(email="root@example.com", role="admin")
    client.force_login(admin_user)
    sub = SubObjective.objects.get(code="1.2.5")
    before = _outline_title(sub, "fr")  # the dashboard's outline, now kept in memory
    page = client.get(f"/admin/catalog/subobjective/{sub.pk}/change/")
    assert page.status_code == 200
    assert "Zero Trust" in page.content.decode()
    rows = list(sub.translations.order_by("locale"))
    topic_rows = list(sub.topics.order_by("position"))
    data = {
        "translations-TOTAL_FORMS": "2",
        "translations-INITIAL_FORMS": "2",
        "translations-MIN_NUM_FORMS": "1",
        "translations-MAX_NUM_FORMS": "2",
        "topics-TOTAL_FORMS": str(len(topic_rows)),
        "topics-INITIAL_FORMS": str(len(topic_rows)),
        "topics-MIN_NUM_FORMS": "0",
        "topics-MAX_NUM_FORMS": "1000",
    }
    for n, row in enumerate(rows):
        title = "Confiance zéro (Zero Trust)" if row.locale == "fr" else row.title
        data.update(
            {
                f"translations-{n}-id": str(row.pk),
                f"translations-{n}-sub_objective": str(sub.pk),
                f"translations-{n}-locale": row.locale,
                f"translations-{n}-title": title,
            }
        )
    for n, topic in enumerate(topic_rows):
        data.update({f"topics-{n}-id": str(topic.pk), f"topics-{n}-sub_objective": str(sub.pk)})
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/catalog/subobjective/{sub.pk}/change/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert sub.translations.get(locale="fr").title == "Confiance zéro (Zero Trust)"
    assert SearchDocument.objects.filter(
        kind="sub_objective", entity_id=sub.pk, text="confiance zero zero trust"
    ).exists()
    # The dashboard shows the new title at once, not when its in-memory outline expires.
    assert before != "Confiance zéro (Zero Trust)"
    assert _outline_title(sub, "fr") == "Confiance zéro (Zero Trust)"
    assert client.post(f"/admin/catalog/subobjective/{sub.pk}/delete/").status_code == 403


def test_learners_cannot_reach_the_catalog_admin(client, catalog, make_user):
    client.force_login(make_user(email="learner2@example.com"))
    assert client.get("/admin/catalog/subobjective/").status_code == 302


def test_teachers_can_edit_the_catalog_in_admin(client, catalog, make_user):
    teacher = make_user(email="prof@example.com", role="teacher")
    client.force_login(teacher)
    assert client.get("/admin/catalog/subobjective/").status_code == 200
    sub = SubObjective.objects.get(code="1.2.5")
    assert client.get(f"/admin/catalog/subobjective/{sub.pk}/change/").status_code == 200
    assert client.get("/admin/accounts/user/").status_code == 403
