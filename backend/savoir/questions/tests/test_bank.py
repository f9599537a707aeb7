from __future__ import annotations

import uuid
from collections import Counter
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import IntegrityError, transaction

from savoir.accounts.models import Role
from savoir.core.errors import PermissionDenied, ValidationFailed
from savoir.practice.models import UserAnswer
from savoir.questions.models import Choice, Question, Status
from savoir.questions.selectors import answer_key_cache_clear, answer_key_get
from savoir.questions.services import (
    ChoiceData,
    question_create,
    question_revise,
    question_set_status,
)
from savoir.questions.tests.factories import make_question, mini_catalog

pytestmark = pytest.mark.django_db


@pytest.fixture
def subs(db):
    return mini_catalog()


def _choices(correct: list[bool]) -> list[ChoiceData]:
    return [ChoiceData(f"Choice {n}", ok, f"Because {n}.") for n, ok in enumerate(correct)]


@pytest.mark.parametrize(
    ("correct", "message"),
    [
        ([False, False, False, False], "Exactly one choice must be correct."),
        ([True, True, False, False], "Exactly one choice must be correct."),
        ([True, False], "A question has between 3 and 5 choices."),
        ([True, False, False, False, False, False], "A question has between 3 and 5 choices."),
    ],
)
def test_services_enforce_one_correct_choice_among_3_to_5(subs, correct, message):
    with pytest.raises(ValidationFailed) as error:
        question_create(
            sub_objective=subs["1.1.1"],
            language="en",
            stem="Which one?",
            explanation="This one.",
            difficulty=2,
            choices=_choices(correct),
        )
    assert message in [str(m) for m in (error.value.fields or {})["choices"]]
    assert Question.objects.count() == 0


def test_the_database_refuses_a_second_correct_choice(subs):
    question = make_question(subs["1.1.1"])
    with pytest.raises(IntegrityError), transaction.atomic():
        Choice.objects.filter(question=question, is_correct=False).update(is_correct=True)


def test_duplicate_choice_texts_are_refused(subs):
    with pytest.raises(ValidationFailed):
        question_create(
            sub_objective=subs["1.1.1"],
            language="en",
            stem="Which one?",
            explanation="This one.",
            difficulty=2,
            choices=[
                ChoiceData("Same", True, "a"),
                ChoiceData("same ", False, "b"),
                ChoiceData("Other", False, "c"),
            ],
        )


def test_editing_an_answered_question_creates_a_new_version(subs, make_user):
    teacher = make_user(email="t@example.com", role=Role.TEACHER)
    learner = make_user(email="l@example.com")
    question = make_question(subs["1.1.1"], correct=0)
    chosen = question.choices.get(is_correct=True)
    UserAnswer.objects.create(
        user=learner,
        question=question,
        choice=chosen,
        is_correct=True,
        time_spent_ms=1,
        answered_at=question.created_at,
        client_answer_id=uuid.uuid4(),
        result={},
    )
    new = question_revise(
        question=question,
        editor=teacher,
        stem="A clearer stem?",
        explanation="Clearer.",
        difficulty=3,
        choices=_choices([False, True, False, False]),
    )
    assert new.pk != question.pk
    assert (new.version, new.group_id, new.status) == (2, question.group_id, Status.APPROVED)
    question.refresh_from_db()
    assert question.status == Status.RETIRED
    assert question.stem == "Question 1.1.1-0: which option is right?"
    answer = UserAnswer.objects.get(user=learner)
    assert (answer.question_id, answer.choice.text, answer.is_correct) == (
        question.pk,
        "Option 0 of 1.1.1-0",
        True,
    )


def test_editing_an_unanswered_question_changes_it_in_place(subs, make_user):
    teacher = make_user(email="t@example.com", role=Role.TEACHER)
    question = make_question(subs["1.1.1"])
    same = question_revise(
        question=question,
        editor=teacher,
        stem="New stem?",
        explanation="New.",
        difficulty=4,
        choices=_choices([True, False, False]),
    )
    assert same.pk == question.pk and same.version == 1
    assert list(same.choices.values_list("text", flat=True)) == ["Choice 0", "Choice 1", "Choice 2"]


def test_an_answer_key_miss_loads_its_sub_objective_in_one_query(subs, django_assert_num_queries):
    first = make_question(subs["1.1.1"], correct=1)
    neighbour = make_question(subs["1.1.1"], correct=2, n_choices=3)
    elsewhere = make_question(subs["1.1.2"])
    answer_key_cache_clear()
    with django_assert_num_queries(1):
        key = answer_key_get(question_id=first.pk)
    assert key is not None
    assert (key.question_id, key.sub_objective_code, key.explanation) == (
        first.pk,
        "1.1.1",
        "Because option 1 of 1.1.1-0 is right.",
    )
    assert [(c.position, c.is_correct) for c in key.choices] == [
        (0, False),
        (1, True),
        (2, False),
        (3, False),
    ]
    with django_assert_num_queries(0):
        near = answer_key_get(question_id=neighbour.pk)
    assert near is not None and [c.id for c in near.choices] == list(
        neighbour.choices.order_by("position").values_list("pk", flat=True)
    )
    with django_assert_num_queries(1):
        assert answer_key_get(question_id=elsewhere.pk) is not None
    with django_assert_num_queries(1):
        assert answer_key_get(question_id=999_999) is None


def test_only_teachers_and_admins_moderate(subs, make_user):
    learner = make_user(email="l@example.com")
    question = make_question(subs["1.1.1"], status=Status.PENDING_REVIEW)
    with pytest.raises(PermissionDenied):
        question_set_status(question=question, editor=learner, status=Status.APPROVED)
    admin = make_user(email="a@example.com", role=Role.ADMIN)
    with pytest.raises(ValidationFailed):
        question_set_status(question=question, editor=admin, status=Status.REJECTED, note="")
    assert (
        question_set_status(question=question, editor=admin, status=Status.APPROVED).status
        == Status.APPROVED
    )


def test_the_starter_bank(db):
    out = StringIO()
    call_command("load_content", stdout=out)
    assert "starter-bank-d1-d3.yaml: 102 created" in out.getvalue()
    for language in ("en", "fr"):
        questions = Question.objects.filter(language=language, status=Status.APPROVED)
        assert questions.count() >= 84
        per_objective = Counter(questions.values_list("sub_objective__objective__code", flat=True))
        assert len(per_objective) == 28 and min(per_objective.values()) >= 3, per_objective
    for question in Question.objects.prefetch_related("choices").select_related(
        "sub_objective__objective"
    ):
        choices = list(question.choices.all())
        assert len(choices) == 4 and sum(c.is_correct for c in choices) == 1, question
        assert all(c.explanation.strip() for c in choices) and question.explanation.strip()
        if question.sub_objective.objective.scenario_based:
            assert len(question.stem) >= 120, question  # a short scenario, not a definition
    # The French and English versions of a question share their key.
    assert set(Counter(Question.objects.values_list("group_id", "language")).values()) == {1}
    pairs = Counter(Question.objects.values_list("group_id", flat=True))
    assert set(pairs.values()) == {2}
    again = StringIO()
    call_command("load_content", stdout=again)
    assert "starter-bank-d4-d5.yaml: 0 created, 0 updated, 122 unchanged" in again.getvalue()
    # The whole shipped bank passes the quality gate and every bank rule.
    report = StringIO()
    call_command("check_bank", stdout=report)
    assert report.getvalue().rstrip().endswith("The bank passes every rule.")
    for language in ("en", "fr"):
        assert Question.objects.filter(language=language, status=Status.APPROVED).count() >= 531
    # French typography: the importer makes the space before ? ! ; : and inside « » unbreakable.
    french = " ".join(
        Question.objects.filter(language="fr").values_list("stem", flat=True)
    ) + " ".join(
        Choice.objects.filter(question__language="fr").values_list("explanation", flat=True)
    )
    assert " ?" not in french and " :" not in french and "« " not in french
    assert "\u00a0?" in french


def test_check_bank_names_every_broken_rule(subs):
    for n in range(2):
        make_question(subs["1.1.1"], label=f"en{n}")
    with pytest.raises(CommandError) as error:
        call_command("check_bank", "--exam", "MINI-1", stdout=StringIO())
    assert "problem(s) in the bank" in str(error.value)
    out = StringIO()
    with pytest.raises(CommandError):
        call_command("check_bank", "--exam", "MINI-1", "--coverage", stdout=out)
    lines = out.getvalue().splitlines()
    assert "PROBLEM 1.1.1 [en]: 2 question(s), at least 3" in lines
    assert "PROBLEM 1.1.1 [fr]: 0 question(s), at least 3" in lines
    assert "  1.1.1: en 2, fr 0" in lines
