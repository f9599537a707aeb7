"""Every test under savoir/catalog/tests/shipped/ runs on the shipped content, loaded once.

`load_content` (the SY0-701 blueprint, its glossary and the starter question bank, as `make run`
loads them) runs once for this package, inside a transaction left open until the package's last
test. Each test's own transaction (pytest-django's `db`) nests in it as a savepoint: what a test
changes rolls back to the shipped content, and the content itself rolls back when the package is
done, so tests elsewhere (savoir/catalog/tests/test_import.py and every other app) still start
from an empty catalog.

Non-transactional tests only here: a `transaction=True` test (or `live_server`) would flush the
database under the open transaction. Put a test that needs an empty catalog outside this folder.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction


@pytest.fixture(scope="package", autouse=True)
def catalog(django_db_setup, django_db_blocker) -> Iterator[None]:
    """The shipped content, for every test of this package (tests may still name it)."""
    outer = transaction.atomic()
    # Like the class-wide transaction of Django's TestCase: a durable atomic block in the code
    # under test may still open inside it.
    outer._from_testcase = True  # type: ignore[attr-defined]
    with django_db_blocker.unblock():
        outer.__enter__()
        try:
            call_command("load_content", stdout=StringIO())
        except BaseException:
            outer.__exit__(*sys.exc_info())
            raise
    yield
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        outer.__exit__(None, None, None)
