from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GenerationConfig(AppConfig):
    name = "savoir.generation"
    label = "generation"
    verbose_name = _("AI generation")
