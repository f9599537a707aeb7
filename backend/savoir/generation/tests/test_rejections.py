"""Why generated questions were left out, in plain words: on the learner's run, and in the
moderators' queue of rejected items (FR and EN, never a raw reason code)."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import override_settings
from django.utils import translation

from conftest import ApiClient
from savoir.generation.models import GenerationRun, RejectedItem, RunStatus
from savoir.generation.rejections import REASON_SENTENCES, rejection_message
from savoir.questions import quality

from .test_generation import EN_STEMS, _generate, _run, item

pytestmark = pytest.mark.django_db

WRONG_LANGUAGE = {
    "stem": "Quelle est la meilleure technique pour protéger les mots de passe stockés dans la base ?"
}


def two_same_answers(n: int) -> dict[str, Any]:
    """Item n's distractors, the first of them repeating its key."""
    return {
        "distractors": [
            {"text": f"Option alpha {n}", "explanation": "It is the same.", "misconception": "y"},
            {
                "text": f"Option charlie {n}",
                "explanation": "It treats another risk.",
                "misconception": "y",
            },
            {"text": f"Option delta {n}", "explanation": "It hides data.", "misconception": "y"},
        ]
    }


def test_every_reason_of_the_gate_has_its_own_sentence_in_both_languages():
    for reason in (*quality.REASONS, "schema", "not_delivered"):
        assert reason in REASON_SENTENCES, reason
        with translation.override("en"):
            english = rejection_message(reason)
        with translation.override("fr"):
            french = rejection_message(reason)
        assert english != french, reason
        assert "_" not in english and "_" not in french, reason
    with translation.override("en"):
        assert rejection_message("wrong_language") == "It was written in the wrong language."
        assert rejection_message("overlapping_options") == (
            "Two answers said the same thing, so more than one could be right."
        )
        # A reason without a sentence still reads as words, not as its code.
        assert rejection_message("some_new_rule") == "It did not pass our quality checks."
    with translation.override("fr"):
        assert rejection_message("wrong_language") == "Elle était rédigée dans la mauvaise langue."
        assert rejection_message("all_or_none_of_the_above") == (
            "Elle proposait «\u00a0toutes ces réponses\u00a0» ou «\u00a0aucune de ces réponses\u00a0»."
        )


def test_the_learner_is_told_why_questions_were_left_out(logged_in: ApiClient, subs, fake):
    fake.questions = [
        item(0, **WRONG_LANGUAGE),
        item(1),
        item(2, **{**WRONG_LANGUAGE, "stem": WRONG_LANGUAGE["stem"].replace("base", "table")}),
        item(3, **two_same_answers(3)),
    ]
    # Five asked for, four written: the fifth was never delivered.
    run = _run(logged_in, _generate(logged_in, subs["1.1.1"], count=5).json()["runId"])
    assert (run["status"], run["accepted"], run["rejected"]) == ("partial", 1, 4)
    assert run["rejections"] == [
        {
            "reason": "wrong_language",
            "count": 2,
            "message": "It was written in the wrong language.",
        },
        {
            "reason": "overlapping_options",
            "count": 1,
            "message": "Two answers said the same thing, so more than one could be right.",
        },
        {"reason": "not_delivered", "count": 1, "message": "The AI stopped before writing it."},
    ]


def test_the_reasons_follow_the_learners_language(subs, fake, make_user):
    french = ApiClient()
    french.login_as(make_user(email="lea@example.com", language="fr").email)
    fake.questions = [item(0, **two_same_answers(0))]
    run = _run(french, _generate(french, subs["1.1.1"], count=1).json()["runId"])
    assert run["status"] == "failed"
    assert run["rejections"] == [
        {
            "reason": "overlapping_options",
            "count": 1,
            "message": "Deux réponses disaient la même chose\u00a0: plusieurs pouvaient donc être justes.",
        }
    ]


def test_a_run_with_nothing_left_out_has_no_reasons(logged_in: ApiClient, subs, fake):
    fake.questions = [item(0)]
    run = _run(logged_in, _generate(logged_in, subs["1.1.1"], count=1).json()["runId"])
    assert (run["status"], run["rejections"]) == ("succeeded", [])


# --- The moderators' queue of rejected items ------------------------------------------------------


@pytest.fixture
def rejected(subs, make_user) -> list[RejectedItem]:
    """Two runs' rejections: one English item in the wrong language, one French item with two
    answers alike, and one malformed item with almost nothing in it."""
    learner = make_user(email="learner@example.com")

    def run(language: str) -> GenerationRun:
        return GenerationRun.objects.create(
            user=learner,
            sub_objective=subs["1.1.1"],
            language=language,
            difficulty=4,
            requested=3,
            status=RunStatus.PARTIAL,
        )

    english, french = run("en"), run("fr")
    return [
        RejectedItem.objects.create(
            run=english, reason="wrong_language", payload=item(0, **WRONG_LANGUAGE)
        ),
        RejectedItem.objects.create(
            run=french, reason="overlapping_options", payload=item(1, "fr")
        ),
        RejectedItem.objects.create(
            run=french, reason="schema", payload={"stem": 42, "distractors": "x"}
        ),
    ]


def _rejected_list(client: ApiClient, **query: str):
    return client.get("/api/moderation/rejected-items", query, HTTP_ACCEPT_LANGUAGE="en")


def test_teachers_see_rejected_items_with_their_reasons(rejected, make_user):
    teacher = ApiClient()
    teacher.login_as(make_user(email="prof@example.com", role="teacher").email)
    response = _rejected_list(teacher)
    assert response.status_code == 200
    page = response.json()
    assert page["count"] == 3
    # Newest first.
    assert [i["id"] for i in page["items"]] == [r.pk for r in reversed(rejected)]
    malformed, two_alike, wrong_language = page["items"]
    assert wrong_language["reasonMessage"] == "It was written in the wrong language."
    assert wrong_language["reason"] == "wrong_language"
    assert wrong_language["stem"] == WRONG_LANGUAGE["stem"]
    assert (
        wrong_language["language"],
        wrong_language["difficulty"],
        wrong_language["subObjectiveCode"],
    ) == (
        "en",
        4,
        "1.1.1",
    )
    assert wrong_language["runId"] == str(rejected[0].run_id)
    assert wrong_language["choices"][0] == {
        "text": "Option alpha 0",
        "isCorrect": True,
        "explanation": "It addresses the risk directly.",
    }
    assert [c["isCorrect"] for c in wrong_language["choices"]] == [True, False, False, False]
    assert two_alike["reasonMessage"] == (
        "Two answers said the same thing, so more than one could be right."
    )
    # What could not be read is left empty, not an error.
    assert (malformed["stem"], malformed["choices"], malformed["reasonMessage"]) == (
        "",
        [],
        "The AI sent it malformed, with parts missing.",
    )


def test_rejected_items_filter_by_language_and_page(rejected, make_user):
    admin = ApiClient()
    admin.login_as(make_user(email="root@example.com", role="admin").email)
    french = _rejected_list(admin, lang="fr", limit="1").json()
    assert french["count"] == 2
    assert [i["id"] for i in french["items"]] == [rejected[2].pk]
    second = _rejected_list(admin, lang="fr", limit="1", offset="1").json()
    assert [i["id"] for i in second["items"]] == [rejected[1].pk]
    assert _rejected_list(admin, lang="de").status_code == 422


def test_rejected_items_speak_the_moderators_language(rejected, make_user):
    teacher = ApiClient()
    teacher.login_as(make_user(email="prof@example.com", role="teacher", language="fr").email)
    items = _rejected_list(teacher, lang="en").json()["items"]
    assert [i["reasonMessage"] for i in items] == ["Elle était rédigée dans la mauvaise langue."]


def test_learners_and_visitors_do_not_see_rejected_items(rejected, logged_in: ApiClient, api):
    refused = _rejected_list(logged_in)
    assert refused.status_code == 403
    assert refused.json()["error"]["code"] == "permission_denied"
    assert EN_STEMS[0] not in refused.content.decode()
    assert ApiClient().get("/api/moderation/rejected-items").status_code == 401


@override_settings(TASKS_RUN_INLINE=True)
def test_items_the_gate_rejects_during_a_run_reach_the_moderation_queue(
    logged_in: ApiClient, subs, fake, make_user
):
    fake.questions = [item(0, **two_same_answers(0)), item(1)]
    _generate(logged_in, subs["1.1.1"], count=2)
    teacher = ApiClient()
    teacher.login_as(make_user(email="prof@example.com", role="teacher").email)
    items = _rejected_list(teacher).json()["items"]
    assert [(i["reason"], i["stem"]) for i in items] == [("overlapping_options", EN_STEMS[0])]
