"""Account use cases: registration, sign-in and sessions, passwords, profile."""

from __future__ import annotations

import ipaddress
import logging
import math
import threading
import time
import uuid
from importlib import import_module
from io import BytesIO
from typing import Any

from django.conf import settings
from django.contrib.auth import authenticate, login, logout, update_session_auth_hash
from django.contrib.auth.password_validation import validate_password
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.encoding import force_bytes, force_str
from django.utils.http import urlsafe_base64_decode, urlsafe_base64_encode
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

from savoir.core.errors import (
    NotFound,
    PayloadTooLarge,
    RateLimited,
    ServiceUnavailable,
    ValidationFailed,
)
from savoir.core.ratelimit import client_ip, counter_incr, hashed, limits_store, rate_limit_hit
from savoir.core.tasks import task_enqueue

from .errors import AccountLocked, EmailTaken, InvalidCredentials, InvalidImage, InvalidToken
from .models import User, UserSession

security_log = logging.getLogger("savoir.security")

# Keys we keep in the Django session next to the auth keys.
SESSION_LOGIN_AT = "savoir_login_at"
SESSION_SEEN_AT = "savoir_seen_at"
# Refreshing "last seen" on every request would write on every request; a few minutes is enough.
SEEN_REFRESH_SECONDS = 300
AVATAR_SIZE = 512
# What an avatar needs, decoded cheaply: a JPEG is decoded at 1/2 to 1/8 scale (draft), so a
# 48-megapixel phone photo costs little; a PNG has no reduced decoding, so it is capped lower.
AVATAR_MAX_PIXELS = {"JPEG": 50_000_000, "PNG": 4096 * 4096}
AVATAR_UPLOADS_PER_HOUR = 20
# Decoding is the expensive part of an upload: a few at a time per process, the rest wait a
# little, then get a 503 rather than piling up in memory.
_avatar_decodes = threading.BoundedSemaphore(2)
AVATAR_DECODE_WAIT_SECONDS = 5


def _session_store(session_key: str) -> Any:
    return import_module(settings.SESSION_ENGINE).SessionStore(session_key=session_key)


def _password_errors(password: str, user: User, field: str) -> None:
    try:
        validate_password(password, user)
    except DjangoValidationError as exc:
        raise ValidationFailed(fields={field: list(exc.messages)}) from None


def _ip_or_none(value: str) -> str | None:
    try:
        return str(ipaddress.ip_address(value))
    except ValueError:
        return None


# --- Sessions ----------------------------------------------------------------------------------


def session_record_create(*, request: HttpRequest, user: User) -> UserSession:
    """Called on every login (API or admin, through the user_logged_in signal): gives the
    browser a fresh session id, even for a user signing in again, and records the device."""
    old_key = request.session.session_key
    request.session.cycle_key()
    if old_key:
        UserSession.objects.filter(session_key=old_key).delete()
    now = timezone.now()
    request.session[SESSION_LOGIN_AT] = now.timestamp()
    request.session[SESSION_SEEN_AT] = now.timestamp()
    return UserSession.objects.create(
        user=user,
        session_key=str(request.session.session_key),
        last_seen_at=now,
        ip_address=_ip_or_none(client_ip(request)),
        user_agent=request.headers.get("User-Agent", "")[:300],
    )


def session_touch(*, request: HttpRequest) -> bool:
    """Enforce idle timeout and absolute lifetime; refresh "last seen". False means the session
    has ended and the request is now anonymous."""
    session = request.session
    now = time.time()
    login_at = session.get(SESSION_LOGIN_AT)
    seen_at = session.get(SESSION_SEEN_AT)
    if (
        login_at is None
        or seen_at is None
        or now - login_at > settings.SESSION_ABSOLUTE_LIFETIME.total_seconds()
        or now - seen_at > settings.SESSION_IDLE_TIMEOUT.total_seconds()
    ):
        logout(request)
        return False
    if now - seen_at > SEEN_REFRESH_SECONDS:
        session[SESSION_SEEN_AT] = now
        UserSession.objects.filter(session_key=session.session_key).update(
            last_seen_at=timezone.now()
        )
    return True


def sessions_end(*, user: User, keep_session_key: str | None = None) -> int:
    """End the user's sessions server-side (all of them, or all but one)."""
    records = UserSession.objects.filter(user=user)
    if keep_session_key:
        records = records.exclude(session_key=keep_session_key)
    ended = 0
    for record in records:
        _session_store(record.session_key).delete()
        ended += 1
    records.delete()
    return ended


def user_session_end(*, request: HttpRequest, user: User, session_id: uuid.UUID) -> None:
    record = UserSession.objects.filter(user=user, id=session_id).first()
    if record is None:
        raise NotFound(_("This session does not exist."))
    if record.session_key == request.session.session_key:
        logout(request)
        return
    _session_store(record.session_key).delete()
    record.delete()


# --- Registration and sign-in -----------------------------------------------------------------


def user_create(
    *,
    email: str,
    password: str,
    first_name: str,
    last_name: str,
    country: str | None = None,
    language: str = "fr",
    role: str = "learner",
) -> User:
    user = User(
        email=email.strip().lower(),
        first_name=first_name,
        last_name=last_name,
        country=country or "",
        language=language,
        role=role,
    )
    # The password first: a taken address is only told to someone who sent a valid form
    # (docs/security.md, "Registration says when an address is taken").
    _password_errors(password, user, "password")
    if User.objects.filter(email__iexact=user.email).exists():
        raise EmailTaken()
    user.set_password(password)
    try:
        with transaction.atomic():
            user.save()
    except IntegrityError:  # a concurrent registration won the race
        raise EmailTaken() from None
    return user


def user_register(
    *,
    request: HttpRequest,
    email: str,
    password: str,
    first_name: str,
    last_name: str,
    country: str | None,
    language: str,
) -> User:
    rate_limit_hit("register-ip", client_ip(request), limit=20, window=3600)
    user = user_create(
        email=email,
        password=password,
        first_name=first_name,
        last_name=last_name,
        country=country,
        language=language,
    )
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    return user


def _lock_keys(email: str, ip: str) -> tuple[str, str]:
    pair = hashed(email, ip)
    return f"login-fail:{pair}", f"login-lock:{pair}"


def _login_audit(
    event: str, *, request: HttpRequest, email: str, channel: str, **extra: Any
) -> None:
    """One line per sign-in event for every way in (the API, Django admin). The e-mail is hashed:
    the audit log must not become a list of addresses."""
    level = logging.WARNING if event != "login_succeeded" else logging.INFO
    security_log.log(
        level,
        event,
        extra={
            "event": event,
            "channel": channel,
            "ip": client_ip(request),
            "account": hashed(email),
            **extra,
        },
    )


def login_guard(*, request: HttpRequest, email: str, channel: str) -> None:
    """Checked before any password: the per-address limit, then the account+address cool-off.
    Counted per e-mail+IP whether or not the account exists, so a lock reveals nothing and an
    attacker elsewhere can never lock the owner out."""
    ip = client_ip(request)
    limit, window = settings.LOGIN_RATE_PER_IP
    try:
        rate_limit_hit("login-ip", ip, limit=limit, window=window)
    except RateLimited:
        _login_audit("login_rate_limited", request=request, email=email, channel=channel)
        raise
    _fail_key, lock_key = _lock_keys(email, ip)
    with limits_store() as store:
        locked_until = store.get(lock_key)
    if locked_until is not None and locked_until > time.time():
        _login_audit("login_locked_out", request=request, email=email, channel=channel)
        raise AccountLocked(retry_after=int(locked_until - time.time()) + 1)


def login_failure_record(*, request: HttpRequest, email: str, channel: str) -> None:
    fail_key, lock_key = _lock_keys(email, client_ip(request))
    failures = counter_incr(fail_key, settings.LOGIN_LOCKOUT_SECONDS)
    _login_audit("login_failed", request=request, email=email, channel=channel, failures=failures)
    if failures >= settings.LOGIN_LOCKOUT_FAILURES:
        with limits_store() as store:
            store.set(
                lock_key,
                time.time() + settings.LOGIN_LOCKOUT_SECONDS,
                settings.LOGIN_LOCKOUT_SECONDS,
            )
            store.delete(fail_key)
        _login_audit("login_lock_started", request=request, email=email, channel=channel)


def login_success_record(*, request: HttpRequest, email: str, user: User, channel: str) -> None:
    with limits_store() as store:
        store.delete(_lock_keys(email, client_ip(request))[0])
    _login_audit("login_succeeded", request=request, email=email, channel=channel, user_id=user.pk)


def auth_login(*, request: HttpRequest, email: str, password: str) -> User:
    email = email.strip().lower()
    login_guard(request=request, email=email, channel="api")
    user = authenticate(request, email=email, password=password)
    if user is None:
        login_failure_record(request=request, email=email, channel="api")
        raise InvalidCredentials()
    login_success_record(request=request, email=email, user=user, channel="api")
    login(request, user)
    return user


def auth_logout(*, request: HttpRequest) -> None:
    logout(request)


# --- Passwords ------------------------------------------------------------------------------------


def password_reset_token_make(user: User) -> str:
    # Django's token is an HMAC over the password hash and last login: it expires after
    # PASSWORD_RESET_TIMEOUT and stops working once the password changes (single use).
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    return f"{uid}.{default_token_generator.make_token(user)}"


def _user_from_reset_token(token: str) -> User:
    uid, _sep, secret = token.partition(".")
    try:
        user_id = int(force_str(urlsafe_base64_decode(uid)))
    except (ValueError, TypeError, UnicodeDecodeError):
        raise InvalidToken() from None
    user = User.objects.filter(pk=user_id, is_active=True).first()
    if user is None or not default_token_generator.check_token(user, secret):
        raise InvalidToken()
    return user


def password_forgot(*, request: HttpRequest, email: str, public_url: str) -> None:
    """Same answer, and the same work in the request, whether or not the account exists: the
    lookup and the e-mail happen in the background (password_reset_email_send)."""
    from .tasks import password_reset_email_task

    rate_limit_hit("forgot-ip", client_ip(request), limit=10, window=900)
    task_enqueue(password_reset_email_task, email.strip().lower(), public_url)


def password_reset_email_send(*, email: str, public_url: str) -> None:
    """E-mail a reset link to the account with this address, if there is one, in its language."""
    user = User.objects.filter(email=email, is_active=True).first()
    if user is None:
        return
    try:  # a quiet cap per account, so nobody can flood someone's inbox
        rate_limit_hit("forgot-account", str(user.pk), limit=3, window=3600)
    except RateLimited:
        return
    with translation.override(user.language):
        context = {
            "user": user,
            "reset_url": f"{public_url.rstrip('/')}/reset-password?token="
            f"{password_reset_token_make(user)}",
            "hours": settings.PASSWORD_RESET_TIMEOUT // 3600,
        }
        subject = render_to_string("accounts/email/password_reset_subject.txt", context).strip()
        text = render_to_string("accounts/email/password_reset.txt", context)
        html = render_to_string("accounts/email/password_reset.html", context)
    message = EmailMultiAlternatives(subject, text, settings.DEFAULT_FROM_EMAIL, [user.email])
    message.attach_alternative(html, "text/html")
    message.send()


@transaction.atomic
def password_reset(*, request: HttpRequest, token: str, new_password: str) -> User:
    rate_limit_hit("reset-ip", client_ip(request), limit=20, window=900)
    user = _user_from_reset_token(token)
    _password_errors(new_password, user, "newPassword")
    user.set_password(new_password)
    user.save(update_fields=["password"])
    sessions_end(user=user)
    return user


@transaction.atomic
def user_password_change(
    *, request: HttpRequest, user: User, current_password: str, new_password: str
) -> None:
    rate_limit_hit("password-change", str(user.pk), limit=10, window=900)
    if not user.check_password(current_password):
        raise ValidationFailed(
            fields={"currentPassword": [_("The current password is incorrect.")]}
        )
    # The current password was just checked, so the plain texts compare without a second hash.
    if new_password == current_password:
        raise ValidationFailed(
            fields={"newPassword": [_("The new password must be different from the current one.")]}
        )
    _password_errors(new_password, user, "newPassword")
    user.set_password(new_password)
    user.save(update_fields=["password"])
    # update_session_auth_hash() cycles the session id: keep our record pointing at it.
    old_key = request.session.session_key
    update_session_auth_hash(request, user)
    UserSession.objects.filter(session_key=old_key).update(session_key=request.session.session_key)
    sessions_end(user=user, keep_session_key=request.session.session_key)


# --- Profile ----------------------------------------------------------------------------------------


def user_update(*, user: User, changes: dict[str, Any]) -> User:
    allowed = {"first_name", "last_name", "country", "language", "time_zone"}
    fields = []
    for name, value in changes.items():
        if name not in allowed:
            continue
        if name == "country":
            value = value or ""
        elif value is None:
            raise ValidationFailed(fields={_camel(name): [_("This field cannot be empty.")]})
        setattr(user, name, value)
        fields.append(name)
    if fields:
        user.save(update_fields=fields)
    return user


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(p.title() for p in rest)


def user_avatar_set(*, user: User, upload: UploadedFile) -> User:
    if upload.size is None or upload.size > settings.AVATAR_MAX_BYTES:
        raise PayloadTooLarge(_("The image must be 5 MB or smaller."))
    rate_limit_hit("avatar", str(user.pk), limit=AVATAR_UPLOADS_PER_HOUR, window=3600)
    if not _avatar_decodes.acquire(timeout=AVATAR_DECODE_WAIT_SECONDS):
        raise ServiceUnavailable(_("Many images are being processed. Try again in a moment."))
    try:
        content, extension = _avatar_reencoded(upload)
    finally:
        _avatar_decodes.release()
    previous = user.avatar.name if user.avatar else ""
    user.avatar.save(f"{uuid.uuid4().hex}.{extension}", ContentFile(content), save=False)
    user.save(update_fields=["avatar"])
    if previous:
        user.avatar.storage.delete(previous)
    return user


def _avatar_reencoded(upload: UploadedFile) -> tuple[bytes, str]:
    """The upload decoded for real (reduced where the format allows), bounded in pixels, and
    re-encoded from its pixels, which drops EXIF, GPS, ICC and text chunks."""
    try:
        with Image.open(upload) as original:
            kind = original.format
            if kind not in AVATAR_MAX_PIXELS:
                raise InvalidImage()
            # Read from the header, before any pixel is decoded.
            if original.width * original.height > AVATAR_MAX_PIXELS[kind]:
                raise InvalidImage(
                    _("The image dimensions are too large (at most %(megapixels)d megapixels).")
                    % {"megapixels": AVATAR_MAX_PIXELS[kind] // 1_000_000}
                )
            if kind == "JPEG":
                # The smallest DCT scale whose result still covers the avatar's box.
                ratio = AVATAR_SIZE / max(original.width, original.height)
                box = (math.ceil(original.width * ratio), math.ceil(original.height * ratio))
                original.draft("RGB", box)
            original.load()
            image = ImageOps.exif_transpose(original)
            image.thumbnail((AVATAR_SIZE, AVATAR_SIZE))
            out = BytesIO()
            if kind == "PNG":
                has_alpha = image.mode in {"RGBA", "LA", "PA"} or "transparency" in image.info
                image.convert("RGBA" if has_alpha else "RGB").save(out, "PNG", optimize=True)
                return out.getvalue(), "png"
            image.convert("RGB").save(out, "JPEG", quality=88, optimize=True)
            return out.getvalue(), "jpg"
    except InvalidImage:
        raise
    except (UnidentifiedImageError, Image.DecompressionBombError, OSError, SyntaxError, ValueError):
        raise InvalidImage() from None


def user_avatar_remove(*, user: User) -> User:
    if user.avatar:
        name = user.avatar.name
        user.avatar = ""
        user.save(update_fields=["avatar"])
        user.avatar.storage.delete(name)
    return user
