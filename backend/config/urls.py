from django.conf import settings
from django.contrib import admin
from django.urls import path, re_path
from django.views.static import serve

from savoir.core.views import api_not_found, spa_index

from .api import api

urlpatterns = [
    path("api/", api.urls),
    re_path(r"^api/(?P<path>.*)$", api_not_found),
    path("admin/", admin.site.urls),
    # User uploads (avatars). Behind a CDN or reverse proxy in large deployments; see docs/operations.md.
    re_path(
        r"^media/(?P<path>avatars/[0-9a-f]{32}\.(?:jpg|png))$",
        serve,
        {"document_root": settings.MEDIA_ROOT},
    ),
    # Everything else is a client-side route of the SPA.
    re_path(r"^(?!api/|admin/|static/|media/)(?P<path>.*)$", spa_index),
]

handler400 = "savoir.core.views.bad_request"
handler500 = "savoir.core.views.server_error"
