"""Check the whole approved bank against the quality gate and the bank's rules, and print its
coverage per sub-objective and language. Exits non-zero when a rule is broken."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from savoir.questions.selectors import bank_report


class Command(BaseCommand):
    help = (
        "Run the quality gate and every bank rule over the approved bank of an exam, and print "
        "coverage per sub-objective and language."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--exam", default="SY0-701")
        parser.add_argument(
            "--coverage", action="store_true", help="Also print every sub-objective's counts."
        )

    def handle(self, *args: Any, exam: str, coverage: bool, **options: Any) -> None:
        report = bank_report(exam_code=exam)
        write = self.stdout.write
        for language, figures in report.languages.items():
            write(
                f"{language}: {figures.questions} questions; domains "
                + ", ".join(
                    f"{code} {share:.1f} %" for code, share in figures.domain_shares.items()
                )
                + f"; difficulty {dict(sorted(figures.difficulty.items()))}"
                + f"; key is the longest option in {figures.key_longest_share:.0f} %"
                + f"; topics covered {figures.topics_covered}/{report.topics_total}"
            )
        if coverage:
            for code, counts in report.coverage.items():
                write(f"  {code}: " + ", ".join(f"{lang} {n}" for lang, n in counts.items()))
        for problem in report.problems:
            write(f"PROBLEM {problem}")
        if report.problems:
            raise CommandError(f"{len(report.problems)} problem(s) in the bank")
        write("The bank passes every rule.")
