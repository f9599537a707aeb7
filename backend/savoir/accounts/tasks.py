from celery import shared_task

from . import services


@shared_task(queue="mail", autoretry_for=(OSError,), retry_backoff=True, max_retries=3)  # type: ignore[untyped-decorator]  # celery's decorator has no annotations
def password_reset_email_task(email: str, public_url: str) -> None:
    """Thin: the service looks the account up. Safe to run twice: it only sends a link."""
    services.password_reset_email_send(email=email, public_url=public_url)
