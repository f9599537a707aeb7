from __future__ import annotations

from django.db.models import QuerySet

from savoir.accounts.models import User

from .models import SubObjectiveMastery


def mastery_for_user(*, user: User, exam_code: str) -> QuerySet[SubObjectiveMastery]:
    return (
        SubObjectiveMastery.objects.filter(user=user, sub_objective__exam__code=exam_code)
        .select_related("sub_objective")
        .order_by("sub_objective__code")
    )
