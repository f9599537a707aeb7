from typing import Any

from django.contrib.auth.signals import user_logged_in, user_logged_out
from django.dispatch import receiver
from django.http import HttpRequest

from .models import User, UserSession
from .services import session_record_create


@receiver(user_logged_in, dispatch_uid="savoir_session_record_create")
def _on_login(sender: Any, request: HttpRequest | None, user: User, **kwargs: Any) -> None:
    # Every way in (the API, Django admin) rotates the session id and records the device.
    if request is not None and hasattr(request, "session"):
        session_record_create(request=request, user=user)


@receiver(user_logged_out, dispatch_uid="savoir_session_record_delete")
def _on_logout(sender: Any, request: HttpRequest | None, **kwargs: Any) -> None:
    if request is not None and hasattr(request, "session") and request.session.session_key:
        UserSession.objects.filter(session_key=request.session.session_key).delete()
