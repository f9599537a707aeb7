"""Django admin's sign-in, held to the same rules as the API's: the per-address limit, the
account+address cool-off and the audit log (docs/security.md)."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.contrib.admin.forms import AdminAuthenticationForm
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse

from savoir.core.errors import RateLimited, ServiceUnavailable

from . import services


class AdminLoginForm(AdminAuthenticationForm):
    refusal: RateLimited | ServiceUnavailable | None = None

    def clean(self) -> dict[str, Any]:
        request = self.request
        assert request is not None  # the admin's login view always passes it
        email = (self.cleaned_data.get("username") or "").strip().lower()
        try:
            services.login_guard(request=request, email=email, channel="admin")
        except (RateLimited, ServiceUnavailable) as refusal:
            self.refusal = refusal
            raise ValidationError(str(refusal.message), code=refusal.code) from None
        try:
            cleaned = super().clean()
        except ValidationError:
            # A wrong password, and also a right one for an account that may not use the admin.
            services.login_failure_record(request=request, email=email, channel="admin")
            raise
        user = self.get_user()
        services.login_success_record(request=request, email=email, user=user, channel="admin")
        return cleaned


class SavoirAdminSite(admin.AdminSite):
    site_header = "Savoir"
    site_title = "Savoir"
    login_form = AdminLoginForm

    def login(
        self, request: HttpRequest, extra_context: dict[str, Any] | None = None
    ) -> HttpResponse:
        response = super().login(request, extra_context)
        form = (getattr(response, "context_data", None) or {}).get("form")
        refusal = getattr(form, "refusal", None)
        if refusal is not None:
            # The same status and headers as the API, for clients and monitoring alike.
            response.status_code = refusal.status
            for name, value in refusal.headers.items():
                response[name] = value
        return response
