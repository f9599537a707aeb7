from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from conftest import ApiClient
from savoir.catalog.models import DomainTranslation, SubObjective
from savoir.catalog.services import catalog_import, glossary_import
from savoir.questions.models import Question, Status

pytestmark = pytest.mark.django_db

# One entry at every level, topics included (the shared MINI exam has none), so query counts
# compare one item per level with the full blueprint.
TINY = {
    "format_version": 1,
    "exam": {
        "code": "TINY-1",
        "vendor": "Savoir",
        "name": {"en": "Tiny", "fr": "Minuscule"},
        "max_questions": 10,
        "duration_minutes": 10,
        "passing_score": 70,
        "score_scale": [0, 100],
    },
    "domains": [
        {
            "code": "1.0",
            "weight_percent": 100,
            "title": {"en": "Only", "fr": "Unique"},
            "objectives": [
                {
                    "code": "1.1",
                    "verb": {"en": "Explain", "fr": "Expliquer"},
                    "scenario_based": False,
                    "title": {"en": "Explain things.", "fr": "Expliquer des choses."},
                    "sub_objectives": [
                        {
                            "code": "1.1.1",
                            "title": {"en": "Thing", "fr": "Chose"},
                            "topics": [{"code": "1.1.1.1", "en": "Detail", "fr": "Détail"}],
                        }
                    ],
                }
            ],
        }
    ],
}


TINY_GLOSSARY = {
    "format_version": 1,
    "exam_code": "TINY-1",
    "entries": [
        {
            "acronym": "TLA",
            "expansion_en": "Three-letter acronym",
            "expansion_fr": "Sigle de trois lettres",
            "explanation_en": "An abbreviation made of three initials.",
            "explanation_fr": "Une abréviation faite de trois initiales.",
        }
    ],
}


def _queries(client: ApiClient, url: str) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, response.content
    return len(ctx.captured_queries)


def test_exams_list(api: ApiClient, catalog):
    body = api.get("/api/catalog/exams?lang=fr").json()
    assert body == [
        {
            "id": body[0]["id"],
            "code": "SY0-701",
            "vendor": "CompTIA",
            "name": "CompTIA Security+",
            "nameEn": "CompTIA Security+",
            "fallback": False,
            "objectivesDocumentVersion": "6.0",
            "maxQuestions": 90,
            "durationMinutes": 90,
            "passingScore": 750,
            "scoreMin": 100,
            "scoreMax": 900,
            "domainCount": 5,
        }
    ]


@pytest.mark.parametrize(
    ("lang", "title"),
    [("fr", "Concepts généraux de sécurité"), ("en", "General Security Concepts")],
)
def test_domains_in_both_languages(api: ApiClient, catalog, lang, title):
    body = api.get(f"/api/catalog/domains?examCode=SY0-701&lang={lang}").json()
    assert [(d["code"], d["weightPercent"], d["objectiveCount"]) for d in body] == [
        ("1.0", 12, 4),
        ("2.0", 22, 5),
        ("3.0", 18, 4),
        ("4.0", 28, 9),
        ("5.0", 20, 6),
    ]
    assert body[0]["title"] == title
    assert body[0]["titleEn"] == "General Security Concepts"
    assert body[0]["fallback"] is False


def test_objectives_of_a_domain(api: ApiClient, catalog):
    body = api.get("/api/catalog/objectives?examCode=SY0-701&domainCode=2.0&lang=fr").json()
    assert [o["code"] for o in body] == ["2.1", "2.2", "2.3", "2.4", "2.5"]
    scenario = body[3]
    assert scenario["scenarioBased"] is True
    assert scenario["verbEn"] == "Given a scenario"
    assert scenario["verb"] == "À partir d'un scénario"
    assert scenario["titleEn"] == "Given a scenario, analyze indicators of malicious activity."
    assert scenario["subObjectiveCount"] == 7


def test_sub_objectives_and_topics(api: ApiClient, catalog):
    subs = api.get("/api/catalog/sub-objectives?examCode=SY0-701&objectiveCode=1.2&lang=en").json()
    assert [s["code"] for s in subs] == [f"1.2.{n}" for n in range(1, 8)]
    assert subs[2] == {
        "id": subs[2]["id"],
        "code": "1.2.3",
        "title": "Authentication, Authorization, and Accounting (AAA)",
        "titleEn": "Authentication, Authorization, and Accounting (AAA)",
        "fallback": False,
        "objectiveCode": "1.2",
        "domainCode": "1.0",
        "topicCount": 3,
        "questionCount": 3,
    }
    topics = api.get("/api/catalog/topics?examCode=SY0-701&subObjectiveCode=1.2.3&lang=fr").json()
    assert [t["titleEn"] for t in topics] == [
        "Authenticating people",
        "Authenticating systems",
        "Authorization models",
    ]
    assert all(t["title"] and t["subObjectiveCode"] == "1.2.3" for t in topics)


def test_sub_objective_detail_for_the_study_screen(api: ApiClient, catalog):
    body = api.get("/api/catalog/exams/SY0-701/sub-objectives/2.4.3?lang=fr").json()
    assert body["code"] == "2.4.3"
    assert body["objective"]["code"] == "2.4" and body["objective"]["scenarioBased"] is True
    assert body["domain"] == {**body["domain"], "code": "2.0", "weightPercent": 22}
    assert len(body["topics"]) == SubObjective.objects.get(code="2.4.3").topics.count()


def _tree_counts(api: ApiClient, lang: str) -> dict[str, int]:
    tree = api.get(f"/api/catalog/exams/SY0-701/tree?lang={lang}").json()
    return {
        s["code"]: s["questionCount"]
        for d in tree["domains"]
        for o in d["objectives"]
        for s in o["subObjectives"]
    }


def test_question_counts_are_what_a_learner_can_practise_in_their_language(api: ApiClient):
    """Tree, list, study screen and search agree: questions in the requested language that
    learners may practise (approved or awaiting review), never drafts, rejected or old versions."""
    practisable = Question.objects.filter(status__in=[Status.APPROVED, Status.PENDING_REVIEW])
    for lang in ("fr", "en"):
        expected = {
            s.code: practisable.filter(sub_objective=s, language=lang).count()
            for s in SubObjective.objects.filter(exam__code="SY0-701")
        }
        assert _tree_counts(api, lang) == expected
    # 2.2.12 loses its French questions but one, which goes back to draft: none left in French.
    french = list(practisable.filter(sub_objective__code="2.2.12", language="fr").order_by("pk"))
    english_before = practisable.filter(sub_objective__code="2.2.12", language="en").count()
    assert len(french) > 1 and english_before > 0
    Question.objects.filter(pk__in=[q.pk for q in french[1:]]).update(status=Status.RETIRED)
    Question.objects.filter(pk=french[0].pk).update(status=Status.DRAFT)
    assert _tree_counts(api, "fr")["2.2.12"] == 0
    assert _tree_counts(api, "en")["2.2.12"] == english_before
    listed = api.get("/api/catalog/sub-objectives?examCode=SY0-701&objectiveCode=2.2&lang=fr")
    assert {s["code"]: s["questionCount"] for s in listed.json()}["2.2.12"] == 0
    detail = api.get("/api/catalog/exams/SY0-701/sub-objectives/2.2.12?lang=fr").json()
    assert detail["questionCount"] == 0
    detail_en = api.get("/api/catalog/exams/SY0-701/sub-objectives/2.2.12?lang=en").json()
    assert detail_en["questionCount"] == english_before
    # One pending AI question counts: learners may practise it.
    Question.objects.filter(pk=french[0].pk).update(status=Status.PENDING_REVIEW)
    assert (
        api.get("/api/catalog/exams/SY0-701/sub-objectives/2.2.12?lang=fr").json()["questionCount"]
        == 1
    )


def test_search_hits_say_how_many_questions_their_study_screen_has(api: ApiClient):
    hits = api.get("/api/catalog/search", {"q": "phishing", "lang": "fr"}).json()
    by_kind = {h["kind"]: h for h in hits}
    sub = SubObjective.objects.get(code=by_kind["topic"]["subObjectiveCode"])
    assert (
        by_kind["topic"]["questionCount"]
        == sub.questions.filter(
            language="fr", status__in=[Status.APPROVED, Status.PENDING_REVIEW]
        ).count()
        > 0
    )
    for hit in hits:
        if hit["kind"] in ("domain", "objective"):
            assert hit["questionCount"] is None
        else:
            assert isinstance(hit["questionCount"], int)


def test_missing_translation_falls_back_to_english_and_says_so(api: ApiClient, catalog):
    DomainTranslation.objects.filter(domain__code="3.0", locale="fr").delete()
    body = api.get("/api/catalog/domains?examCode=SY0-701&lang=fr").json()
    third = body[2]
    assert (third["title"], third["fallback"]) == ("Security Architecture", True)
    assert body[0]["fallback"] is False


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("/api/catalog/domains?examCode=SY0-999&lang=fr", "Examen SY0-999 inconnu."),
        ("/api/catalog/objectives?examCode=SY0-701&domainCode=9.0&lang=fr", "Domaine 9.0 inconnu."),
        (
            "/api/catalog/sub-objectives?examCode=SY0-701&objectiveCode=9.9&lang=fr",
            "Objectif 9.9 inconnu.",
        ),
        (
            "/api/catalog/topics?examCode=SY0-701&subObjectiveCode=1.1.9&lang=fr",
            "Sous-objectif 1.1.9 inconnu.",
        ),
        ("/api/catalog/exams/SY0-701/sub-objectives/1.1.9?lang=fr", "Sous-objectif 1.1.9 inconnu."),
        ("/api/catalog/exams/NOPE/tree?lang=fr", "Examen NOPE inconnu."),
    ],
)
def test_unknown_codes_are_404_in_the_envelope(api: ApiClient, catalog, url, message):
    response = api.get(url)
    assert response.status_code == 404
    assert response.json() == {"error": {"code": "not_found", "message": message, "fields": None}}


@pytest.mark.parametrize(
    "url",
    [
        "/api/catalog/domains?examCode=SY0-701&lang=de",
        "/api/catalog/domains?lang=fr",
        "/api/catalog/search?q=&lang=fr",
        "/api/catalog/search?q=" + "x" * 101,
    ],
)
def test_bad_parameters_are_422(api: ApiClient, catalog, url):
    response = api.get(url)
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "validation_error"


def test_tree_is_whole_and_cacheable(api: ApiClient, catalog):
    response = api.get("/api/catalog/exams/SY0-701/tree?lang=fr")
    assert response.status_code == 200
    tree = response.json()
    assert tree["exam"]["code"] == "SY0-701"
    objectives = [o for d in tree["domains"] for o in d["objectives"]]
    subs = [s for o in objectives for s in o["subObjectives"]]
    assert (
        len(tree["domains"]),
        len(objectives),
        len(subs),
        sum(len(s["topics"]) for s in subs),
    ) == (5, 28, 177, 590)
    etag = response["ETag"]
    again = api.get("/api/catalog/exams/SY0-701/tree?lang=fr", HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again.content == b""
    english = api.get("/api/catalog/exams/SY0-701/tree?lang=en", HTTP_IF_NONE_MATCH=etag)
    assert english.status_code == 200 and english["ETag"] != etag
    DomainTranslation.objects.filter(domain__code="1.0", locale="fr").update(title="Changé")
    changed = api.get("/api/catalog/exams/SY0-701/tree?lang=fr", HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200


def test_query_counts_do_not_grow_with_the_catalog(api: ApiClient, catalog):
    catalog_import(data=TINY)
    for template in (
        "/api/catalog/exams/{exam}/tree?lang=fr",
        "/api/catalog/domains?examCode={exam}&lang=fr",
        "/api/catalog/objectives?examCode={exam}&lang=fr",
        "/api/catalog/sub-objectives?examCode={exam}&lang=fr",
        "/api/catalog/topics?examCode={exam}&lang=fr",
        "/api/catalog/exams/{exam}/sub-objectives/1.1.1?lang=fr",
    ):
        small = _queries(api, template.format(exam="TINY-1"))
        large = _queries(api, template.format(exam="SY0-701"))
        assert small == large, template
        assert large <= 12, template
    # Search loads its hits per kind: at most 2 + 3 queries per kind, whatever matches.
    assert _queries(api, "/api/catalog/search?examCode=SY0-701&q=s&lang=fr") <= 2 + 4 * 3


def test_glossary_query_count_does_not_grow_with_the_glossary(api: ApiClient, catalog):
    """One acronym (TINY-1) or the 334 of SY0-701, whole or searched: the same queries."""
    catalog_import(data=TINY)
    glossary_import(data=TINY_GLOSSARY)

    def glossary(exam: str, q: str = "") -> tuple[int, int]:
        with CaptureQueriesContext(connection) as ctx:
            response = api.get("/api/catalog/glossary", {"examCode": exam, "q": q, "lang": "fr"})
        assert response.status_code == 200, response.content
        return len(response.json()), len(ctx.captured_queries)

    glossary("TINY-1")  # a first request may fill a cache: count the ones after it
    small_entries, small = glossary("TINY-1")
    large_entries, large = glossary("SY0-701")
    assert (small_entries, large_entries) == (1, 334)
    assert small == large
    searched_entries, searched = glossary("SY0-701", "chiffrement")
    assert searched_entries > 1
    assert searched == small


@pytest.mark.parametrize(
    ("q", "lang", "expected_code"),
    [
        ("chiffrement", "fr", "1.4.2"),
        ("Chiffrement", "fr", "1.4.2"),
        ("cle publique", "fr", "1.4.1.1"),
        ("CLÉ PUBLIQUE", "en", "1.4.1.1"),
        ("phishing", "fr", "2.2.12.1"),
        ("phishing", "en", "5.6.1"),
        ("hameçonnage", "fr", "2.2.12.1"),
        ("HAMECONNAGE", "fr", "5.6.1"),
        ("zero trust", "en", "1.2.5"),
    ],
)
def test_search_is_case_and_accent_insensitive_in_both_languages(
    api: ApiClient, catalog, q, lang, expected_code
):
    hits = api.get("/api/catalog/search", {"q": q, "lang": lang}).json()
    assert expected_code in [h["code"] for h in hits[:3]], [h["code"] for h in hits]


def test_search_results_are_localized_and_point_to_their_study_page(api: ApiClient, catalog):
    hits = api.get("/api/catalog/search", {"q": "cle publique", "lang": "fr"}).json()
    topic = next(h for h in hits if h["code"] == "1.4.1.1")
    assert topic["kind"] == "topic"
    assert topic["title"] == "Clé publique" and topic["titleEn"] == "Public key"
    assert (topic["domainCode"], topic["objectiveCode"], topic["subObjectiveCode"]) == (
        "1.0",
        "1.4",
        "1.4.1",
    )
    assert topic["contextTitle"] == "Infrastructure à clés publiques (PKI)"


def test_search_ranks_the_closest_title_first(api: ApiClient, catalog):
    hits = api.get("/api/catalog/search", {"q": "encryption", "lang": "en"}).json()
    assert hits[0]["title"] == "Encryption"
    assert len([h for h in hits if h["kind"] != "note"]) <= 20


def test_glossary_search(api: ApiClient, catalog):
    everything = api.get("/api/catalog/glossary?lang=fr").json()
    assert len(everything) == 334
    macs = api.get("/api/catalog/glossary", {"q": "mac", "lang": "fr"}).json()
    assert [m["acronym"] for m in macs[:3]] == ["MAC", "MAC", "MAC"]
    aes = api.get("/api/catalog/glossary", {"q": "AES", "lang": "fr"}).json()[0]
    assert aes["acronym"] == "AES"
    assert aes["expansionEn"] == "Advanced Encryption Standard"
    assert aes["explanation"] and aes["explanation"] != aes["expansionEn"]
    french_words = api.get(
        "/api/catalog/glossary", {"q": "chiffrement symetrique", "lang": "fr"}
    ).json()
    assert "AES" in [e["acronym"] for e in french_words]


def test_the_catalog_is_public_but_rate_limited(catalog):
    client = ApiClient(REMOTE_ADDR="203.0.113.50")
    # A frozen clock keeps all 301 requests in one fixed window.
    with time_machine.travel(dt.datetime(2026, 6, 1, 12, 0, 5, tzinfo=dt.UTC), tick=False):
        for _ in range(300):
            assert client.get("/api/catalog/exams?lang=fr").status_code == 200
        limited = client.get("/api/catalog/exams?lang=fr")
    assert limited.status_code == 429
    assert limited.json()["error"]["code"] == "rate_limited"
    assert limited["Retry-After"] == "55"
    assert (
        ApiClient(REMOTE_ADDR="203.0.113.51").get("/api/catalog/exams?lang=fr").status_code == 200
    )


def test_an_explicit_lang_also_sets_the_error_language(api: ApiClient, catalog):
    response = api.get("/api/catalog/domains?examCode=NOPE&lang=en", HTTP_ACCEPT_LANGUAGE="fr")
    assert response.json()["error"]["message"] == "Unknown exam NOPE."
    response = api.get("/api/catalog/domains?examCode=NOPE&lang=fr", HTTP_ACCEPT_LANGUAGE="en")
    assert response.json()["error"]["message"] == "Examen NOPE inconnu."
