"""Accounts, end to end, in a real browser at desktop and phone sizes."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, expect

from savoir.accounts.models import User
from savoir.accounts.services import user_create

from .conftest import heading, log_in, set_language

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PASSWORD = "Analytical-Engine-1843!"
NEW_PASSWORD = "Difference-Engine-1822?"


def open_nav(page: Page, name: str) -> None:
    page.get_by_role("navigation").get_by_role("link", name=name, exact=True).click()


def test_register_logout_login_language_profile(page: Page, live_server, shot) -> None:
    email = "ada@example.com"
    page.goto(f"{live_server.url}/")
    # A visitor with no cookie gets French, whatever the browser says.
    expect(heading(page, "Réussissez votre certification en toute confiance")).to_be_visible()
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    shot("home visitor fr")

    page.get_by_role("button", name="English").click()
    expect(heading(page, "Pass your certification with confidence")).to_be_visible()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    shot("home visitor en")

    # Register.
    page.get_by_role("link", name="Create a free account").click()
    expect(heading(page, "Create your account")).to_be_visible()
    page.get_by_label("First name").fill("Ada")
    page.get_by_label("Last name").fill("Lovelace")
    page.get_by_label("E-mail address").fill(email)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_label("Country").select_option("GB")
    shot("register filled")
    page.get_by_role("button", name="Create my account").click()
    expect(heading(page, "Welcome, Ada!")).to_be_visible()
    shot("registered")
    user = User.objects.get(email=email)
    assert (user.first_name, user.last_name, user.country, user.language) == (
        "Ada",
        "Lovelace",
        "GB",
        "en",
    )

    # Log out from the profile page.
    open_nav(page, "Profile")
    expect(heading(page, "Ada Lovelace")).to_be_visible()
    expect(page.get_by_text("This device", exact=True)).to_be_visible()
    shot("profile en")
    page.get_by_role("button", name="Log out").click()
    expect(heading(page, "Pass your certification with confidence")).to_be_visible()
    expect(page.get_by_role("navigation").get_by_role("link", name="Log in")).to_be_visible()
    shot("logged out")

    # Log in again.
    open_nav(page, "Log in")
    expect(heading(page, "Log in")).to_be_visible()
    log_in(page, email, PASSWORD)
    expect(heading(page, "Welcome, Ada!")).to_be_visible()
    shot("logged in")

    # Switch to French: the UI changes, the choice is saved and survives a reload.
    page.get_by_role("button", name="Français").click()
    expect(heading(page, "Bienvenue, Ada\u00a0!")).to_be_visible()
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    expect(page.get_by_role("navigation").get_by_role("link", name="Profil")).to_be_visible()
    shot("switched to fr")
    page.wait_for_load_state("networkidle")
    page.reload()
    expect(heading(page, "Bienvenue, Ada\u00a0!")).to_be_visible()
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    shot("fr after reload")
    user.refresh_from_db()
    assert user.language == "fr"

    # Edit the first name.
    open_nav(page, "Profil")
    expect(heading(page, "Ada Lovelace")).to_be_visible()
    first_name = page.get_by_label("Prénom")
    expect(first_name).to_have_value("Ada")
    first_name.fill("Augusta")
    page.get_by_role("button", name="Enregistrer les modifications").click()
    expect(page.get_by_role("status").get_by_text("Votre profil a été enregistré.")).to_be_visible()
    expect(heading(page, "Augusta Lovelace")).to_be_visible()
    shot("profile saved")
    page.reload()
    expect(page.get_by_label("Prénom")).to_have_value("Augusta")
    user.refresh_from_db()
    assert user.first_name == "Augusta"

    # Log out.
    page.get_by_role("button", name="Se déconnecter").click()
    expect(heading(page, "Réussissez votre certification en toute confiance")).to_be_visible()
    expect(page.get_by_role("navigation").get_by_role("link", name="Connexion")).to_be_visible()
    shot("logged out fr")
    # The session is gone on the server too.
    response = page.request.get(f"{live_server.url}/api/auth/me")
    assert response.status == 401


def test_forgot_and_reset_password(page: Page, live_server, mailoutbox, shot) -> None:
    email = "grace@example.com"
    user_create(
        email=email,
        password=PASSWORD,
        first_name="Grace",
        last_name="Hopper",
        language="en",
    )
    set_language(page.context, "en", live_server.url)

    page.goto(f"{live_server.url}/login")
    expect(heading(page, "Log in")).to_be_visible()
    page.get_by_role("link", name="Forgot your password?").click()
    expect(heading(page, "Forgot your password?")).to_be_visible()
    page.get_by_label("E-mail address").fill(email)
    shot("forgot filled")
    page.get_by_role("button", name="Send the link").click()
    expect(page.get_by_text("Check your inbox")).to_be_visible()
    shot("forgot sent")

    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert message.to == [email]
    match = re.search(r"https?://\S+/reset-password\?token=[\w.\-:]+", message.body)
    assert match, message.body
    link = urlsplit(match.group(0))

    page.goto(f"{live_server.url}{link.path}?{link.query}")
    expect(heading(page, "Choose a new password")).to_be_visible()
    page.get_by_label("New password").fill(NEW_PASSWORD)
    shot("reset filled")
    page.get_by_role("button", name="Save the new password").click()
    expect(page.get_by_text("Password changed")).to_be_visible()
    shot("reset done")

    page.get_by_role("link", name="Log in", exact=True).last.click()
    expect(heading(page, "Log in")).to_be_visible()
    log_in(page, email, NEW_PASSWORD)
    expect(heading(page, "Welcome, Grace!")).to_be_visible()
    shot("logged in with new password")
