from django.db import migrations

from savoir.core.sql import fill_factor


class Migration(migrations.Migration):
    """Every answer rewrites the learner's mastery and totals rows: room on the page keeps those
    updates in place (savoir/core/sql.py, fill_factor)."""

    dependencies = [
        ('progress', '0003_coverage_and_goals'),
    ]

    operations = [
        fill_factor('progress.SubObjectiveMastery', 80),
        fill_factor('progress.LearnerStats', 80),
    ]
