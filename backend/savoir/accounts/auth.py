"""How API operations know their user: Django's session, checked by ninja's SessionAuth."""

from django.http import HttpRequest
from ninja.security import SessionAuth

from savoir.core.errors import NotAuthenticated

from .models import User

# CSRF is already enforced for every unsafe /api/ call by ApiCsrfMiddleware.
session_auth = SessionAuth(csrf=False)


def request_user(request: HttpRequest) -> User:
    """The signed-in user of an operation protected by session_auth."""
    user = request.user
    if not isinstance(user, User):
        raise NotAuthenticated()
    return user
