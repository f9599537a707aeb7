from __future__ import annotations

import datetime as dt
import math
import uuid

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from conftest import ApiClient
from savoir.catalog.models import SubObjective
from savoir.catalog.services import catalog_import
from savoir.practice.models import ReviewCard
from savoir.progress.models import SubObjectiveMastery
from savoir.questions.models import Question
from savoir.questions.tests.factories import MINI_EXAM, make_question, mini_catalog

pytestmark = pytest.mark.django_db
NOW = dt.datetime(2026, 9, 1, 10, 0, tzinfo=dt.UTC)
MINI = {"examCode": "MINI-1"}


@pytest.fixture
def subs(db):
    return mini_catalog()


def _answer(client: ApiClient, question: Question, correct: bool, confidence: str | None = None):
    choice = question.choices.filter(is_correct=correct).values_list("pk", flat=True)[0]
    body = {
        "questionId": question.pk,
        "choiceId": choice,
        "timeSpentMs": 30000,
        "clientAnswerId": str(uuid.uuid4()),
    }
    if confidence:
        body["confidence"] = confidence
    assert client.call("POST", "/api/practice/answers", body).status_code == 200


def _get(client: ApiClient, path: str, **params):
    response = client.get(path, {**MINI, **params})
    assert response.status_code == 200, response.content
    return response.json()


@pytest.fixture
def history(logged_in: ApiClient, subs):
    """1.1.1: two right answers; 1.1.2: one confident wrong answer; 2.1.1: nothing."""
    q1, q2 = make_question(subs["1.1.1"]), make_question(subs["1.1.2"])
    make_question(subs["2.1.1"])
    with time_machine.travel(NOW, tick=False):
        _answer(logged_in, q1, True)
        _answer(logged_in, q1, True)
        _answer(logged_in, q2, False, "high")
    return q1, q2


def test_roll_ups_by_domain_objective_and_sub_objective(logged_in: ApiClient, history):
    with time_machine.travel(NOW + dt.timedelta(minutes=2), tick=False):
        domains = _get(logged_in, "/api/progress/by-domain", lang="en")
        subs = _get(logged_in, "/api/progress/by-subobjective", objectiveCode="1.1", lang="en")
    first, second = domains
    assert (first["code"], first["weightPercent"], first["mastery"], first["answered"]) == (
        "1.0",
        40,
        20,
        3,
    )
    assert (
        first["accuracy"],
        first["coverage"],
        first["subObjectivesPractised"],
        first["dueCount"],
    ) == (0.6667, 1.0, 2, 1)
    assert first["level"] == "attempted"
    assert (
        second["code"],
        second["mastery"],
        second["answered"],
        second["coverage"],
        second["level"],
    ) == (
        "2.0",
        0,
        0,
        0.0,
        "not_started",
    )
    assert second["accuracy"] is None and second["lastActivityAt"] is None
    assert [(s["code"], s["mastery"], s["level"], s["answered"]) for s in subs] == [
        ("1.1.1", 40, "attempted", 2),
        ("1.1.2", 0, "attempted", 1),
    ]
    assert subs[0]["lastActivityAt"].startswith("2026-09-01T10:00")


def test_summary_figures(logged_in: ApiClient, history):
    with time_machine.travel(NOW + dt.timedelta(minutes=2), tick=False):
        summary = _get(logged_in, "/api/progress/summary")
    assert (summary["answered"], summary["correct"], summary["accuracy"]) == (3, 2, 0.6667)
    assert (summary["timeSpentMs"], summary["currentStreak"], summary["bestStreak"]) == (
        90000,
        1,
        1,
    )
    assert (
        summary["averageMastery"],
        summary["subObjectivesPractised"],
        summary["subObjectivesTotal"],
    ) == (13, 2, 3)
    assert summary["dueNow"] == 1  # the wrong answer's card, due again after one minute
    assert summary["examDate"] is None and summary["daysLeft"] is None


def test_a_broken_streak_shows_as_zero(logged_in: ApiClient, history):
    with time_machine.travel(NOW + dt.timedelta(days=3), tick=False):
        summary = _get(logged_in, "/api/progress/summary")
    assert (summary["currentStreak"], summary["bestStreak"]) == (0, 1)


def test_recommendations_in_order_with_their_reasons(logged_in: ApiClient, history):
    with time_machine.travel(NOW + dt.timedelta(minutes=2), tick=False):
        items = _get(logged_in, "/api/progress/recommendations", lang="en")
    assert [(i["code"], i["reasons"]) for i in items] == [
        ("1.1.2", ["misconceptions", "due_reviews", "weak_mastery"]),
        ("1.1.1", ["weak_mastery"]),  # practised but weak comes before new ground
        ("2.1.1", ["never_practised", "high_exam_weight"]),  # 60 % > the average 50 %
    ]
    assert (items[0]["objectiveCode"], items[0]["domainCode"], items[0]["misconceptions"]) == (
        "1.1",
        "1.0",
        1,
    )


def test_readiness_with_nothing_practised_is_the_lowest_score(logged_in: ApiClient, subs):
    readiness = _get(logged_in, "/api/progress/readiness", lang="en")
    assert (
        readiness["estimate"],
        readiness["low"],
        readiness["status"],
        readiness["passLine"],
    ) == (
        0,
        0,
        "not_yet",
        70,
    )
    assert [o["code"] for o in readiness["objectivesWithoutEvidence"]] == ["1.1", "2.1"]
    assert all(d["evidence"] == 0 and d["contribution"] == 0 for d in readiness["domains"])


def test_readiness_on_the_real_exam_scale(logged_in: ApiClient, user):
    from django.core.management import call_command

    call_command("load_content", stdout=open("/dev/null", "w"))  # noqa: SIM115
    nothing = _get(logged_in, "/api/progress/readiness", examCode="SY0-701")
    assert (nothing["estimate"], nothing["low"], nothing["high"], nothing["status"]) == (
        100,
        100,
        524,
        "not_yet",
    )
    assert len(nothing["objectivesWithoutEvidence"]) == 28
    SubObjectiveMastery.objects.bulk_create(
        SubObjectiveMastery(
            user=user,
            sub_objective=s,
            answered=10,
            correct=10,
            weighted_correct=4.5,
            weighted_total=4.5,
            score=100,
            level="mastered",
        )
        for s in SubObjective.objects.filter(exam__code="SY0-701")
    )
    everything = _get(logged_in, "/api/progress/readiness", examCode="SY0-701")
    assert (
        everything["estimate"],
        everything["low"],
        everything["high"],
        everything["status"],
    ) == (
        900,
        876,
        900,
        "likely_pass",
    )
    assert everything["objectivesWithoutEvidence"] == []
    assert [d["contribution"] for d in everything["domains"]] == [96.0, 176.0, 144.0, 224.0, 160.0]


def test_activity_per_local_day(logged_in: ApiClient, user, history):
    days = _get(logged_in, "/api/progress/activity", **{"from": "2026-08-31", "to": "2026-09-02"})
    assert days == [
        {"date": "2026-08-31", "answered": 0, "correct": 0, "minutes": 0.0},
        {"date": "2026-09-01", "answered": 3, "correct": 2, "minutes": 1.5},
        {"date": "2026-09-02", "answered": 0, "correct": 0, "minutes": 0.0},
    ]


@pytest.mark.parametrize(
    ("start", "end", "field"),
    [
        ("2025-01-01", "2026-01-02", "to"),
        ("2026-09-02", "2026-09-01", "to"),
        ("2026-13-01", "2026-09-01", "from"),
    ],
)
def test_bad_activity_ranges_are_422(logged_in: ApiClient, start, end, field):
    response = logged_in.get(
        "/api/progress/activity", {"from": start, "to": end}, HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response.status_code == 422
    assert field in response.json()["error"]["fields"]


def test_exam_date_and_plan_arithmetic(logged_in: ApiClient, subs, history):
    for n in range(8):
        make_question(subs["2.1.1"], label=f"extra{n}")
    with time_machine.travel(NOW + dt.timedelta(minutes=2), tick=False):
        past = logged_in.call(
            "PUT",
            "/api/progress/exam-date",
            {"date": "2026-09-01", "examCode": "MINI-1"},
            HTTP_ACCEPT_LANGUAGE="en",
        )
        assert past.status_code == 422
        assert past.json()["error"]["fields"] == {"date": ["Choose a date in the future."]}
        too_far = logged_in.call(
            "PUT", "/api/progress/exam-date", {"date": "2030-01-01", "examCode": "MINI-1"}
        )
        assert too_far.status_code == 422
        plan = logged_in.call(
            "PUT", "/api/progress/exam-date", {"date": "2026-09-11", "examCode": "MINI-1"}
        ).json()
        summary = _get(logged_in, "/api/progress/summary")
        assert logged_in.get("/api/progress/plan", MINI).json() == plan
    # Coverage needs 3 answers per sub-objective: 1 more on 1.1.1, 2 on 1.1.2, 3 on 2.1.1 = 6.
    assert (plan["examDate"], plan["daysLeft"], plan["newQuestionsTotal"]) == ("2026-09-11", 10, 6)
    assert [d["newQuestions"] for d in plan["days"]] == [1, 1, 1, 1, 1, 1, 0, 0, 0, 0]
    daily = sum(1 / max(1.0, c.stability or 1.0) for c in ReviewCard.objects.all())
    # Today: the reviews due now, the very figure of the dashboard's card; then the estimate.
    assert plan["days"][0]["reviews"] == summary["dueNow"] == 1
    assert [d["reviews"] for d in plan["days"][1:]] == [math.ceil(daily)] * 9
    assert (summary["examDate"], summary["daysLeft"]) == ("2026-09-11", 10)


def test_the_plan_and_the_card_agree_on_todays_reviews(logged_in: ApiClient, subs):
    """Two cards due now and one due next week: today the plan says 2, as the card does (it
    used to add the whole daily estimate on top: "23 reviews today" beside "11 due")."""
    questions = [make_question(subs[code]) for code in ("1.1.1", "1.1.2", "2.1.1")]
    with time_machine.travel(NOW, tick=False):
        for question in questions:
            _answer(logged_in, question, True)
    ReviewCard.objects.filter(sub_objective__code__in=["1.1.1", "1.1.2"]).update(
        due_at=NOW + dt.timedelta(hours=1)
    )
    ReviewCard.objects.filter(sub_objective__code="2.1.1").update(due_at=NOW + dt.timedelta(days=7))
    ReviewCard.objects.update(stability=2.0)
    with time_machine.travel(NOW + dt.timedelta(hours=2), tick=False):
        logged_in.call("PUT", "/api/progress/exam-date", {"date": "2026-09-05", **MINI})
        summary = _get(logged_in, "/api/progress/summary")
        plan = _get(logged_in, "/api/progress/plan")
        reviews_due = logged_in.get("/api/reviews/due", {"lang": "en"}).json()
    assert summary["dueNow"] == plan["days"][0]["reviews"] == reviews_due["count"] == 2
    # From tomorrow: three cards back every two days, about 1.5 a day, rounded up.
    assert [d["reviews"] for d in plan["days"]] == [2, 2, 2, 2]


def test_the_plan_only_counts_questions_that_exist(logged_in: ApiClient, subs):
    """Three answers per sub-objective is the goal, but 2.1.1 has no question in the learner's
    language: the plan asks for 3 + 3 new questions, not 9."""
    for n in range(10):
        make_question(subs["1.1.1"], label=f"first{n}")
    make_question(subs["1.1.2"])  # one question, answered three times over the days
    make_question(subs["2.1.1"], language="fr")
    with time_machine.travel(NOW, tick=False):
        plan = logged_in.call(
            "PUT", "/api/progress/exam-date", {"date": "2026-09-05", **MINI}
        ).json()
    assert plan["newQuestionsTotal"] == 6


def test_nodes_count_their_questions_and_recommendations_skip_empty_sub_objectives(
    logged_in: ApiClient, subs
):
    """2.1.1 weighs most and was never practised, but has no question in English: it is not
    recommended in English, it is in French; the drill-down says how many questions each has."""
    make_question(subs["1.1.1"])
    make_question(subs["1.1.1"])
    make_question(subs["2.1.1"], language="fr")
    with time_machine.travel(NOW, tick=False):
        english = _get(logged_in, "/api/progress/recommendations", lang="en")
        french = _get(logged_in, "/api/progress/recommendations", lang="fr")
        subs_en = _get(logged_in, "/api/progress/by-subobjective", objectiveCode="1.1", lang="en")
        domains_en = _get(logged_in, "/api/progress/by-domain", lang="en")
        domains_fr = _get(logged_in, "/api/progress/by-domain", lang="fr")
    assert [i["code"] for i in english] == ["1.1.1"]
    assert [i["code"] for i in french] == ["2.1.1"]
    assert english[0]["questionCount"] == 2
    assert [(s["code"], s["questionCount"]) for s in subs_en] == [("1.1.1", 2), ("1.1.2", 0)]
    assert [(d["code"], d["questionCount"]) for d in domains_en] == [("1.0", 2), ("2.0", 0)]
    assert [(d["code"], d["questionCount"]) for d in domains_fr] == [("1.0", 0), ("2.0", 1)]


def test_question_counts_follow_bank_changes_despite_the_cached_outline(
    logged_in: ApiClient, subs, django_capture_on_commit_callbacks
):
    make_question(subs["1.1.1"])
    with time_machine.travel(NOW, tick=False):
        assert _get(logged_in, "/api/progress/by-domain", lang="en")[0]["questionCount"] == 1
        # A new question publishes a new catalog revision once committed.
        with django_capture_on_commit_callbacks(execute=True):
            make_question(subs["1.1.2"])
    with time_machine.travel(NOW + dt.timedelta(seconds=5), tick=False):
        assert _get(logged_in, "/api/progress/by-domain", lang="en")[0]["questionCount"] == 2


def test_mastery_and_recommendation_ties_are_in_natural_code_order(logged_in: ApiClient):
    """2.2.6 before 2.2.10: codes compare part by part as numbers, not as text."""
    catalog = {
        **MINI_EXAM,
        "exam": {**MINI_EXAM["exam"], "code": "NAT-1"},  # type: ignore[dict-item]
        "domains": [
            {
                "code": "1.0",
                "weight_percent": 100,
                "title": {"en": "Only", "fr": "Seul"},
                "objectives": [
                    {
                        "code": "1.1",
                        "verb": {"en": "Explain", "fr": "Expliquer"},
                        "scenario_based": False,
                        "title": {"en": "Explain.", "fr": "Expliquer."},
                        "sub_objectives": [
                            {
                                "code": f"1.1.{n}",
                                "title": {"en": f"S{n}", "fr": f"S{n}"},
                                "topics": [],
                            }
                            for n in range(1, 12)
                        ],
                    }
                ],
            }
        ],
    }
    catalog_import(data=catalog)
    subs = {s.code: s for s in SubObjective.objects.filter(exam__code="NAT-1")}
    questions = [make_question(subs[code]) for code in ("1.1.10", "1.1.2", "1.1.9", "1.1.11")]
    with time_machine.travel(NOW, tick=False):
        for question in questions:
            _answer(logged_in, question, False)
        mastery = logged_in.get("/api/progress/mastery", {"examCode": "NAT-1"}).json()
        recommended = logged_in.get(
            "/api/progress/recommendations", {"examCode": "NAT-1", "lang": "en"}
        ).json()
    assert [m["subObjectiveCode"] for m in mastery] == ["1.1.2", "1.1.9", "1.1.10", "1.1.11"]
    # The same reasons and figures for all four: the code decides.
    assert [r["code"] for r in recommended] == ["1.1.2", "1.1.9", "1.1.10", "1.1.11"]


def test_an_exam_date_can_be_set_on_29_february(api: ApiClient, user, subs):
    """Three years after a leap day is 28 February: the limit is that day, not a 500."""
    leap_day = dt.datetime(2028, 2, 29, 12, 0, tzinfo=dt.UTC)
    with time_machine.travel(leap_day, tick=False):
        logged_in = api
        logged_in.login_as(user.email)
        within = logged_in.call(
            "PUT", "/api/progress/exam-date", {"date": "2031-02-28", "examCode": "MINI-1"}
        )
        beyond = logged_in.call(
            "PUT",
            "/api/progress/exam-date",
            {"date": "2031-03-01", "examCode": "MINI-1"},
            HTTP_ACCEPT_LANGUAGE="en",
        )
    assert within.status_code == 200
    assert within.json()["examDate"] == "2031-02-28"
    assert beyond.status_code == 422
    assert beyond.json()["error"]["fields"] == {"date": ["Choose a date within three years."]}


def test_no_plan_without_an_exam_date(logged_in: ApiClient, subs):
    assert logged_in.get("/api/progress/plan", MINI).status_code == 404


def test_one_learner_never_sees_another_learners_figures(history, make_user):
    other = ApiClient()
    other.login_as(make_user(email="other@example.com").email)
    summary = _get(other, "/api/progress/summary")
    assert (summary["answered"], summary["dueNow"], summary["averageMastery"]) == (0, 0, 0)
    assert all(d["answered"] == 0 for d in _get(other, "/api/progress/by-domain"))
    assert (
        _get(other, "/api/progress/activity", **{"from": "2026-09-01", "to": "2026-09-01"})[0][
            "answered"
        ]
        == 0
    )


def test_dashboard_query_counts_do_not_grow_with_history(logged_in: ApiClient, subs):
    question = make_question(subs["1.1.1"])

    def counts() -> dict[str, int]:
        result = {}
        for path in (
            "/api/progress/summary",
            "/api/progress/by-domain",
            "/api/progress/recommendations",
            "/api/progress/readiness",
        ):
            with CaptureQueriesContext(connection) as ctx:
                _get(logged_in, path)
            result[path] = len(ctx.captured_queries)
        return result

    _answer(logged_in, question, True)
    counts()  # the first call also loads the exam outline, which is then kept in memory
    few = counts()
    for _ in range(30):
        _answer(logged_in, question, False)
    assert counts() == few
    assert max(few.values()) <= 8


def test_activity_query_count_does_not_grow_with_the_days(logged_in: ApiClient, subs):
    """One day with answers or twenty: the same queries."""
    question = make_question(subs["1.1.1"])
    for day in range(20):
        with time_machine.travel(NOW + dt.timedelta(days=day), tick=False):
            _answer(logged_in, question, day % 2 == 0)

    def activity(days: int) -> tuple[int, int, int]:
        end = NOW.date() + dt.timedelta(days=days - 1)
        with CaptureQueriesContext(connection) as ctx:
            body = _get(
                logged_in,
                "/api/progress/activity",
                **{"from": NOW.date().isoformat(), "to": end.isoformat()},
            )
        return len(body), sum(1 for day in body if day["answered"]), len(ctx.captured_queries)

    # A stopped clock: "last seen" is refreshed every few minutes, never between two counts.
    with time_machine.travel(NOW + dt.timedelta(days=20), tick=False):
        activity(1)  # a first request may fill a cache: count the ones after it
        one = activity(1)
        many = activity(20)
    assert one[:2] == (1, 1)
    assert many[:2] == (20, 20)
    assert many[2] == one[2]
