"""Benchmark: dashboard endpoints for a learner with 100 answers and one with 100,000, on
PostgreSQL, in the same run. Issue 6 target: p95 ratio (heavy / light) <= 1.5 and p95 <= 30 ms,
measured server-side (inside the Django process, no network).

  backend/.venv/bin/python bench/dashboard_latency.py [--requests 200]

Uses the `savoir_bench` database of answer_throughput.py (created and preloaded if missing) and
adds one learner with 100,000 answers spread over a year, with the roll-ups the answer path
would have written.
"""

from __future__ import annotations

import argparse
import time

from answer_throughput import django_setup, ensure_database, preload

ENDPOINTS = [
    "/api/progress/summary",
    "/api/progress/by-domain",
    "/api/progress/by-objective?domainCode=2.0",
    "/api/progress/by-subobjective?objectiveCode=2.4",
    "/api/progress/recommendations",
    "/api/progress/readiness",
    "/api/progress/activity?from=2025-11-22&to=2026-11-21",
]
HEAVY_EMAIL = "heavy@bench.test"


def heavy_learner() -> int:
    from django.db import connection

    from savoir.accounts.models import User

    user = User.objects.filter(email=HEAVY_EMAIL).first()
    if user is not None:
        return user.pk
    light = User.objects.get(email="bench1@bench.test")
    user = User.objects.create(
        email=HEAVY_EMAIL, first_name="Heavy", last_name="Learner", password=light.password
    )
    with connection.cursor() as cur:
        cur.execute(
            """
            WITH c AS (SELECT array_agg(ch.id ORDER BY ch.id) AS ids, array_agg(ch.question_id ORDER BY ch.id) AS qids,
                              array_agg(ch.is_correct ORDER BY ch.id) AS oks
                       FROM questions_choice ch JOIN questions_question q ON q.id = ch.question_id
                       WHERE q.language = 'en')
            INSERT INTO practice_useranswer (user_id, question_id, choice_id, is_correct, confidence,
                time_spent_ms, answered_at, client_answer_id, session_id, result)
            SELECT %s, c.qids[k], c.ids[k], c.oks[k], '', 20000, now() - ((g %% 365) || ' days')::interval,
                   gen_random_uuid(), NULL, '{}'::jsonb
            FROM generate_series(0::bigint, 99999) g, c,
                 LATERAL (SELECT 1 + (g * 7919) %% array_length(c.ids, 1) AS k) kk
            """,
            [user.pk],
        )
        for sql in (
            """INSERT INTO practice_reviewcard (user_id, group_id, sub_objective_id, state, step, stability,
                   difficulty, due_at, last_review_at, reps, lapses, last_correct, misconception)
               SELECT a.user_id, q.group_id, min(q.sub_objective_id), 2, NULL, 12.0, 5.0,
                      max(a.answered_at) + interval '3 days', max(a.answered_at), count(*),
                      count(*) FILTER (WHERE NOT a.is_correct), bool_or(a.is_correct), bool_and(NOT a.is_correct)
               FROM practice_useranswer a JOIN questions_question q ON q.id = a.question_id
               WHERE a.user_id = %s GROUP BY a.user_id, q.group_id""",
            """INSERT INTO progress_subobjectivemastery (user_id, sub_objective_id, answered, correct,
                   weighted_correct, weighted_total, score, level, last_activity_at, review_due_at)
               SELECT a.user_id, q.sub_objective_id, count(*), count(*) FILTER (WHERE a.is_correct),
                      3.5, 5.0, 70, 'familiar', max(a.answered_at), max(a.answered_at) + interval '3 days'
               FROM practice_useranswer a JOIN questions_question q ON q.id = a.question_id
               WHERE a.user_id = %s GROUP BY a.user_id, q.sub_objective_id""",
            """INSERT INTO progress_dailyactivity (user_id, date, answered, correct, time_spent_ms)
               SELECT user_id, answered_at::date, count(*), count(*) FILTER (WHERE is_correct), sum(time_spent_ms)
               FROM practice_useranswer WHERE user_id = %s GROUP BY user_id, answered_at::date""",
            """INSERT INTO progress_learnerstats (user_id, answered, correct, time_spent_ms, current_streak,
                   best_streak, last_active_date)
               SELECT user_id, count(*), count(*) FILTER (WHERE is_correct), sum(time_spent_ms), 365, 365, current_date
               FROM practice_useranswer WHERE user_id = %s GROUP BY user_id""",
            """INSERT INTO progress_topicpractice (user_id, topic_id)
               SELECT DISTINCT a.user_id, q.topic_id FROM practice_useranswer a
               JOIN questions_question q ON q.id = a.question_id WHERE a.user_id = %s AND q.topic_id IS NOT NULL""",
        ):
            cur.execute(sql, [user.pk])
        cur.execute("ANALYZE")
    return user.pk


def p95(values: list[float]) -> float:
    values = sorted(values)
    return values[int(len(values) * 0.95) - 1]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--requests", type=int, default=200, help="requests per endpoint and learner"
    )
    args = parser.parse_args()
    ensure_database()
    django_setup()
    preload()
    heavy_learner()
    from django.db.models import Count
    from django.test import Client

    from savoir.accounts.models import User
    from savoir.practice.models import UserAnswer

    light = (
        User.objects.filter(email__startswith="bench")
        .annotate(n=Count("answers"))
        .filter(n__gte=90, n__lte=110)
        .order_by("pk")
        .first()
    )
    heavy = User.objects.get(email=HEAVY_EMAIL)
    learners = {"light": light, "heavy": heavy}
    counts = {k: UserAnswer.objects.filter(user=u).count() for k, u in learners.items()}
    clients = {}
    for key, user in learners.items():
        client = Client(HTTP_HOST="127.0.0.1")
        client.force_login(user)
        clients[key] = client
    print(f"light learner: {counts['light']:,} answers; heavy learner: {counts['heavy']:,} answers")
    print(f"{'endpoint':<48}{'light p95':>10}{'heavy p95':>10}{'ratio':>8}")
    worst_ratio, worst_p95 = 0.0, 0.0
    for path in ENDPOINTS:
        timings: dict[str, list[float]] = {"light": [], "heavy": []}
        for key in ("light", "heavy"):
            clients[key].get(path)  # warm-up
        for _ in range(args.requests):  # interleaved, so noise hits both learners alike
            for key in ("light", "heavy"):
                started = time.perf_counter()
                response = clients[key].get(path)
                timings[key].append((time.perf_counter() - started) * 1000)
                assert response.status_code == 200, (path, response.status_code)
        light_p95, heavy_p95 = p95(timings["light"]), p95(timings["heavy"])
        ratio = heavy_p95 / light_p95
        worst_ratio, worst_p95 = max(worst_ratio, ratio), max(worst_p95, light_p95, heavy_p95)
        print(f"{path:<48}{light_p95:>9.1f}ms{heavy_p95:>9.1f}ms{ratio:>8.2f}")
    print(
        f"\nworst p95 ratio heavy/light = {worst_ratio:.2f} (target <= 1.5); worst p95 = {worst_p95:.1f} ms (target <= 30 ms)"
    )
    print("RESULT:", "PASS" if worst_ratio <= 1.5 and worst_p95 <= 30 else "FAIL")


if __name__ == "__main__":
    main()
