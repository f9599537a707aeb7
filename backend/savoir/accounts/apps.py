from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    default = True
    name = "savoir.accounts"
    label = "accounts"
    verbose_name = _("Accounts")

    def ready(self) -> None:
        from . import signals  # noqa: F401


class SavoirAdminConfig(admin_apps.AdminConfig):
    """Django admin with Savoir's throttled sign-in (admin_site.py)."""

    default = False
    default_site = "savoir.accounts.admin_site.SavoirAdminSite"
