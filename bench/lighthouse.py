"""Benchmark: Lighthouse's mobile audit of the login, dashboard and practice pages.

  backend/.venv/bin/python bench/lighthouse.py [--runs 3] [--keep-db]

Serves the built app (`make build` first) with gunicorn, as `make run` does, on a throwaway SQLite
database holding the shipped content and the demo accounts, then runs Lighthouse (the npm package,
installed once into .tools/lighthouse) headless in Debian's Chromium with its default mobile
settings: a mid-range phone, simulated slow 4G and a 4x slower CPU. The dashboard and the practice
page are audited signed in as the demo learner (the session cookie is passed as a header).

Prints, per page, the median over the runs of the performance score, LCP, FCP, TBT and the bytes
transferred, and the same login audit with compression refused (Accept-Encoding: identity) as the
baseline of this run, with the ratio between the two.
Target (issue 12): performance >= 90 on each page; initial JavaScript <= 150 KB gzip (a test).
"""

from __future__ import annotations

import argparse
import contextlib
import http.client
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from http.cookies import SimpleCookie
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
BACKEND = ROOT / "backend"
PYTHON = BACKEND / ".venv" / "bin" / "python"
LIGHTHOUSE_VERSION = "13.5.0"
LIGHTHOUSE_DIR = ROOT / ".tools" / "lighthouse"
LIGHTHOUSE = LIGHTHOUSE_DIR / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
LEARNER = ("learner@savoir.test", "Learner-Demo-2026!")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def ensure_lighthouse() -> None:
    if LIGHTHOUSE.exists():
        return
    LIGHTHOUSE_DIR.mkdir(parents=True, exist_ok=True)
    print(f"Installing lighthouse@{LIGHTHOUSE_VERSION} into {LIGHTHOUSE_DIR} (once)...")
    install = ["npm", "install", "--no-audit", "--no-fund", "--loglevel=error", "--prefix", "."]
    subprocess.run(  # noqa: S603 - a pinned npm package
        [*install, f"lighthouse@{LIGHTHOUSE_VERSION}"],
        cwd=LIGHTHOUSE_DIR,
        check=True,
    )


def manage(env: dict[str, str], *args: str) -> None:
    subprocess.run([str(PYTHON), "manage.py", *args], cwd=BACKEND, env=env, check=True)  # noqa: S603


def sign_in(port: int) -> str:
    """The demo learner's session cookie, signed in through the API like the SPA does
    (its sessionid is handed to the signed-in browser: Chromium does not send a Cookie header
    given as an extra header with the page's own fetch() calls)."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    conn.request("GET", "/api/auth/csrf")
    response = conn.getresponse()
    response.read()
    cookies = SimpleCookie(response.getheader("Set-Cookie") or "")
    csrf = cookies["csrftoken"].value
    body = json.dumps({"email": LEARNER[0], "password": LEARNER[1]})
    conn.request(
        "POST",
        "/api/auth/login",
        body=body,
        headers={
            "Content-Type": "application/json",
            "X-CSRFToken": csrf,
            "Cookie": f"csrftoken={csrf}",
            "Referer": f"http://127.0.0.1:{port}/login",
        },
    )
    response = conn.getresponse()
    response.read()
    if response.status != 200:
        sys.exit(f"sign-in failed: HTTP {response.status}")
    session = SimpleCookie()
    for header in response.headers.get_all("Set-Cookie") or []:
        session.load(header)
    return f"csrftoken={csrf}; sessionid={session['sessionid'].value}"


def signed_in_browser(base: str, cookie: str, workdir: Path, stack: contextlib.ExitStack) -> int:
    """A Chromium holding the learner's session cookie, for Lighthouse to drive over its
    debugging port; closed with `stack`."""
    from playwright.sync_api import sync_playwright

    port = free_port()
    playwright = stack.enter_context(sync_playwright())
    context = playwright.chromium.launch_persistent_context(
        str(workdir / "profile"),
        executable_path=CHROMIUM,
        headless=True,
        args=[f"--remote-debugging-port={port}", "--no-sandbox"],
    )
    stack.callback(context.close)
    context.add_cookies(
        [
            {"name": name, "value": value, "url": base}
            for name, value in (part.split("=", 1) for part in cookie.split("; "))
        ]
    )
    return port


def audit(url: str, headers: dict[str, str], workdir: Path, port: int | None = None) -> dict:
    """One Lighthouse run: in its own fresh Chromium, or in the signed-in one listening on `port`."""
    report = workdir / "report.json"
    if port is None:
        browser = [f"--chrome-path={CHROMIUM}", "--chrome-flags=--headless=new --no-sandbox"]
    else:  # keep the browser's cookies: that is the session
        browser = [f"--port={port}", "--disable-storage-reset"]
    subprocess.run(  # noqa: S603 - our own URLs, the pinned Lighthouse
        [
            str(LIGHTHOUSE),
            url,
            *browser,
            "--only-categories=performance,accessibility",
            "--output=json",
            f"--output-path={report}",
            f"--extra-headers={json.dumps(headers)}",
            "--quiet",
        ],
        check=True,
        timeout=300,
    )
    data = json.loads(report.read_text())
    audits = data["audits"]
    return {
        "performance": round(data["categories"]["performance"]["score"] * 100),
        "accessibility": round(data["categories"]["accessibility"]["score"] * 100),
        "lcp": audits["largest-contentful-paint"]["numericValue"],
        "fcp": audits["first-contentful-paint"]["numericValue"],
        "tbt": audits["total-blocking-time"]["numericValue"],
        "bytes": audits["total-byte-weight"]["numericValue"],
        "final_url": data.get("finalDisplayedUrl") or data.get("finalUrl"),
    }


def median_of(runs: list[dict[str, Any]]) -> dict[str, Any]:
    keys = ("performance", "accessibility", "lcp", "fcp", "tbt", "bytes")
    return {key: statistics.median(run[key] for run in runs) for key in keys} | {
        "final_url": runs[-1]["final_url"]
    }


def line(name: str, result: dict[str, Any]) -> str:
    return (
        f"{name:<28} perf {result['performance']:>5.0f}  a11y {result['accessibility']:>4.0f}  "
        f"LCP {result['lcp'] / 1000:>4.1f} s  FCP {result['fcp'] / 1000:>4.1f} s  "
        f"TBT {result['tbt']:>4.0f} ms  {result['bytes'] / 1024:>5.0f} KB"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="audits per page (the median counts)")
    parser.add_argument("--keep-db", action="store_true", help="keep the throwaway database")
    args = parser.parse_args()

    if not (ROOT / "frontend" / "dist" / "index.html").exists():
        sys.exit("Build the frontend first: make build")
    if not Path(CHROMIUM).exists():
        sys.exit(f"Chromium not found at {CHROMIUM} (apt-get install chromium)")
    ensure_lighthouse()

    workdir = Path(tempfile.mkdtemp(prefix="savoir-lighthouse-"))
    port = free_port()
    env = os.environ | {
        "DATABASE_URL": f"sqlite:///{workdir / 'db.sqlite3'}",
        "MEDIA_ROOT": str(workdir / "media"),
        "REDIS_URL": "",
        "CELERY_BROKER_URL": "",
        "LOG_LEVEL": "WARNING",
    }
    manage(env, "migrate", "--no-input", "-v", "0")
    manage(env, "load_content")
    manage(env, "seed_demo")
    gunicorn = [str(BACKEND / ".venv" / "bin" / "gunicorn"), "config.wsgi:application"]
    options = ["--workers", "1", "--threads", "8", "--worker-class", "gthread"]
    server = subprocess.Popen(  # noqa: S603 - our own gunicorn
        [*gunicorn, "--bind", f"127.0.0.1:{port}", *options, "--log-level", "warning"],
        cwd=BACKEND,
        env=env,
        start_new_session=True,
    )
    stack = contextlib.ExitStack()
    try:
        for _ in range(150):
            try:
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
                conn.request("GET", "/api/health")
                if conn.getresponse().status == 200:
                    break
            except OSError:
                pass
            time.sleep(0.2)
        base = f"http://127.0.0.1:{port}"
        signed_in = signed_in_browser(base, sign_in(port), workdir, stack)
        pages = [
            ("login", f"{base}/login", None),
            ("dashboard (signed in)", f"{base}/dashboard", signed_in),
            ("practice 2.2.1 (signed in)", f"{base}/practice/SY0-701/2.2.1", signed_in),
        ]
        results: dict[str, dict[str, Any]] = {}
        for _ in range(args.runs):
            # Interleaved, so a noisy moment on this shared machine hits every page alike.
            for name, url, browser_port in pages:
                run = audit(url, {}, workdir, browser_port)
                results.setdefault(name, {"runs": []})["runs"].append(run)
            baseline_headers = {"Accept-Encoding": "identity"}
            results.setdefault("login, uncompressed", {"runs": []})["runs"].append(
                audit(f"{base}/login", baseline_headers, workdir)
            )

        print(f"\nLighthouse {LIGHTHOUSE_VERSION}, mobile defaults, median of {args.runs} runs")
        summary = {name: median_of(entry["runs"]) for name, entry in results.items()}
        for name, result in summary.items():
            print(line(name, result))
        login, plain = summary["login"], summary["login, uncompressed"]
        print(
            f"\nlogin vs its uncompressed baseline: bytes x{login['bytes'] / plain['bytes']:.2f}, "
            f"LCP x{login['lcp'] / plain['lcp']:.2f}, "
            f"score {login['performance']:.0f} vs {plain['performance']:.0f}"
        )
        ended = [summary[name]["final_url"] for name in summary if "signed in" in name]
        if any("/login" in (url or "") for url in ended):
            print("warning: a signed-in page ended on /login; its figures are the login page's")
        failing = [name for name, r in summary.items() if "uncompressed" not in name]
        failing = [name for name in failing if summary[name]["performance"] < 90]
        print("target (performance >= 90 on each page):", failing or "met")
    finally:
        stack.close()
        os.killpg(server.pid, 15)
        server.wait(timeout=10)
        if not args.keep_db:
            shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
