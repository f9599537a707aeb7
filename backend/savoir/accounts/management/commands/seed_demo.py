"""Demo accounts for `make run`, created through the account services. Idempotent."""

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from savoir.accounts.models import Role, User
from savoir.accounts.services import user_create

DEMO_ACCOUNTS = [
    {
        "email": "learner@savoir.test",
        "password": "Learner-Demo-2026!",
        "first_name": "Camille",
        "last_name": "Martin",
        "country": "FR",
        "language": "fr",
        "role": Role.LEARNER,
    },
    {
        "email": "admin@savoir.test",
        "password": "Admin-Demo-2026!",
        "first_name": "Alex",
        "last_name": "Tremblay",
        "country": "CA",
        "language": "en",
        "role": Role.ADMIN,
    },
]


class Command(BaseCommand):
    help = "Create the demo learner and admin accounts if they do not exist."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--quiet", action="store_true", help="Do not print the logins.")

    def handle(self, *args: Any, **options: Any) -> None:
        if settings.PRODUCTION:
            raise CommandError("Demo accounts are never created in production.")
        lines = []
        for account in DEMO_ACCOUNTS:
            if User.objects.filter(email=account["email"]).exists():
                state = "kept"
            else:
                user_create(**account)
                state = "created"
            lines.append(
                f"  {account['role']:<8} {account['email']:<22} {account['password']}  ({state})"
            )
        if not options["quiet"]:
            self.stdout.write("Demo logins (role, e-mail, password):")
            self.stdout.write("\n".join(lines))
