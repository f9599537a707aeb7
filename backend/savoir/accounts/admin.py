from typing import TYPE_CHECKING

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.forms import BaseUserCreationForm, UserChangeForm
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from .models import User, UserSession

# django-stubs makes these classes generic, Django does not: subscript them for mypy only.
if TYPE_CHECKING:
    _UserCreateFormBase = BaseUserCreationForm[User]
    _UserEditFormBase = UserChangeForm[User]
    _UserAdminBase = DjangoUserAdmin[User]
    _UserSessionAdminBase = admin.ModelAdmin[UserSession]
else:
    _UserCreateFormBase = BaseUserCreationForm
    _UserEditFormBase = UserChangeForm
    _UserAdminBase = DjangoUserAdmin
    _UserSessionAdminBase = admin.ModelAdmin


class UserCreateForm(_UserCreateFormBase):
    class Meta:
        model = User
        fields = ("email", "first_name", "last_name", "role")


class UserEditForm(_UserEditFormBase):
    class Meta:
        model = User
        fields = "__all__"


@admin.register(User)
class UserAdmin(_UserAdminBase):
    form = UserEditForm
    add_form = UserCreateForm
    ordering = ("email",)
    list_display = (
        "email",
        "first_name",
        "last_name",
        "role",
        "language",
        "is_active",
        "date_joined",
    )
    list_filter = ("role", "language", "is_active")
    search_fields = ("email", "first_name", "last_name")
    readonly_fields = ("last_login", "date_joined", "is_staff", "is_superuser")
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        (
            _("Profile"),
            {"fields": ("first_name", "last_name", "country", "language", "time_zone", "avatar")},
        ),
        (_("Access"), {"fields": ("role", "is_active", "is_staff", "is_superuser", "groups")}),
        (_("Dates"), {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = (
        (
            None,
            {
                "classes": ("wide",),
                "fields": ("email", "first_name", "last_name", "role", "password1", "password2"),
            },
        ),
    )


@admin.register(UserSession)
class UserSessionAdmin(_UserSessionAdminBase):
    list_display = ("user", "ip_address", "created_at", "last_seen_at")
    search_fields = ("user__email", "ip_address")
    readonly_fields = (
        "user",
        "session_key",
        "created_at",
        "last_seen_at",
        "ip_address",
        "user_agent",
    )
    exclude = ("session_key",)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False
