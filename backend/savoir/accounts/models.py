from __future__ import annotations

import uuid
from typing import Any, ClassVar

from django.contrib.auth.models import AbstractUser, BaseUserManager, Group
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

# Teachers edit content in Django admin through this group's permissions (see signals.py).
TEACHERS_GROUP = "Teachers"


class Language(models.TextChoices):
    FR = "fr", "Français"
    EN = "en", "English"


class Role(models.TextChoices):
    LEARNER = "learner", _("Learner")
    TEACHER = "teacher", _("Teacher")
    ADMIN = "admin", _("Administrator")


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **extra: Any) -> User:
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **extra: Any) -> User:
        extra.update(role=Role.ADMIN)
        return self.create_user(email, password, **extra)


class User(AbstractUser):
    """One account for exam prep and the academy. E-mail is the login, stored lower-case."""

    username = None  # type: ignore[assignment]
    email = models.EmailField(_("e-mail address"), max_length=254, unique=True)
    first_name = models.CharField(_("first name"), max_length=100)
    last_name = models.CharField(_("last name"), max_length=100)
    country = models.CharField(_("country"), max_length=2, blank=True, default="")
    language = models.CharField(
        _("language"), max_length=2, choices=Language.choices, default=Language.FR
    )
    time_zone = models.CharField(_("time zone"), max_length=64, default="Europe/Paris")
    role = models.CharField(_("role"), max_length=16, choices=Role.choices, default=Role.LEARNER)
    avatar = models.ImageField(_("avatar"), upload_to="avatars/", blank=True, default="")

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: ClassVar[list[str]] = ["first_name", "last_name"]

    objects: ClassVar[UserManager] = UserManager()  # type: ignore[assignment]

    class Meta:
        constraints = [
            models.UniqueConstraint(Lower("email"), name="accounts_user_email_ci_unique"),
        ]

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.email = self.email.lower()
        # Django admin access follows the role, so there is one source of truth for it.
        self.is_staff = self.role in {Role.TEACHER, Role.ADMIN}
        self.is_superuser = self.role == Role.ADMIN
        super().save(*args, **kwargs)
        teachers = Group.objects.filter(name=TEACHERS_GROUP).first()
        if teachers is not None:
            if self.role == Role.TEACHER:
                self.groups.add(teachers)
            else:
                self.groups.remove(teachers)

    def __str__(self) -> str:
        return self.email


class UserSession(models.Model):
    """Our record of a signed-in device. Django's session table cannot be queried by user, and
    people must be able to list and end their sessions."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="sessions")
    session_key = models.CharField(max_length=40, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_seen_at = models.DateTimeField()
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    user_agent = models.CharField(max_length=300, blank=True, default="")

    class Meta:
        indexes = [models.Index(fields=["user", "-last_seen_at"])]

    def __str__(self) -> str:
        return f"{self.user_id} @ {self.ip_address}"
