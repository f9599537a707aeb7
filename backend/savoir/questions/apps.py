from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class QuestionsConfig(AppConfig):
    name = "savoir.questions"
    label = "questions"
    verbose_name = _("Question bank")

    def ready(self) -> None:
        from . import signals  # noqa: F401
