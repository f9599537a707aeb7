from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgressConfig(AppConfig):
    name = "savoir.progress"
    label = "progress"
    verbose_name = _("Progress")

    def ready(self) -> None:
        from savoir.practice.answer_sql import answer_rollup_register

        from .services import AnswerRollups

        answer_rollup_register(AnswerRollups())
