"""No password built from the user's own names, and no password change to the same password:
the validator on its own, then through registration, reset and change, in both languages."""

from __future__ import annotations

import re
from types import SimpleNamespace
from typing import Any

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core import mail
from django.core.exceptions import ValidationError

from conftest import PASSWORD, ApiClient
from savoir.accounts.models import User
from savoir.accounts.validators import PersonalInformationValidator, personal_names

pytestmark = pytest.mark.django_db

PERSONAL_EN = (
    "This password is built from your name or your e-mail address. Add words of your own: "
    "digits or symbols alone are not enough."
)
PERSONAL_FR = (
    "Ce mot de passe est construit à partir de votre nom ou de votre adresse courriel. "
    "Ajoutez des mots de votre choix\u00a0: des chiffres ou des symboles seuls ne suffisent pas."
)
SAME_EN = "The new password must be different from the current one."
SAME_FR = "Le nouveau mot de passe doit être différent de l\u2019actuel."

ALEX = SimpleNamespace(first_name="Alex", last_name="Morgan", email="amorgan84@example.com")


def _refused(password: str, person: Any = ALEX) -> bool:
    try:
        PersonalInformationValidator().validate(password, person)
    except ValidationError as error:
        assert [e.code for e in error.error_list] == ["password_personal_information"]
        return True
    return False


# --- The validator ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "password",
    [
        "AlexMorgan2026!",  # the example
        "alexmorgan2026!",  # any case
        "MORGANALEX2026!",  # either order
        "Morgan.Alex-99",  # separators
        "Alex2026!!!",  # one name padded with digits and symbols
        "AMorgan#2026",  # the e-mail's local part, its digits dropped
        "Al3xM0rgan!!",  # leetspeak read back
        "AlexMorganXY1!",  # two letters of one's own are not enough
    ],
)
def test_passwords_built_from_the_names_are_refused(password):
    assert _refused(password)


@pytest.mark.parametrize(
    "password",
    [
        "Analytical-Engine-1843!",  # nothing of the names
        "Alexandria-2026!",  # a name inside a longer word of one's own
        "AlexMorganRocks1!",  # the names and words of one's own
        "Learner-Demo-2026!",
    ],
)
def test_passwords_with_words_of_ones_own_pass(password):
    assert not _refused(password)


def test_accents_compound_names_and_short_names():
    irene = SimpleNamespace(first_name="Irène", last_name="Joliot-Curie", email="ij@example.fr")
    assert _refused("IRENE-2026!", irene)
    assert _refused("Curie.Irene#1", irene)
    assert _refused("JoliotCurie99?", irene)
    # "Li" alone is in too many words to look for; joined to the other name it is found.
    li = SimpleNamespace(first_name="Li", last_name="Wei", email="lw@example.com")
    assert not _refused("Lilium-Garden-7", li)
    assert _refused("LiWei2026!!", li)
    assert _refused("WeiLi2026!!", li)


def test_the_names_looked_for_longest_first():
    assert personal_names(
        first_name="Jean-Pierre", last_name="Dupont", email="jp.dupont+savoir@example.fr"
    ) == [
        "dupontjeanpierre",
        "jeanpierredupont",
        "jeanpierre",
        "jpdupont",
        "dupont",
        "pierre",
        "jean",
    ]


def test_no_user_means_nothing_to_compare():
    PersonalInformationValidator().validate("AlexMorgan2026!", None)


def test_it_is_one_of_the_configured_validators():
    user = User(first_name="Alex", last_name="Morgan", email="alex@example.com")
    with pytest.raises(ValidationError) as error:
        validate_password("AlexMorgan2026!", user)
    assert "password_personal_information" in [e.code for e in error.value.error_list]


# --- Registration, reset and change ------------------------------------------------------------

REGISTRATION = {
    "email": "alex.morgan@example.com",
    "password": "AlexMorgan2026!",
    "firstName": "Alex",
    "lastName": "Morgan",
    "language": "en",
}


@pytest.mark.parametrize(("language", "message"), [("en", PERSONAL_EN), ("fr", PERSONAL_FR)])
def test_registration_refuses_it_in_the_visitors_language(api: ApiClient, language, message):
    response = api.call("POST", "/api/auth/register", REGISTRATION, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 422
    assert response.json()["error"]["fields"] == {"password": [message]}
    assert not User.objects.exists()


def test_registration_with_words_of_ones_own_succeeds(api: ApiClient):
    response = api.call(
        "POST", "/api/auth/register", {**REGISTRATION, "password": "AlexMorganRocks1!"}
    )
    assert response.status_code == 201


def test_a_reset_refuses_it_and_keeps_the_token_usable(api: ApiClient, make_user):
    user = make_user(email="alex.morgan@example.com", first_name="Alex", last_name="Morgan")
    api.call("POST", "/api/auth/password/forgot", {"email": user.email})
    match = re.search(r"token=([\w.\-]+)", str(mail.outbox[0].body))
    assert match
    refused = api.call(
        "POST",
        "/api/auth/password/reset",
        {"token": match.group(1), "newPassword": "morgan.ALEX.2026"},
        HTTP_ACCEPT_LANGUAGE="fr",
    )
    assert refused.status_code == 422
    assert refused.json()["error"]["fields"] == {"newPassword": [PERSONAL_FR]}
    user.refresh_from_db()
    assert user.check_password(PASSWORD)
    accepted = api.call(
        "POST",
        "/api/auth/password/reset",
        {"token": match.group(1), "newPassword": "Difference-Engine-1822?"},
    )
    assert accepted.status_code == 200


def test_a_change_refuses_it(api: ApiClient, make_user):
    user = make_user(email="alex.morgan@example.com", first_name="Alex", last_name="Morgan")
    api.login_as(user.email)
    response = api.call(
        "PUT",
        "/api/users/me/password",
        {"currentPassword": PASSWORD, "newPassword": "Alex-Morgan-2026"},
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 422
    assert response.json()["error"]["fields"] == {"newPassword": [PERSONAL_EN]}
    user.refresh_from_db()
    assert user.check_password(PASSWORD)


@pytest.mark.parametrize(("language", "message"), [("en", SAME_EN), ("fr", SAME_FR)])
def test_a_change_to_the_current_password_is_refused(api: ApiClient, make_user, language, message):
    user = make_user(language=language)
    other_device = ApiClient()
    other_device.login_as(user.email)
    api.login_as(user.email)
    response = api.call(
        "PUT",
        "/api/users/me/password",
        {"currentPassword": PASSWORD, "newPassword": PASSWORD},
    )
    assert response.status_code == 422
    assert response.json()["error"] == {
        "code": "validation_error",
        "message": {"en": "Some fields are invalid.", "fr": "Certains champs ne sont pas valides."}[
            language
        ],
        "fields": {"newPassword": [message]},
    }
    # Nothing happened: the other device is still signed in, the password is the same.
    assert other_device.get("/api/auth/me").status_code == 200
    user.refresh_from_db()
    assert user.check_password(PASSWORD)


def test_the_same_password_is_only_told_after_the_current_one_is_checked(
    logged_in: ApiClient,
):
    """Someone at an unlocked session cannot use the rule to confirm a guess of the password."""
    response = logged_in.call(
        "PUT",
        "/api/users/me/password",
        {"currentPassword": "Guess-Number-1!", "newPassword": "Guess-Number-1!"},
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 422
    assert response.json()["error"]["fields"] == {
        "currentPassword": ["The current password is incorrect."]
    }
