from django.http import HttpRequest
from ninja import Router, Schema, Status

router = Router(tags=["health"], by_alias=True)


class HealthOut(Schema):
    status: str
    database: str
    cache: str


@router.get("/health", response={200: HealthOut, 503: HealthOut}, operation_id="health_get")
def health_get(request: HttpRequest) -> Status[dict[str, str]]:
    from .selectors import health_status

    checks = health_status()
    # Both are required: without the cache, sign-in and generation refuse to work (fail closed).
    if "unavailable" in checks.values():
        return Status(503, {"status": "unavailable", **checks})
    return Status(200, {"status": "ok", **checks})
