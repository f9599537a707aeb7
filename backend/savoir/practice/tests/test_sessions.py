"""A practice session tells the truth: its size is what it can serve, the question on screen
keeps its feedback after a reload and its place across a language switch, and the summary lists
every question answered, in natural code order."""

from __future__ import annotations

import copy
import uuid
from typing import Any

import pytest

from conftest import ApiClient
from savoir.catalog.models import SubObjective
from savoir.catalog.services import catalog_import
from savoir.practice.models import PracticeSession, UserAnswer
from savoir.questions.models import Choice, Question
from savoir.questions.tests.factories import MINI_EXAM, make_question, mini_catalog

pytestmark = pytest.mark.django_db


@pytest.fixture
def subs(db) -> dict[str, SubObjective]:
    return mini_catalog()


def _open(client: ApiClient, sub: SubObjective, lang: str = "en", **params: Any) -> dict[str, Any]:
    body = {"subObjectiveId": sub.pk, "lang": lang, **params}
    response = client.call("POST", "/api/practice/sessions", body, HTTP_ACCEPT_LANGUAGE=lang)
    assert response.status_code == 200, response.content
    result: dict[str, Any] = response.json()
    return result


def _choice(question: Question, correct: bool) -> Choice:
    choice = question.choices.filter(is_correct=correct).order_by("position").first()
    assert choice is not None
    return choice


def _answer(
    client: ApiClient,
    question: Question,
    *,
    correct: bool,
    session_id: str,
    client_answer_id: str | None = None,
) -> dict[str, Any]:
    body = {
        "questionId": question.pk,
        "choiceId": _choice(question, correct).pk,
        "timeSpentMs": 4000,
        "clientAnswerId": client_answer_id or str(uuid.uuid4()),
        "sessionId": session_id,
    }
    response = client.call("POST", "/api/practice/answers", body)
    assert response.status_code == 200, response.content
    result: dict[str, Any] = response.json()
    return result


def _bilingual(sub: SubObjective, label: str) -> tuple[Question, Question]:
    english = make_question(sub, label=f"{label}-en", correct=2)
    french = make_question(sub, label=f"{label}-fr", correct=2, language="fr", group=english.group)
    return english, french


# --- 1. The size is what exists ---------------------------------------------------------------


def test_a_sub_objective_with_one_question_makes_a_session_of_one(logged_in: ApiClient, subs):
    only = make_question(subs["1.1.1"])
    body = _open(logged_in, subs["1.1.1"])
    assert (body["status"], body["question"]["id"]) == ("question", only.pk)
    assert (body["session"]["size"], body["session"]["target"]) == (1, 10)
    _answer(logged_in, only, correct=True, session_id=body["session"]["id"])
    after = _open(logged_in, subs["1.1.1"])
    assert (after["status"], after["session"]["answered"], after["session"]["size"]) == (
        "answered",
        1,
        1,
    )


def test_the_flagged_mode_with_one_flagged_question_has_one(logged_in: ApiClient, subs):
    questions = [make_question(subs["1.1.1"], label=f"f{n}") for n in range(3)]
    assert (
        logged_in.call("POST", "/api/practice/flags", {"questionId": questions[1].pk}).status_code
        == 201
    )
    body = _open(logged_in, subs["1.1.1"], mode="flagged")
    assert (body["question"]["id"], body["session"]["size"]) == (questions[1].pk, 1)
    mixed = _open(logged_in, subs["1.1.1"])
    assert mixed["session"]["size"] == 3


def test_the_size_stays_put_while_answering_and_caps_at_the_target(logged_in: ApiClient, subs):
    for n in range(3):
        make_question(subs["1.1.1"], label=f"s{n}")
    sizes = []
    for _ in range(3):
        body = _open(logged_in, subs["1.1.1"], advance=True)
        sizes.append((body["session"]["answered"], body["session"]["size"]))
        question = Question.objects.get(pk=body["question"]["id"])
        _answer(logged_in, question, correct=False, session_id=body["session"]["id"])
    assert sizes == [(0, 3), (1, 3), (2, 3)]
    for n in range(12):
        make_question(subs["1.1.2"], label=f"many{n}")
    assert _open(logged_in, subs["1.1.2"])["session"]["size"] == 10


def test_an_empty_sub_objective_says_so_and_claims_nothing_answered(logged_in: ApiClient, subs):
    make_question(subs["1.1.1"])  # the objective has questions, this sub-objective none
    body = _open(logged_in, subs["1.1.2"])
    assert (body["status"], body["question"], body["answer"]) == ("no_questions", None, None)
    assert (body["session"]["answered"], body["session"]["size"]) == (0, 0)
    # A bank with questions, none matching the mode: nothing left, which is not the same.
    assert _open(logged_in, subs["1.1.1"], mode="missed")["status"] == "nothing_left"


# --- 3. A reload after answering shows the feedback again ---------------------------------------


def test_a_reload_after_answering_gives_the_same_feedback_until_next(logged_in: ApiClient, subs):
    first, second = (make_question(subs["1.1.1"], label=x, correct=1) for x in ("a", "b"))
    body = _open(logged_in, subs["1.1.1"])
    shown = Question.objects.get(pk=body["question"]["id"])
    feedback = _answer(logged_in, shown, correct=False, session_id=body["session"]["id"])

    reloaded = _open(logged_in, subs["1.1.1"])
    assert reloaded["status"] == "answered"
    assert reloaded["question"] == body["question"]
    assert reloaded["answer"] == feedback
    assert (reloaded["session"]["answered"], reloaded["session"]["correct"]) == (1, 0)
    assert _open(logged_in, subs["1.1.1"])["answer"] == feedback  # as often as asked

    moved = _open(logged_in, subs["1.1.1"], advance=True)
    assert moved["status"] == "question"
    assert moved["question"]["id"] == ({first.pk, second.pk} - {shown.pk}).pop()
    assert moved["answer"] is None
    # Advancing again without answering does not skip it.
    assert _open(logged_in, subs["1.1.1"], advance=True)["status"] == "resumed"


def test_advance_never_reveals_an_answer_before_it_is_given(logged_in: ApiClient, subs):
    make_question(subs["1.1.1"])
    for advance in (False, True):
        body = _open(logged_in, subs["1.1.1"], advance=advance)
        assert body["answer"] is None
        assert all(set(c) == {"id", "text"} for c in body["question"]["choices"])


# --- 2. Switching language keeps the session -------------------------------------------------------


def test_switching_language_before_answering_shows_the_same_question_translated(
    logged_in: ApiClient, subs
):
    pairs = [_bilingual(subs["1.1.1"], f"p{n}") for n in range(3)]
    english = _open(logged_in, subs["1.1.1"], "en")
    en_question = Question.objects.get(pk=english["question"]["id"])
    fr_question = next(fr for en, fr in pairs if en.pk == en_question.pk)

    french = _open(logged_in, subs["1.1.1"], "fr")
    assert french["session"]["id"] == english["session"]["id"]
    assert (french["status"], french["question"]["id"]) == ("resumed", fr_question.pk)
    assert french["question"]["groupId"] == english["question"]["groupId"]
    assert french["session"]["size"] == 3
    # The choices come in the same shuffled order, in French.
    positions = {
        c.pk: c.position for c in Choice.objects.filter(question__in=pairs[0] + pairs[1] + pairs[2])
    }
    assert [positions[c["id"]] for c in french["question"]["choices"]] == [
        positions[c["id"]] for c in english["question"]["choices"]
    ]
    assert PracticeSession.objects.get().language == "fr"


def test_switching_language_after_answering_shows_the_feedback_translated(
    logged_in: ApiClient, subs
):
    pairs = [_bilingual(subs["1.1.1"], f"t{n}") for n in range(2)]
    english = _open(logged_in, subs["1.1.1"], "en")
    en_question = Question.objects.get(pk=english["question"]["id"])
    fr_question = next(fr for en, fr in pairs if en.pk == en_question.pk)
    given = _answer(logged_in, en_question, correct=False, session_id=english["session"]["id"])

    french = _open(logged_in, subs["1.1.1"], "fr")
    assert (french["status"], french["question"]["id"]) == ("answered", fr_question.pk)
    assert (french["session"]["answered"], french["session"]["size"]) == (1, 2)
    answer = french["answer"]
    wrong_fr = _choice(fr_question, correct=False)
    assert answer["questionId"] == fr_question.pk
    assert answer["choiceId"] == wrong_fr.pk  # the same position as the English choice
    assert answer["correctChoiceId"] == _choice(fr_question, correct=True).pk
    assert answer["explanation"] == fr_question.explanation
    assert {e["choiceId"] for e in answer["choiceExplanations"]} == set(
        fr_question.choices.values_list("pk", flat=True)
    )
    # What the answer changed is told as it was recorded.
    for key in ("isCorrect", "mastery", "misconception", "nextReviewAt", "answeredAt"):
        assert answer[key] == given[key]

    # The session carries on in French: the next question is the other group's French version.
    moved = _open(logged_in, subs["1.1.1"], "fr", advance=True)
    other_fr = next(fr for en, fr in pairs if en.pk != en_question.pk)
    assert (moved["question"]["id"], moved["session"]["answered"]) == (other_fr.pk, 1)
    assert PracticeSession.objects.count() == 1


def test_without_a_translation_the_question_stays_in_its_language(logged_in: ApiClient, subs):
    lonely = make_question(subs["1.1.1"], label="lonely")
    english = _open(logged_in, subs["1.1.1"], "en")
    assert english["question"]["id"] == lonely.pk
    french = _open(logged_in, subs["1.1.1"], "fr")
    assert (french["status"], french["question"]["id"], french["question"]["language"]) == (
        "resumed",
        lonely.pk,
        "en",
    )
    assert french["session"]["size"] == 1


# --- 4. The summary lists every question ------------------------------------------------------


def test_the_summary_lists_every_question_in_natural_code_order(logged_in: ApiClient, db):
    exam: dict[str, Any] = copy.deepcopy(MINI_EXAM)
    # Codes must follow each other: 1.1.3 to 1.1.10 after the mini exam's 1.1.1 and 1.1.2.
    exam["domains"][0]["objectives"][0]["sub_objectives"].extend(
        {"code": f"1.1.{n}", "title": {"en": f"Number {n}", "fr": f"Numéro {n}"}, "topics": []}
        for n in range(3, 11)
    )
    catalog_import(data=exam)
    subs = {s.code: s for s in SubObjective.objects.filter(exam__code="MINI-1")}
    tenth_en, tenth_fr = _bilingual(subs["1.1.10"], "tenth")
    second_en, second_fr = _bilingual(subs["1.1.2"], "second")
    objective = subs["1.1.2"].objective_id

    def open_objective(**extra: Any) -> dict[str, Any]:
        body = {"objectiveId": objective, "examCode": "MINI-1", "lang": "en", **extra}
        result: dict[str, Any] = logged_in.call("POST", "/api/practice/sessions", body).json()
        return result

    session_id = open_objective()["session"]["id"]
    # 1.1.10 answered first (wrong), then 1.1.2 (right).
    _answer(logged_in, tenth_en, correct=False, session_id=session_id)
    _answer(logged_in, second_en, correct=True, session_id=session_id)

    summary = logged_in.call("POST", f"/api/practice/sessions/{session_id}/finish").json()
    items = summary["questions"]
    assert [i["subObjectiveCode"] for i in items] == ["1.1.2", "1.1.10"]
    assert [i["questionId"] for i in items] == [second_en.pk, tenth_en.pk]
    second, tenth = items
    assert (second["isCorrect"], second["choiceId"], second["correctChoiceId"]) == (
        True,
        _choice(second_en, True).pk,
        _choice(second_en, True).pk,
    )
    assert (tenth["isCorrect"], tenth["choiceId"], tenth["correctChoiceId"]) == (
        False,
        _choice(tenth_en, False).pk,
        _choice(tenth_en, True).pk,
    )
    assert tenth["stem"] == tenth_en.stem
    assert tenth["explanation"] == tenth_en.explanation
    assert {e["explanation"] for e in tenth["choiceExplanations"]} == set(
        tenth_en.choices.values_list("explanation", flat=True)
    )
    assert {c["id"] for c in tenth["choices"]} == set(tenth_en.choices.values_list("pk", flat=True))
    assert summary["masteryChanges"][0]["subObjectiveCode"] == "1.1.2"

    # In French through the translation groups, the same answers.
    french = logged_in.get(f"/api/practice/sessions/{session_id}", {"lang": "fr"}).json()
    assert [i["questionId"] for i in french["questions"]] == [second_fr.pk, tenth_fr.pk]
    assert french["questions"][1]["choiceId"] == _choice(tenth_fr, False).pk
    assert french["questions"][1]["stem"] == tenth_fr.stem


def test_a_summary_never_shows_another_learners_questions(subs, make_user):
    question = make_question(subs["1.1.1"])
    alice, bob = ApiClient(), ApiClient()
    alice.login_as(make_user(email="alice@example.com").email)
    bob.login_as(make_user(email="bob@example.com").email)
    session_id = _open(alice, subs["1.1.1"])["session"]["id"]
    _answer(alice, question, correct=True, session_id=session_id)
    assert bob.get(f"/api/practice/sessions/{session_id}", {"lang": "en"}).status_code == 404
    # Bob's own session on the same scope has nothing of Alice's.
    bob_session = _open(bob, subs["1.1.1"])
    assert (bob_session["status"], bob_session["session"]["answered"]) == ("question", 0)


# --- 6. A resent answer is recorded once -------------------------------------------------------------


def test_an_answer_sent_again_with_its_client_id_is_recorded_once(logged_in: ApiClient, subs, user):
    for label in ("one", "other"):
        make_question(subs["1.1.1"], label=label)
    body = _open(logged_in, subs["1.1.1"])
    shown = Question.objects.get(pk=body["question"]["id"])
    client_id = str(uuid.uuid4())
    first = _answer(
        logged_in, shown, correct=True, session_id=body["session"]["id"], client_answer_id=client_id
    )
    again = _answer(
        logged_in, shown, correct=True, session_id=body["session"]["id"], client_answer_id=client_id
    )
    assert again == first
    assert UserAnswer.objects.filter(user=user).count() == 1
    reopened = _open(logged_in, subs["1.1.1"])
    assert (reopened["session"]["answered"], reopened["session"]["correct"]) == (1, 1)
    assert reopened["answer"] == first
