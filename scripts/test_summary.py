"""Adds up the pytest (JUnit XML) and Vitest (JSON) reports into one closing line.

Prints per-suite counts, then `total: N passed, N failed, N skipped`; exits 1 when anything
failed or a report is missing (a suite that did not run is a failure, not a pass).
"""

from __future__ import annotations

import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path


def pytest_counts(path: Path) -> tuple[int, int, int]:
    root = ET.parse(path).getroot()
    suites = [root] if root.tag == "testsuite" else list(root.iter("testsuite"))
    tests = sum(int(s.get("tests", 0)) for s in suites)
    failed = sum(int(s.get("failures", 0)) + int(s.get("errors", 0)) for s in suites)
    skipped = sum(int(s.get("skipped", 0)) for s in suites)
    return tests - failed - skipped, failed, skipped


def vitest_counts(path: Path) -> tuple[int, int, int]:
    data = json.loads(path.read_text())
    failed = data.get("numFailedTests", 0) + data.get("numRuntimeErrorTestSuites", 0)
    failed += sum(1 for r in data.get("testResults", []) if r.get("status") == "failed" and not r.get("assertionResults"))
    skipped = data.get("numPendingTests", 0) + data.get("numTodoTests", 0)
    return data.get("numPassedTests", 0), failed, skipped


def main(reports: Path) -> int:
    ok = True
    totals = [0, 0, 0]
    print()
    print("== Summary ==")
    for name, file, reader in (
        ("frontend (vitest)", "vitest.json", vitest_counts),
        ("backend + e2e (pytest)", "pytest.xml", pytest_counts),
    ):
        path = reports / file
        if not path.exists():
            print(f"{name}: no report, the suite did not run")
            ok = False
            continue
        passed, failed, skipped = reader(path)
        print(f"{name}: {passed} passed, {failed} failed, {skipped} skipped")
        totals = [totals[0] + passed, totals[1] + failed, totals[2] + skipped]
        ok = ok and failed == 0 and passed > 0
    print(f"total: {totals[0]} passed, {totals[1]} failed, {totals[2]} skipped")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else ".reports")))
