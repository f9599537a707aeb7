"""The app's URLs plus /bench/api/ping: the baseline the benchmarks compare against. It goes
through the same middleware, CSRF check and session authentication, then inserts one row."""

from django.db import connection
from django.http import HttpRequest
from django.urls import path
from ninja import NinjaAPI

from config.urls import urlpatterns as app_urlpatterns
from savoir.accounts.auth import request_user, session_auth

bench_api = NinjaAPI(urls_namespace="bench", docs_url=None, openapi_url=None)


@bench_api.post("/ping", auth=session_auth)
def bench_ping(request: HttpRequest) -> dict[str, int]:
    user = request_user(request)
    with connection.cursor() as cursor:
        cursor.execute("INSERT INTO bench_ping (user_id, at) VALUES (%s, now())", [user.pk])
    return {"ok": 1}


urlpatterns = [path("bench/api/", bench_api.urls), *app_urlpatterns]
