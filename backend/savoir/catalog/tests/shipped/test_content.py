"""The shipped content itself, and imports on top of it: a broken file leaves it as it was,
an entry missing from the file is retired then comes back, an edited title is an update."""

from __future__ import annotations

import copy

import pytest
import yaml
from django.core.management import CommandError

from savoir.catalog.models import (
    Domain,
    DomainTranslation,
    Objective,
    SearchDocument,
    SubObjective,
    SubObjectiveTranslation,
    Topic,
    TopicTranslation,
)
from savoir.catalog.services import catalog_import
from savoir.catalog.tests.helpers import BLUEPRINT, broken_copy, run_import

pytestmark = pytest.mark.django_db


def test_every_catalog_entry_has_french_and_english_titles(catalog):
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


def test_french_follows_the_house_vocabulary(catalog):
    french = " ".join(
        TopicTranslation.objects.filter(locale="fr").values_list("title", flat=True)
    ).lower()
    assert "cryptage" not in french and "crypter" not in french
    assert "chiffrement" in french


def test_a_broken_file_does_not_touch_an_existing_catalog(catalog, tmp_path):
    def mutate(data):
        data["domains"][0]["title"]["fr"] = "Nouveau titre"
        data["domains"][0]["objectives"][0]["sub_objectives"][0]["topics"][0]["code"] = "9.9.9.9"

    with pytest.raises(CommandError, match=r"must have code 1\.1\.1\.1"):
        run_import(str(broken_copy(tmp_path, mutate)))
    assert (
        DomainTranslation.objects.get(domain__code="1.0", locale="fr").title
        == "Concepts généraux de sécurité"
    )


def test_missing_entries_are_retired_not_deleted_and_come_back(catalog, tmp_path):
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


def test_an_edited_title_is_an_update(catalog):
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
