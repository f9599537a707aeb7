from __future__ import annotations

import datetime as dt
import io
import re
import uuid

import pytest
import time_machine
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import override_settings
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart
from django.test.utils import CaptureQueriesContext
from PIL import Image

from conftest import PASSWORD, ApiClient
from savoir.accounts.models import User, UserSession

pytestmark = pytest.mark.django_db


def _image_bytes(kind: str = "PNG", size=(800, 600), exif: bool = False) -> bytes:
    image = Image.new("RGB", size, (200, 30, 30))
    out = io.BytesIO()
    if exif:
        data = Image.Exif()
        data[0x010F] = "SpyCam Inc."  # Make
        data[0x8825] = {2: (48.0, 51.0, 24.0)}  # GPSInfo: latitude
        image.save(out, kind, exif=data)
    else:
        image.save(out, kind)
    return out.getvalue()


def _upload(
    client: ApiClient, content: bytes, name: str = "me.png", content_type: str = "image/png"
):
    # PUT bodies are not encoded for us by the test client; the browser sends this same form.
    body = encode_multipart(
        BOUNDARY, {"file": SimpleUploadedFile(name, content, content_type=content_type)}
    )
    return client.put(
        "/api/users/me/avatar",
        data=body,
        content_type=MULTIPART_CONTENT,
        headers={"X-CSRFToken": client.csrf(), "Accept-Language": "en"},
    )


# --- Profile -------------------------------------------------------------------------------------------


def test_users_me_requires_a_session(api: ApiClient):
    assert api.get("/api/users/me").status_code == 401


def test_patch_me_updates_only_the_given_fields(logged_in: ApiClient, user: User):
    response = logged_in.call(
        "PATCH",
        "/api/users/me",
        {"firstName": "  Augusta ", "country": "gb", "timeZone": "Europe/London"},
    )
    assert response.status_code == 200
    body = response.json()
    assert (body["firstName"], body["lastName"], body["country"], body["timeZone"]) == (
        "Augusta",
        "Lovelace",
        "GB",
        "Europe/London",
    )
    user.refresh_from_db()
    assert (user.first_name, user.country, user.time_zone, user.language) == (
        "Augusta",
        "GB",
        "Europe/London",
        "en",
    )


def test_patch_me_can_clear_the_country(logged_in: ApiClient, user: User):
    logged_in.call("PATCH", "/api/users/me", {"country": "FR"})
    response = logged_in.call("PATCH", "/api/users/me", {"country": None})
    assert response.json()["country"] is None


def test_changing_language_sets_the_language_cookie_and_localizes_errors(logged_in: ApiClient):
    response = logged_in.call("PATCH", "/api/users/me", {"language": "fr"})
    assert response.status_code == 200
    assert response.cookies["savoir_lang"].value == "fr"
    error = logged_in.call(
        "PATCH", "/api/users/me", {"timeZone": "Mars/Olympus"}, HTTP_ACCEPT_LANGUAGE="en"
    )
    assert error.status_code == 422
    assert error.json()["error"]["fields"] == {"timeZone": ["Fuseau horaire inconnu."]}


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"firstName": None}, "firstName"),
        ({"lastName": "X"}, "lastName"),
        ({"language": "es"}, "language"),
        ({"country": "ZZ"}, "country"),
        ({"firstName": "Bad\u0000Name"}, "firstName"),
    ],
)
def test_patch_me_rejects_bad_values(logged_in: ApiClient, user: User, payload, field):
    response = logged_in.call("PATCH", "/api/users/me", payload)
    assert response.status_code == 422
    assert list(response.json()["error"]["fields"]) == [field]
    user.refresh_from_db()
    assert (user.first_name, user.last_name, user.language) == ("Ada", "Lovelace", "en")


# --- Avatar ------------------------------------------------------------------------------------------------


def test_avatar_upload_is_reencoded_under_a_random_name(logged_in: ApiClient, user: User):
    response = _upload(logged_in, _image_bytes("PNG", (1200, 900)))
    assert response.status_code == 200
    url = response.json()["avatarUrl"]
    assert re.fullmatch(r"/media/avatars/[0-9a-f]{32}\.png", url)
    user.refresh_from_db()
    with default_storage.open(user.avatar.name) as stored, Image.open(stored) as image:
        assert image.format == "PNG"
        assert max(image.size) == 512
    served = logged_in.get(url)
    assert served.status_code == 200
    assert served["Content-Type"] == "image/png"


def test_avatar_metadata_is_stripped(logged_in: ApiClient, user: User):
    original = _image_bytes("JPEG", exif=True)
    assert Image.open(io.BytesIO(original)).getexif()  # the upload does carry EXIF
    response = _upload(logged_in, original, "me.jpg", "image/jpeg")
    assert response.status_code == 200
    user.refresh_from_db()
    with default_storage.open(user.avatar.name) as stored, Image.open(stored) as image:
        assert image.format == "JPEG"
        assert dict(image.getexif()) == {}
        assert "exif" not in image.info and "icc_profile" not in image.info


def test_replacing_an_avatar_deletes_the_old_file(logged_in: ApiClient, user: User):
    _upload(logged_in, _image_bytes())
    user.refresh_from_db()
    first = user.avatar.name
    _upload(logged_in, _image_bytes("JPEG"), "b.jpg", "image/jpeg")
    assert not default_storage.exists(first)


def test_avatar_over_5_mb_is_413(logged_in: ApiClient, user: User):
    too_big = _image_bytes() + b"\0" * (5 * 1024 * 1024)
    response = _upload(logged_in, too_big)
    assert response.status_code == 413
    assert response.json()["error"] == {
        "code": "payload_too_large",
        "message": "The image must be 5 MB or smaller.",
        "fields": None,
    }
    user.refresh_from_db()
    assert not user.avatar


@pytest.mark.parametrize(
    ("content", "name"),
    [
        (b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF", "cv.png"),
        (
            b"GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00!\xf9\x04\x00\x00\x00\x00\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;",
            "anim.png",
        ),
        (_image_bytes()[:200], "truncated.png"),
        (b"", "empty.png"),
    ],
)
def test_avatar_that_is_not_really_a_jpg_or_png_is_422(
    logged_in: ApiClient, user: User, content, name
):
    response = _upload(logged_in, content, name)
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "invalid_image"
    user.refresh_from_db()
    assert not user.avatar


def test_a_png_beyond_what_an_avatar_needs_is_refused_before_decoding(
    logged_in: ApiClient, user: User, monkeypatch
):
    # 4097 x 4097: one row over the PNG cap; a flat image compresses to a few kilobytes.
    big = io.BytesIO()
    Image.new("L", (4097, 4097)).save(big, "PNG")
    decoded: list[Image.Image] = []

    def spy(self: Image.Image) -> None:
        decoded.append(self)

    monkeypatch.setattr(Image.Image, "load", spy)
    response = _upload(logged_in, big.getvalue())
    assert response.status_code == 422
    assert response.json()["error"] == {
        "code": "invalid_image",
        "message": "The image dimensions are too large (at most 16 megapixels).",
        "fields": None,
    }
    assert decoded == []  # refused from the header alone
    user.refresh_from_db()
    assert not user.avatar


def test_a_large_jpeg_is_decoded_at_reduced_size(logged_in: ApiClient, user: User, monkeypatch):
    photo = _image_bytes("JPEG", (6000, 4000))
    decoded_sizes = []
    load = Image.Image.load

    def spy(self):
        decoded_sizes.append(self.size)
        return load(self)

    monkeypatch.setattr(Image.Image, "load", spy)
    response = _upload(logged_in, photo, "photo.jpg", "image/jpeg")
    assert response.status_code == 200
    # Decoded at 1/8 scale (750 x 500), never at 6000 x 4000.
    assert decoded_sizes and max(w * h for w, h in decoded_sizes) == 750 * 500
    user.refresh_from_db()
    with default_storage.open(user.avatar.name) as stored, Image.open(stored) as image:
        assert image.size == (512, 341)


def test_avatar_uploads_are_limited_per_user(logged_in: ApiClient, user: User):
    small = _image_bytes("PNG", (40, 40))
    for _ in range(20):
        assert _upload(logged_in, small).status_code == 200
    response = _upload(logged_in, small)
    assert response.status_code == 429
    assert response.json()["error"]["code"] == "rate_limited"
    assert 1 <= int(response["Retry-After"]) <= 3601


def test_avatar_decodes_wait_for_a_free_slot_then_give_up_with_503(
    logged_in: ApiClient, user: User, monkeypatch
):
    from savoir.accounts import services

    monkeypatch.setattr(services, "AVATAR_DECODE_WAIT_SECONDS", 0.05)
    slots = [services._avatar_decodes.acquire(blocking=False) for _ in range(2)]
    assert slots == [True, True]  # both decode slots busy, as with two large uploads in flight
    try:
        response = _upload(logged_in, _image_bytes())
    finally:
        services._avatar_decodes.release()
        services._avatar_decodes.release()
    assert response.status_code == 503
    assert response.json()["error"] == {
        "code": "service_unavailable",
        "message": "Many images are being processed. Try again in a moment.",
        "fields": None,
    }
    assert _upload(logged_in, _image_bytes()).status_code == 200


def test_avatar_can_be_removed(logged_in: ApiClient, user: User):
    _upload(logged_in, _image_bytes())
    user.refresh_from_db()
    name = user.avatar.name
    response = logged_in.call("DELETE", "/api/users/me/avatar")
    assert response.status_code == 200
    assert response.json()["avatarUrl"] is None
    assert not default_storage.exists(name)


def test_avatar_needs_a_file(logged_in: ApiClient):
    response = logged_in.put(
        "/api/users/me/avatar",
        data=encode_multipart(BOUNDARY, {}),
        content_type=MULTIPART_CONTENT,
        headers={"X-CSRFToken": logged_in.csrf()},
    )
    assert response.status_code == 422


# --- Password change -----------------------------------------------------------------------------------


def test_password_change_checks_the_current_password(logged_in: ApiClient, user: User):
    response = logged_in.call(
        "PUT",
        "/api/users/me/password",
        {"currentPassword": "Wrong-Pass-1", "newPassword": "Next-Pass-99"},
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 422
    assert response.json()["error"]["fields"] == {
        "currentPassword": ["The current password is incorrect."]
    }
    user.refresh_from_db()
    assert user.check_password(PASSWORD)


def test_password_change_ends_the_other_sessions_only(logged_in: ApiClient, user: User):
    other = ApiClient()
    other.login_as(user.email)
    response = logged_in.call(
        "PUT",
        "/api/users/me/password",
        {"currentPassword": PASSWORD, "newPassword": "Next-Pass-99"},
    )
    assert response.status_code == 204
    assert logged_in.get("/api/auth/me").status_code == 200
    assert other.get("/api/auth/me").status_code == 401
    sessions = logged_in.get("/api/users/me/sessions").json()
    assert [s["current"] for s in sessions] == [True]
    assert UserSession.objects.filter(user=user).count() == 1
    assert ApiClient().login_as(user.email, "Next-Pass-99").status_code == 200


def test_password_change_rejects_a_weak_new_password(logged_in: ApiClient):
    response = logged_in.call(
        "PUT", "/api/users/me/password", {"currentPassword": PASSWORD, "newPassword": "short"}
    )
    assert response.status_code == 422
    assert "newPassword" in response.json()["error"]["fields"]


# --- Sessions ---------------------------------------------------------------------------------------------


def test_sessions_are_listed_with_the_current_one_marked(user: User):
    phone = ApiClient(HTTP_USER_AGENT="Mozilla/5.0 (iPhone)", REMOTE_ADDR="192.0.2.10")
    laptop = ApiClient(HTTP_USER_AGENT="Mozilla/5.0 (X11; Linux)", REMOTE_ADDR="192.0.2.20")
    phone.login_as(user.email)
    laptop.login_as(user.email)
    sessions = laptop.get("/api/users/me/sessions").json()
    assert len(sessions) == 2
    by_agent = {s["userAgent"]: s for s in sessions}
    assert by_agent["Mozilla/5.0 (X11; Linux)"]["current"] is True
    assert by_agent["Mozilla/5.0 (X11; Linux)"]["ipAddress"] == "192.0.2.20"
    assert by_agent["Mozilla/5.0 (iPhone)"]["current"] is False
    assert set(sessions[0]) == {
        "id",
        "createdAt",
        "lastSeenAt",
        "ipAddress",
        "userAgent",
        "current",
    }


def test_ending_another_device_signs_it_out(user: User):
    phone, laptop = ApiClient(), ApiClient()
    phone.login_as(user.email)
    laptop.login_as(user.email)
    phone_id = next(
        s["id"] for s in laptop.get("/api/users/me/sessions").json() if not s["current"]
    )
    assert laptop.call("DELETE", f"/api/users/me/sessions/{phone_id}").status_code == 204
    assert phone.get("/api/auth/me").status_code == 401
    assert laptop.get("/api/auth/me").status_code == 200


def test_ending_the_current_session_signs_out(logged_in: ApiClient):
    current = logged_in.get("/api/users/me/sessions").json()[0]["id"]
    assert logged_in.call("DELETE", f"/api/users/me/sessions/{current}").status_code == 204
    assert logged_in.get("/api/auth/me").status_code == 401


def test_another_users_session_id_is_404(make_user):
    alice, bob = make_user(email="alice@example.com"), make_user(email="bob@example.com")
    a, b = ApiClient(), ApiClient()
    a.login_as(alice.email)
    b.login_as(bob.email)
    bobs = b.get("/api/users/me/sessions").json()[0]["id"]
    response = a.call("DELETE", f"/api/users/me/sessions/{bobs}")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"
    assert b.get("/api/auth/me").status_code == 200
    assert a.call("DELETE", f"/api/users/me/sessions/{uuid.uuid4()}").status_code == 404
    assert a.call("DELETE", "/api/users/me/sessions/not-a-uuid").status_code == 422


def test_sessions_are_private(make_user):
    alice, bob = make_user(email="alice@example.com"), make_user(email="bob@example.com")
    a, b = ApiClient(), ApiClient()
    a.login_as(alice.email)
    b.login_as(bob.email)
    ids_a = {s["id"] for s in a.get("/api/users/me/sessions").json()}
    ids_b = {s["id"] for s in b.get("/api/users/me/sessions").json()}
    assert len(ids_a) == len(ids_b) == 1 and not ids_a & ids_b


def test_sessions_list_query_count_does_not_grow_with_the_devices(user: User):
    """One signed-in device or twenty: the same queries."""
    devices = [
        ApiClient(HTTP_USER_AGENT=f"Device {n}", REMOTE_ADDR=f"192.0.2.{n + 1}") for n in range(20)
    ]

    def listed() -> tuple[int, int]:
        with CaptureQueriesContext(connection) as ctx:
            response = devices[0].get("/api/users/me/sessions")
        assert response.status_code == 200, response.content
        return len(response.json()), len(ctx.captured_queries)

    # A stopped clock: "last seen" is refreshed every few minutes, never between two counts.
    with time_machine.travel(dt.datetime(2026, 6, 1, 12, 0, tzinfo=dt.UTC), tick=False):
        devices[0].login_as(user.email)
        listed()  # a first request may fill a cache: count the ones after it
        one = listed()
        for device in devices[1:]:
            device.login_as(user.email)
        many = listed()
    assert (one[0], many[0]) == (1, 20)
    assert many[1] == one[1]


@override_settings(
    PASSWORD_HASHERS=[
        "django.contrib.auth.hashers.Argon2PasswordHasher",
        "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    ]
)
def test_passwords_are_hashed_with_argon2id(api: ApiClient):
    api.call(
        "POST",
        "/api/auth/register",
        {
            "email": "argon@example.com",
            "password": "Memory-Hard-19",
            "firstName": "Ar",
            "lastName": "Gon",
            "language": "fr",
        },
    )
    stored = User.objects.get(email="argon@example.com").password
    assert stored.startswith("argon2$argon2id$")
    params = dict(p.split("=") for p in stored.split("$")[3].split(","))
    assert int(params["m"]) >= 19 * 1024 and int(params["t"]) >= 2
