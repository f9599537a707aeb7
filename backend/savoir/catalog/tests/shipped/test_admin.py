"""The catalog's admin, on the shipped content: who may reach it, and an inline translation edit
that the search index and the dashboard's outline follow at once."""

from __future__ import annotations

import pytest

from savoir.catalog.models import SearchDocument, SubObjective
from savoir.progress.selectors import outline_get

pytestmark = pytest.mark.django_db


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
