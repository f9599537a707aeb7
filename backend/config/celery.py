"""The Celery application. Workers only start when CELERY_BROKER_URL is set (production)."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

app = Celery("savoir")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
