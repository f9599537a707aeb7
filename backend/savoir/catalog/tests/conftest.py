import pytest
from django.core.management import call_command


@pytest.fixture
def catalog(db):
    """The shipped SY0-701 blueprint and glossary, loaded as `make run` loads them."""
    call_command("load_content", stdout=open("/dev/null", "w"))  # noqa: SIM115
