"""Benchmark: the answer endpoint against a minimal authenticated insert, on PostgreSQL.

  backend/.venv/bin/python bench/answer_throughput.py [--seconds 20] [--clients 8]

Creates (or reuses) the PostgreSQL database `savoir_bench` on DATABASE_URL's server (default
postgres://postgres@127.0.0.1:5432/postgres), preloads the shipped content, 10,000 learners and
1,000,000 answers with their cards and mastery rows, then serves the app with gunicorn and drives
it with N concurrent keep-alive clients: first POST /bench/api/ping (session auth + CSRF + one
INSERT), then POST /api/practice/answers. Prints throughput, p50 and p99 of both, the ratio, and the
CPU time gunicorn and PostgreSQL spent per request on each side.
Target (issue 4): answer throughput >= 60 % of the baseline, answer p99 < 50 ms.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import signal
import statistics
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parents[1]
BACKEND = ROOT / "backend"
PORT = 8765 + random.randint(1, 200)
LEARNERS = 10_000
ANSWERS = 1_000_000
BENCH_PASSWORD = "Bench-Pass-2026!"  # noqa: S105 - bench-only accounts in a throwaway database


def bench_database_url() -> str:
    base = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/postgres")
    parts = urlsplit(base)
    if not parts.scheme.startswith("postgres"):
        sys.exit("This benchmark needs PostgreSQL (DATABASE_URL=postgres://...).")
    return urlunsplit(parts._replace(path="/savoir_bench"))


def env() -> dict[str, str]:
    values = dict(os.environ)
    values.update(
        DATABASE_URL=bench_database_url(),
        DJANGO_SETTINGS_MODULE="bench_settings",
        PYTHONPATH=f"{ROOT / 'bench'}:{BACKEND}",
        DJANGO_ENV="development",
        # A Redis database of its own: the benchmark empties it (rate-limit counters of earlier runs).
        REDIS_URL=os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/2"),
        LOG_LEVEL="WARNING",
    )
    return values


def django_setup() -> None:
    os.environ.update(env())
    sys.path[:0] = [str(ROOT / "bench"), str(BACKEND)]
    import django

    django.setup()


def ensure_database() -> None:
    import psycopg

    admin = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/postgres")
    with psycopg.connect(admin, autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = 'savoir_bench'").fetchone():
            conn.execute("CREATE DATABASE savoir_bench")


def preload() -> None:
    from django.contrib.auth.hashers import make_password
    from django.core.cache import cache
    from django.core.management import call_command
    from django.db import connection

    cache.clear()
    call_command("migrate", verbosity=0)
    call_command("load_content", stdout=open(os.devnull, "w"))  # noqa: SIM115
    with connection.cursor() as cur:
        cur.execute(
            "CREATE TABLE IF NOT EXISTS bench_ping (id bigserial PRIMARY KEY, user_id bigint, at timestamptz)"
        )
        cur.execute("SELECT count(*) FROM practice_useranswer")
        if cur.fetchone()[0] >= ANSWERS:
            print(f"preload: reusing {ANSWERS:,} answers already in savoir_bench")
            return
        started = time.perf_counter()
        password = make_password(BENCH_PASSWORD)
        cur.execute(
            "INSERT INTO accounts_user (password, is_superuser, email, first_name, last_name, is_staff, "
            "is_active, date_joined, country, language, time_zone, role, avatar) "
            "SELECT %s, false, 'bench' || g || '@bench.test', 'Bench', 'Learner', false, true, now(), "
            "'', 'en', 'UTC', 'learner', '' FROM generate_series(1, %s) g ON CONFLICT DO NOTHING",
            [password, LEARNERS],
        )
        cur.execute(
            """
            WITH u AS (SELECT array_agg(id ORDER BY id) AS ids FROM accounts_user WHERE email LIKE 'bench%%'),
                 c AS (SELECT array_agg(ch.id ORDER BY ch.id) AS ids, array_agg(ch.question_id ORDER BY ch.id) AS qids,
                              array_agg(ch.is_correct ORDER BY ch.id) AS oks
                       FROM questions_choice ch JOIN questions_question q ON q.id = ch.question_id
                       WHERE q.language = 'en')
            INSERT INTO practice_useranswer (user_id, question_id, choice_id, is_correct, confidence,
                time_spent_ms, answered_at, client_answer_id, session_id, result)
            SELECT u.ids[1 + g %% array_length(u.ids, 1)], c.qids[k], c.ids[k], c.oks[k], '',
                   5000 + (g %% 40000), now() - ((g %% 365) || ' days')::interval, gen_random_uuid(), NULL, '{}'::jsonb
            FROM generate_series(0::bigint, %s - 1) g, u, c,
                 LATERAL (SELECT 1 + ((g * 7919) + (g / 10000)) %% array_length(c.ids, 1) AS k) kk
            """,
            [ANSWERS],
        )
        cur.execute(
            """
            INSERT INTO practice_reviewcard (user_id, group_id, sub_objective_id, state, step, stability,
                difficulty, due_at, last_review_at, reps, lapses, last_correct, misconception)
            SELECT a.user_id, q.group_id, min(q.sub_objective_id), 2, NULL, 5.0, 5.0,
                   max(a.answered_at) + interval '5 days', max(a.answered_at), count(*),
                   count(*) FILTER (WHERE NOT a.is_correct), bool_or(a.is_correct), false
            FROM practice_useranswer a JOIN questions_question q ON q.id = a.question_id
            GROUP BY a.user_id, q.group_id
            ON CONFLICT DO NOTHING
            """
        )
        cur.execute(
            """
            INSERT INTO progress_subobjectivemastery (user_id, sub_objective_id, answered, correct,
                weighted_correct, weighted_total, score, level, last_activity_at, review_due_at)
            SELECT a.user_id, q.sub_objective_id, count(*), count(*) FILTER (WHERE a.is_correct),
                   2.5, 4.0, 62, 'familiar', max(a.answered_at), max(a.answered_at) + interval '5 days'
            FROM practice_useranswer a JOIN questions_question q ON q.id = a.question_id
            GROUP BY a.user_id, q.sub_objective_id
            ON CONFLICT DO NOTHING
            """
        )
        cur.execute(
            """
            INSERT INTO progress_learnerstats (user_id, answered, correct, time_spent_ms, current_streak,
                best_streak, last_active_date)
            SELECT user_id, count(*), count(*) FILTER (WHERE is_correct), sum(time_spent_ms), 3, 9, current_date - 1
            FROM practice_useranswer GROUP BY user_id ON CONFLICT DO NOTHING
            """
        )
        cur.execute("ANALYZE")
        cur.execute("SELECT count(*), count(DISTINCT user_id) FROM practice_useranswer")
        answers, learners = cur.fetchone()
    print(
        f"preload: {answers:,} answers from {learners:,} learners in {time.perf_counter() - started:.0f} s"
    )


class Client:
    """A keep-alive HTTP client signed in as one bench learner."""

    def __init__(self, email: str) -> None:
        self.conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=30)
        self.cookies: dict[str, str] = {}
        self.request("GET", "/api/auth/csrf")
        status, _ = self.request(
            "POST", "/api/auth/login", {"email": email, "password": BENCH_PASSWORD}
        )
        assert status == 200, status

    def request(self, method: str, path: str, body: dict | None = None) -> tuple[int, bytes]:
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        if method != "GET":
            headers["X-CSRFToken"] = self.cookies.get("csrftoken", "")
            headers["Content-Type"] = "application/json"
        try:
            self.conn.request(method, path, json.dumps(body) if body is not None else None, headers)
            response = self.conn.getresponse()
        except (BrokenPipeError, ConnectionResetError, http.client.RemoteDisconnected):
            # The server closed an idle keep-alive connection: open a new one and send again.
            self.conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=30)
            self.conn.request(method, path, json.dumps(body) if body is not None else None, headers)
            response = self.conn.getresponse()
        data = response.read()
        for header in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = header.partition("=")
            self.cookies[name.strip()] = rest.split(";", 1)[0]
        return response.status, data


def cpu_seconds(process_name: str) -> float:
    """CPU time used so far by every process of that name (Linux /proc; 0 elsewhere)."""
    total = 0.0
    ticks = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
    for pid in os.listdir("/proc") if os.path.isdir("/proc") else []:
        if not pid.isdigit():
            continue
        try:
            with open(f"/proc/{pid}/comm") as comm:
                if not comm.read().startswith(process_name):
                    continue
            with open(f"/proc/{pid}/stat") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / ticks  # utime + stime
        except (OSError, IndexError, ValueError):
            continue  # the process ended meanwhile
    return total


def run_phase(clients: list[Client], seconds: float, make_request) -> dict[str, Any]:
    cpu_before = {name: cpu_seconds(name) for name in ("gunicorn", "postgres")}
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    stop_at = time.perf_counter() + seconds

    def worker(client: Client) -> None:
        nonlocal errors
        local, bad = [], 0
        while time.perf_counter() < stop_at:
            method, path, body = make_request()
            started = time.perf_counter()
            status, _ = client.request(method, path, body)
            local.append((time.perf_counter() - started) * 1000)
            bad += status >= 400
        with lock:
            latencies.extend(local)
            errors += bad

    threads = [threading.Thread(target=worker, args=(c,)) for c in clients]
    started = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - started
    latencies.sort()
    cpu_ms = {
        name: (cpu_seconds(name) - before) * 1000 / max(len(latencies), 1)
        for name, before in cpu_before.items()
    }
    return {
        "app_cpu_ms": cpu_ms["gunicorn"],
        "db_cpu_ms": cpu_ms["postgres"],
        "latencies": latencies,
        "requests": len(latencies),
        "errors": errors,
        "rps": len(latencies) / elapsed,
        "p50": statistics.median(latencies),
        "p99": latencies[int(len(latencies) * 0.99) - 1],
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--seconds", type=float, default=5, help="length of each phase of a round")
    parser.add_argument("--rounds", type=int, default=6, help="baseline/answer rounds, interleaved")
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--threads", type=int, default=4)
    args = parser.parse_args()

    ensure_database()
    django_setup()
    preload()
    from savoir.questions.models import Choice

    pairs = list(
        Choice.objects.filter(question__language="en", question__source="manual").values_list(
            "question_id", "pk"
        )
    )

    server = subprocess.Popen(  # noqa: S603 - our own gunicorn
        [
            str(BACKEND / ".venv/bin/gunicorn"),
            "config.wsgi:application",
            "--bind",
            f"127.0.0.1:{PORT}",
            "--workers",
            str(args.workers),
            "--worker-class",
            "gthread",
            "--threads",
            str(args.threads),
            "--log-level",
            "warning",
        ],
        cwd=BACKEND,
        env=env(),
        start_new_session=True,
    )
    try:
        # Ready when /api/health answers 200, not when the socket accepts: on a busy machine the
        # workers take a while to import the app after gunicorn starts listening.
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline:
            try:
                probe = http.client.HTTPConnection("127.0.0.1", PORT, timeout=30)
                probe.request("GET", "/api/health")
                if probe.getresponse().status == 200:
                    break
            except OSError:
                pass
            time.sleep(0.5)
        clients = [Client(f"bench{n + 1}@bench.test") for n in range(args.clients)]

        def ping():
            return "POST", "/bench/api/ping", {}

        def answer():
            question_id, choice_id = random.choice(pairs)
            return (
                "POST",
                "/api/practice/answers",
                {
                    "questionId": question_id,
                    "choiceId": choice_id,
                    "timeSpentMs": 8000,
                    "confidence": random.choice(["low", "medium", "high", None]),
                    "clientAnswerId": str(uuid.uuid4()),
                },
            )

        run_phase(clients, 3, ping)  # warm-up: connections, caches, answer keys
        run_phase(clients, 3, answer)
        # Interleaved rounds, so a noisy moment on this shared machine hits both sides alike.
        rounds = []
        for n in range(args.rounds):
            baseline = run_phase(clients, args.seconds, ping)
            measured = run_phase(clients, args.seconds, answer)
            rounds.append((baseline, measured))
            print(
                f"round {n + 1}: baseline {baseline['rps']:.0f} req/s, answer {measured['rps']:.0f} req/s, "
                f"ratio {measured['rps'] / baseline['rps']:.0%}"
            )
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)

    def merged(side: int) -> dict[str, float]:
        latencies = sorted(x for r in rounds for x in r[side]["latencies"])
        return {
            "rps": statistics.median(r[side]["rps"] for r in rounds),
            "p50": statistics.median(latencies),
            "p99": latencies[int(len(latencies) * 0.99) - 1],
            "errors": sum(r[side]["errors"] for r in rounds),
            "app_cpu_ms": statistics.median(r[side]["app_cpu_ms"] for r in rounds),
            "db_cpu_ms": statistics.median(r[side]["db_cpu_ms"] for r in rounds),
        }

    baseline, measured = merged(0), merged(1)
    print(
        f"\n{args.clients} concurrent clients, {args.rounds} rounds of {args.seconds:.0f} s per phase, "
        f"gunicorn {args.workers} workers x {args.threads} threads"
    )
    # CPU per request shows where a gap comes from: this machine's cores are shared by the
    # clients, gunicorn and PostgreSQL, so throughput follows their sum.
    print(
        f"{'endpoint':<34}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}{'errors':>8}"
        f"{'app cpu ms':>12}{'db cpu ms':>11}"
    )
    for name, r in (
        ("baseline: auth + one INSERT", baseline),
        ("POST /api/practice/answers", measured),
    ):
        print(
            f"{name:<34}{r['rps']:>9.0f}{r['p50']:>9.1f}{r['p99']:>9.1f}{r['errors']:>8}"
            f"{r['app_cpu_ms']:>12.2f}{r['db_cpu_ms']:>11.2f}"
        )
    ratio = statistics.median(m["rps"] / b["rps"] for b, m in rounds)
    print(
        f"\nanswer throughput = {ratio:.0%} of baseline (median of the rounds' ratios) (target >= 60 %); answer p99 = {measured['p99']:.1f} ms (target < 50 ms)"
    )
    print(
        "RESULT:",
        "PASS" if ratio >= 0.6 and measured["p99"] < 50 and not measured["errors"] else "FAIL",
    )


if __name__ == "__main__":
    main()
