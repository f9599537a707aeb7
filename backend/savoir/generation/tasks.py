from celery import shared_task

from .services import run_execute


@shared_task(queue="generation", acks_late=True)  # type: ignore[untyped-decorator]  # celery's decorator has no annotations
def generation_run_task(run_id: str) -> None:
    """Thin: the service claims the run, so a redelivered task does nothing twice."""
    run_execute(run_id=run_id)
