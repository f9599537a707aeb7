from __future__ import annotations

import uuid

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.utils.translation import gettext as _
from ninja import File, Router, Status
from ninja.files import UploadedFile

from savoir.core.schemas import ERROR_RESPONSES, DetailOut

from . import selectors, services
from .auth import request_user, session_auth
from .models import User
from .schemas import (
    ForgotIn,
    LoginIn,
    PasswordChangeIn,
    RegisterIn,
    ResetIn,
    SessionOut,
    UserOut,
    UserUpdateIn,
)

auth_router = Router(tags=["auth"], by_alias=True)
users_router = Router(tags=["users"], by_alias=True, auth=session_auth)


def _public_url(request: HttpRequest) -> str:
    return settings.PUBLIC_URL or request.build_absolute_uri("/")


@auth_router.get("/csrf", response={204: None, **ERROR_RESPONSES}, operation_id="auth_csrf")
def auth_csrf(request: HttpRequest) -> Status[None]:
    """Sets the csrftoken cookie the SPA echoes in X-CSRFToken."""
    get_token(request)
    return Status(204, None)


@auth_router.post(
    "/register", response={201: UserOut, **ERROR_RESPONSES}, operation_id="auth_register"
)
def auth_register(request: HttpRequest, payload: RegisterIn) -> Status[User]:
    user = services.user_register(request=request, **payload.model_dump())
    return Status(201, user)


@auth_router.post("/login", response={200: UserOut, **ERROR_RESPONSES}, operation_id="auth_login")
def auth_login(request: HttpRequest, payload: LoginIn) -> User:
    return services.auth_login(request=request, email=payload.email, password=payload.password)


@auth_router.post(
    "/logout",
    response={204: None, **ERROR_RESPONSES},
    auth=session_auth,
    operation_id="auth_logout",
)
def auth_logout(request: HttpRequest) -> Status[None]:
    services.auth_logout(request=request)
    return Status(204, None)


@auth_router.get(
    "/me", response={200: UserOut, **ERROR_RESPONSES}, auth=session_auth, operation_id="auth_me"
)
def auth_me(request: HttpRequest) -> User:
    return request_user(request)


@auth_router.post(
    "/password/forgot",
    response={200: DetailOut, **ERROR_RESPONSES},
    operation_id="auth_password_forgot",
)
def auth_password_forgot(request: HttpRequest, payload: ForgotIn) -> dict[str, str]:
    services.password_forgot(request=request, email=payload.email, public_url=_public_url(request))
    return {
        "detail": _(
            "If an account exists for this address, we have sent it a link to choose a new password."
        )
    }


@auth_router.post(
    "/password/reset",
    response={200: DetailOut, **ERROR_RESPONSES},
    operation_id="auth_password_reset",
)
def auth_password_reset(request: HttpRequest, payload: ResetIn) -> dict[str, str]:
    services.password_reset(request=request, token=payload.token, new_password=payload.new_password)
    return {"detail": _("Your password has been changed. You can now sign in.")}


@users_router.get("/me", response={200: UserOut, **ERROR_RESPONSES}, operation_id="users_me_get")
def users_me_get(request: HttpRequest) -> User:
    return request_user(request)


@users_router.patch(
    "/me", response={200: UserOut, **ERROR_RESPONSES}, operation_id="users_me_update"
)
def users_me_update(request: HttpRequest, payload: UserUpdateIn, response: HttpResponse) -> User:
    changes = payload.model_dump(exclude_unset=True)
    user = services.user_update(user=request_user(request), changes=changes)
    if "language" in changes:
        # Visitors' language lives in this cookie; keep it in step with the profile.
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            user.language,
            max_age=365 * 24 * 3600,
            samesite="Lax",
            secure=settings.SESSION_COOKIE_SECURE,
        )
    return user


@users_router.put(
    "/me/avatar", response={200: UserOut, **ERROR_RESPONSES}, operation_id="users_me_avatar_set"
)
def users_me_avatar_set(request: HttpRequest, file: File[UploadedFile]) -> User:
    """JPG or PNG, at most 5 MB; re-encoded, metadata stripped, stored under a random name."""
    return services.user_avatar_set(user=request_user(request), upload=file)


@users_router.delete(
    "/me/avatar", response={200: UserOut, **ERROR_RESPONSES}, operation_id="users_me_avatar_remove"
)
def users_me_avatar_remove(request: HttpRequest) -> User:
    return services.user_avatar_remove(user=request_user(request))


@users_router.put(
    "/me/password", response={204: None, **ERROR_RESPONSES}, operation_id="users_me_password_change"
)
def users_me_password_change(request: HttpRequest, payload: PasswordChangeIn) -> Status[None]:
    services.user_password_change(
        request=request,
        user=request_user(request),
        current_password=payload.current_password,
        new_password=payload.new_password,
    )
    return Status(204, None)


@users_router.get(
    "/me/sessions",
    response={200: list[SessionOut], **ERROR_RESPONSES},
    operation_id="users_me_sessions_list",
)
def users_me_sessions_list(request: HttpRequest) -> list[selectors.SessionView]:
    return selectors.user_sessions_list(
        user=request_user(request), current_session_key=request.session.session_key
    )


@users_router.delete(
    "/me/sessions/{session_id}",
    response={204: None, **ERROR_RESPONSES},
    operation_id="users_me_session_end",
)
def users_me_session_end(request: HttpRequest, session_id: uuid.UUID) -> Status[None]:
    services.user_session_end(request=request, user=request_user(request), session_id=session_id)
    return Status(204, None)
