from typing import Any

from django.apps import AppConfig
from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.contrib.auth.signals import user_logged_in, user_logged_out
from django.db.models.signals import post_migrate
from django.dispatch import receiver
from django.http import HttpRequest

from .models import TEACHERS_GROUP, User, UserSession
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


@receiver(post_migrate, dispatch_uid="savoir_teachers_group")
def _teachers_group(sender: AppConfig, **kwargs: Any) -> None:
    """Teachers may view and change (never delete) the content apps in Django admin."""
    group, _created = Group.objects.get_or_create(name=TEACHERS_GROUP)
    permissions = Permission.objects.filter(
        content_type__app_label__in=settings.TEACHER_CONTENT_APPS,
        codename__regex=r"^(view|change|add)_",
    )
    group.permissions.set(permissions)
