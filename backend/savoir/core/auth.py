from __future__ import annotations

from typing import TYPE_CHECKING

from django.http import HttpRequest
from ninja.security import SessionAuth

from .errors import NotAuthenticated

if TYPE_CHECKING:
    from savoir.accounts.models import User

# CSRF is already enforced for every unsafe /api/ call by ApiCsrfMiddleware.
session_auth = SessionAuth(csrf=False)


def request_user(request: HttpRequest) -> User:
    """The signed-in user of an operation protected by session_auth."""
    from savoir.accounts.models import User

    user = request.user
    if not isinstance(user, User):
        raise NotAuthenticated()
    return user
