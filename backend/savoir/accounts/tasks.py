from celery import shared_task
from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation

from .models import User


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=3)
def password_reset_email_send(user_id: int, token: str, public_url: str) -> None:
    """Send the reset link in the user's language. Safe to run twice: it only sends a link."""
    user = User.objects.filter(pk=user_id, is_active=True).first()
    if user is None:
        return
    with translation.override(user.language):
        context = {
            "user": user,
            "reset_url": f"{public_url.rstrip('/')}/reset-password?token={token}",
            "hours": settings.PASSWORD_RESET_TIMEOUT // 3600,
        }
        subject = render_to_string("accounts/email/password_reset_subject.txt", context).strip()
        text = render_to_string("accounts/email/password_reset.txt", context)
        html = render_to_string("accounts/email/password_reset.html", context)
    message = EmailMultiAlternatives(subject, text, settings.DEFAULT_FROM_EMAIL, [user.email])
    message.attach_alternative(html, "text/html")
    message.send()
