"""Accounts, end to end, in a real browser at desktop and phone sizes."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, expect

from savoir.accounts.models import User
from savoir.accounts.services import user_create

from .conftest import VIEWPORTS, Shots, heading, log_in, new_context, set_language

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PASSWORD = "Analytical-Engine-1843!"
NEW_PASSWORD = "Difference-Engine-1822?"


def open_nav(page: Page, name: str) -> None:
    page.get_by_role("navigation").get_by_role("link", name=name, exact=True).click()


def test_register_logout_login_language_profile(page: Page, live_server, shot) -> None:
    email = "ada@example.com"
    page.goto(f"{live_server.url}/")
    # A first visit follows the browser, which prefers French here (see new_context).
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


# --- First visit: the browser's language, until the visitor picks one --------------------------

FIRST_VISIT = {
    # locale (navigator.languages and Accept-Language): language, home heading, the other button
    "en-US": ("en", "Pass your certification with confidence", "Français"),
    "fr-FR": ("fr", "Réussissez votre certification en toute confiance", "English"),
}
HOME_HEADING = {language: title for language, title, _other in FIRST_VISIT.values()}


@pytest.mark.parametrize("locale", list(FIRST_VISIT))
def test_a_first_visit_speaks_the_browsers_language_until_one_is_picked(
    browser, live_server, viewport: str, locale: str
) -> None:
    language, title, other_button = FIRST_VISIT[locale]
    other = "fr" if language == "en" else "en"
    context = new_context(browser, viewport, locale=locale)
    try:
        page = context.new_page()
        response = page.goto(f"{live_server.url}/")
        assert response is not None
        # The server's page already says it, before any script runs.
        assert f'<html lang="{language}" data-language="{language}"' in response.text()
        expect(heading(page, title)).to_be_visible()
        expect(page.locator("html")).to_have_attribute("lang", language)
        assert "savoir_lang" not in {cookie["name"] for cookie in context.cookies()}
        Shots(page, f"first_visit-{locale}-{viewport}")("first visit")

        # The visitor picks the other language: it wins over the browser from now on.
        page.get_by_role("button", name=other_button).click()
        expect(heading(page, HOME_HEADING[other])).to_be_visible()
        page.goto(f"{live_server.url}/login")
        expect(page.locator("html")).to_have_attribute("lang", other)
        response = page.reload()
        assert response is not None
        assert f'<html lang="{other}" data-language="{other}"' in response.text()
        expect(heading(page, {"en": "Log in", "fr": "Connexion"}[other])).to_be_visible()
    finally:
        context.close()


def test_an_english_browser_registers_in_english(browser, live_server) -> None:
    """The language of the screen on a first visit is the one saved on the new account."""
    context = new_context(browser, "desktop", locale="en-GB")
    try:
        page = context.new_page()
        page.goto(f"{live_server.url}/register")
        expect(heading(page, "Create your account")).to_be_visible()
        page.get_by_label("First name").fill("Mary")
        page.get_by_label("Last name").fill("Somerville")
        page.get_by_label("E-mail address").fill("mary@example.com")
        page.get_by_label("Password", exact=True).fill(PASSWORD)
        page.get_by_role("button", name="Create my account").click()
        expect(heading(page, "Welcome, Mary!")).to_be_visible()
        assert User.objects.get(email="mary@example.com").language == "en"
    finally:
        context.close()


# --- Passwords built from one's own names --------------------------------------------------------


def test_registration_refuses_a_password_built_from_the_names(page: Page, live_server) -> None:
    page.goto(f"{live_server.url}/register")
    expect(heading(page, "Créez votre compte")).to_be_visible()
    page.get_by_label("Prénom").fill("Alex")
    page.get_by_label("Nom", exact=True).fill("Morgan")
    page.get_by_label("Adresse e-mail").fill("alex.morgan@example.com")
    password = page.get_by_label("Mot de passe", exact=True)
    password.fill("AlexMorgan2026!")
    rule = page.locator('[data-rule="notPersonal"]')
    expect(rule).to_have_attribute("data-met", "false")
    expect(rule).to_contain_text("Autre chose que vos prénom, nom ou adresse courriel")
    page.get_by_role("button", name="Créer mon compte").click()
    expect(
        page.get_by_text("Ce mot de passe est construit à partir de votre nom", exact=False)
    ).to_be_visible()
    expect(password).to_be_focused()
    assert not User.objects.exists()

    password.fill("Morgan-Tea-Garden-7")
    expect(rule).to_have_attribute("data-met", "true")
    page.get_by_role("button", name="Créer mon compte").click()
    expect(heading(page, "Bienvenue, Alex\u00a0!")).to_be_visible()


# --- The URL after signing in and registering ------------------------------------------------


def _location(page: Page) -> str:
    """The address as the page itself sees it (Playwright's page.url can lag a moment behind)."""
    path: str = page.evaluate("location.pathname + location.search")
    return path


def test_the_url_is_the_page_shown_after_sign_in_and_registration(
    page: Page, live_server, viewport: str, shot
) -> None:
    user_create(
        email="grace@example.com",
        password=PASSWORD,
        first_name="Grace",
        last_name="Hopper",
        language="en",
    )
    set_language(page.context, "en", live_server.url)

    # Signing in from a protected page: back to it, at its own address.
    page.goto(f"{live_server.url}/profile")
    expect(heading(page, "Log in")).to_be_visible()
    expect(page).to_have_url(f"{live_server.url}/login?next=%2Fprofile")
    log_in(page, "grace@example.com", PASSWORD)
    expect(heading(page, "Grace Hopper")).to_be_visible()
    expect(page).to_have_url(f"{live_server.url}/profile")
    assert _location(page) == "/profile"
    expect(page).to_have_title("Profile · Savoir")
    shot("signed in, back on the profile")

    # Signing in from the sign-in page: the home page, at "/".
    page.goto(f"{live_server.url}/profile")
    page.get_by_role("button", name="Log out").click()
    expect(heading(page, "Pass your certification with confidence")).to_be_visible()
    page.get_by_role("navigation").get_by_role("link", name="Log in").click()
    expect(page).to_have_url(f"{live_server.url}/login")
    log_in(page, "grace@example.com", PASSWORD)
    expect(heading(page, "Welcome, Grace!")).to_be_visible()
    expect(page).to_have_url(f"{live_server.url}/")
    assert _location(page) == "/"
    expect(page).to_have_title("Home · Savoir")

    # Registering: the home page, at "/"; with a page to come back to, that page.
    page.goto(f"{live_server.url}/profile")
    page.get_by_role("button", name="Log out").click()
    expect(heading(page, "Pass your certification with confidence")).to_be_visible()
    page.goto(f"{live_server.url}/register?next=%2Fprofile")
    page.get_by_label("First name").fill("Ada")
    page.get_by_label("Last name").fill("Lovelace")
    page.get_by_label("E-mail address").fill("ada@example.com")
    page.get_by_label("Password", exact=True).fill(NEW_PASSWORD)
    page.get_by_role("button", name="Create my account").click()
    expect(heading(page, "Ada Lovelace")).to_be_visible()
    expect(page).to_have_url(f"{live_server.url}/profile")
    assert _location(page) == "/profile"
    shot("registered, on the page asked for")

    page.get_by_role("button", name="Log out").click()
    expect(heading(page, "Pass your certification with confidence")).to_be_visible()
    page.get_by_role("navigation").get_by_role("link", name="Sign up").click()
    page.get_by_label("First name").fill("Mary")
    page.get_by_label("Last name").fill("Somerville")
    page.get_by_label("E-mail address").fill("mary@example.com")
    page.get_by_label("Password", exact=True).fill(NEW_PASSWORD)
    page.get_by_role("button", name="Create my account").click()
    expect(heading(page, "Welcome, Mary!")).to_be_visible()
    expect(page).to_have_url(f"{live_server.url}/")
    assert _location(page) == "/"


# --- Signing out from the app's menu ----------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "title"), [("/", "Bienvenue, Irène\u00a0!"), ("/profile", "Irène Joliot")]
)
def test_log_out_from_the_menu_on_any_page(
    page: Page, live_server, viewport: str, shot, path: str, title: str
) -> None:
    user_create(
        email="irene@example.com",
        password=PASSWORD,
        first_name="Irène",
        last_name="Joliot",
        language="fr",
    )
    page.goto(f"{live_server.url}/login?next={path}")
    log_in(page, "irene@example.com", PASSWORD, language="fr")
    expect(heading(page, title)).to_be_visible()

    menu = page.get_by_role("button", name="Irène, menu du compte")
    expect(menu).to_be_visible()
    expect(menu).to_have_attribute("aria-expanded", "false")
    menu.click()
    expect(menu).to_have_attribute("aria-expanded", "true")
    # The menu's own entries (the profile page has a log-out button of its own at its bottom).
    account_menu = page.locator("[data-account-menu]")
    expect(account_menu.get_by_text("irene@example.com")).to_be_visible()
    shot("menu open")
    sign_out = account_menu.get_by_role("button", name="Se déconnecter")
    expect(sign_out).to_be_visible()
    # Reachable on a phone: inside the screen, not under the bottom bar.
    box = sign_out.bounding_box()
    assert box is not None
    assert box["y"] >= 0 and box["y"] + box["height"] <= VIEWPORTS[viewport]["height"] - 80
    sign_out.click()

    expect(heading(page, "Réussissez votre certification en toute confiance")).to_be_visible()
    expect(page).to_have_url(f"{live_server.url}/")
    expect(page.get_by_role("status").get_by_text("Vous êtes déconnecté.")).to_be_visible()
    expect(page.get_by_role("navigation").get_by_role("link", name="Connexion")).to_be_visible()
    expect(page.get_by_role("button", name=re.compile("menu du compte"))).to_have_count(0)
    shot("logged out")
    assert page.request.get(f"{live_server.url}/api/auth/me").status == 401
