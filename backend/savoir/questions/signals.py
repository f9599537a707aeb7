from typing import Any

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from savoir.catalog.services import catalog_revision_publish

from .models import Choice, Question
from .selectors import question_cache_invalidate


@receiver([post_save, post_delete], sender=Question, dispatch_uid="questions_cache_question")
def _question_changed(sender: Any, instance: Question, **kwargs: Any) -> None:
    # This process at once; the others when they see the new revision (within a second).
    question_cache_invalidate(instance.pk)
    catalog_revision_publish()


@receiver([post_save, post_delete], sender=Choice, dispatch_uid="questions_cache_choice")
def _choice_changed(sender: Any, instance: Choice, **kwargs: Any) -> None:
    question_cache_invalidate(instance.question_id)
    catalog_revision_publish()
