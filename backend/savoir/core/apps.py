from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "savoir.core"
    label = "core"
