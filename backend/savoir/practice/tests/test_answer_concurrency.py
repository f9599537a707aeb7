"""A burst of concurrent answers by one learner: every answer is stored, nothing is a 500, and
the card, mastery and totals count every answer (no lost update), whichever rows existed."""

from __future__ import annotations

import threading
import uuid

import pytest
from django.db import connections

from conftest import ApiClient
from savoir.practice.models import ReviewCard, UserAnswer
from savoir.progress.models import DailyActivity, LearnerStats, SubObjectiveMastery
from savoir.questions.tests.factories import make_question, mini_catalog

BURST = 20


def _burst(client: ApiClient, question_id: int, choice_ids: list[int]) -> list[int]:
    token = client.csrf()
    barrier = threading.Barrier(len(choice_ids))
    statuses: list[int] = []

    def send(choice_id: int) -> None:
        twin = ApiClient()
        twin.cookies = client.cookies
        body = {
            "questionId": question_id,
            "choiceId": choice_id,
            "timeSpentMs": 1000,
            "clientAnswerId": str(uuid.uuid4()),
        }
        try:
            barrier.wait()
            response = twin.call(
                "POST", "/api/practice/answers", body, headers={"X-CSRFToken": token}, csrf=False
            )
            statuses.append(response.status_code)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=send, args=(c,)) for c in choice_ids]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return statuses


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("mastery_row_first", [False, True], ids=["fresh", "mastery-without-card"])
def test_a_concurrent_burst_counts_every_answer(make_user, mastery_row_first):
    subs = mini_catalog()
    question = make_question(subs["1.1.1"], correct=1)
    other = make_question(subs["1.1.1"], correct=0)
    user = make_user()
    client = ApiClient()
    client.login_as(user.email)
    before = 0
    if mastery_row_first:
        # The mastery row exists, the card of `question` does not.
        assert _burst(client, other.pk, [other.choices.get(is_correct=True).pk]) == [200]
        before = 1
    right = question.choices.get(is_correct=True).pk
    wrong = question.choices.filter(is_correct=False).values_list("pk", flat=True)[0]
    choices = [right if n % 2 else wrong for n in range(BURST)]

    statuses = _burst(client, question.pk, choices)

    assert statuses == [200] * BURST
    assert UserAnswer.objects.filter(user=user, question=question).count() == BURST
    card = ReviewCard.objects.get(user=user, group_id=question.group_id)
    assert (card.reps, card.lapses) == (BURST, BURST // 2)
    mastery = SubObjectiveMastery.objects.get(user=user, sub_objective=subs["1.1.1"])
    assert (mastery.answered, mastery.correct) == (before + BURST, before + BURST // 2)
    stats = LearnerStats.objects.get(user=user)
    assert (stats.answered, stats.correct) == (before + BURST, before + BURST // 2)
    assert sum(DailyActivity.objects.filter(user=user).values_list("answered", flat=True)) == (
        before + BURST
    )
