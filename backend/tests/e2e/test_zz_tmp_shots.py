import pytest
from django.core.management import call_command
from playwright.sync_api import Page, expect

from savoir.accounts.services import user_create
from tests.e2e.test_practice_e2e import PASSWORD, log_in, stem_on_screen, wrong_choice

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

T = {
    "fr": dict(labels=("Adresse e-mail", "Mot de passe", "Se connecter"), practise="S\u2019entraîner",
               submit="Valider ma réponse", report="Signaler cette question", finish="Terminer",
               back="Retour à la fiche d\u2019étude", wrong="Mauvaise réponse"),
    "en": dict(labels=("E-mail address", "Password", "Log in"), practise="Practise",
               submit="Submit my answer", report="Report this question", finish="Finish",
               back="Back to the study screen", wrong="Incorrect"),
}


@pytest.mark.parametrize("viewport,lang", [("phone", "en"), ("desktop", "fr")], indirect=["viewport"])
def test_shots(transactional_db, page: Page, live_server, shot, lang) -> None:
    call_command("load_content", verbosity=0)
    t = T[lang]
    user_create(email="s@example.com", password=PASSWORD, first_name="S", last_name="T", language=lang)
    page.context.add_cookies([{"name": "savoir_lang", "value": lang, "url": live_server.url}])
    page.goto(f"{live_server.url}/login?next=/catalog/SY0-701/1.1/1.1.2")
    log_in(page, "s@example.com", labels=t["labels"])
    page.get_by_role("link", name=t["practise"], exact=True).click()
    expect(page.locator(".question__stem")).to_be_visible()
    page.wait_for_timeout(6500)  # let the login toast go
    shot(f"{lang} question")
    stem = stem_on_screen(page)
    page.get_by_role("radio", name=wrong_choice(stem), exact=True).check()
    shot(f"{lang} selected")
    page.get_by_role("button", name=t["submit"]).click()
    expect(page.get_by_role("heading", level=2, name=t["wrong"])).to_be_visible()
    shot(f"{lang} feedback wrong")
    page.get_by_role("button", name=t["report"]).click()
    shot(f"{lang} report dialog")
    page.keyboard.press("Escape")
    page.get_by_role("button", name=t["finish"]).click()
    expect(page.locator(".summary")).to_be_visible()
    shot(f"{lang} summary")
    page.get_by_role("link", name=t["back"]).click()
    expect(page.get_by_role("link", name=t["practise"], exact=True)).to_be_visible()
    page.wait_for_timeout(500)
    shot(f"{lang} study mastery")
    page.goto(f"{live_server.url}/catalog/SY0-701/1.1")
    page.wait_for_timeout(800)
    shot(f"{lang} objective mastery")
    page.goto(f"{live_server.url}/practice")
    page.wait_for_timeout(800)
    shot(f"{lang} practice home")
