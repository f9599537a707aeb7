"""The quality gate's rules, item by item: the false rejects it must not make and the flaws it
must catch."""

from __future__ import annotations

import pytest

from savoir.generation.llm import GeneratedChoice, GeneratedQuestion
from savoir.questions.quality import check


def _keyed(choices: list[GeneratedChoice]) -> tuple[GeneratedChoice, list[GeneratedChoice]]:
    # The shortest option is the key, so that no test trips the length-cue rule by accident.
    key = min(choices, key=lambda c: len(c.text))
    return key, [c for c in choices if c is not key]


def _item(options: list[str]) -> GeneratedQuestion:
    key, distractors = _keyed(
        [
            GeneratedChoice(
                text=text, explanation="Because of the way it works here.", misconception=None
            )
            for text in options
        ]
    )
    return GeneratedQuestion(
        stem="Which of the following is the best answer for this situation in the company?",
        explanation="The right answer is the one that fits the situation and the objective.",
        correct=key,
        distractors=distractors,
    )


def _french(options: list[str], explanations: list[str] | None = None) -> GeneratedQuestion:
    key, distractors = _keyed(
        [
            GeneratedChoice(text=text, explanation=why, misconception=None)
            for text, why in zip(options, explanations or ["C'est le cas ici."] * 4, strict=True)
        ]
    )
    return GeneratedQuestion(
        stem="Quelle est la meilleure réponse dans cette situation pour l'entreprise ?",
        explanation="La bonne réponse est celle qui correspond à la situation et à l'objectif.",
        correct=key,
        distractors=distractors,
    )


def test_legitimately_related_options_are_not_overlapping():
    item = _item(
        ["Partially known environment", "Known environment", "Unknown environment", "Blind test"]
    )
    assert check(item, language="en", existing_stems=[]) is None


def test_french_opposites_are_not_overlapping():
    item = _french(
        ["Environnement connu", "Environnement inconnu", "Test intégré", "Partiellement connu"]
    )
    assert check(item, language="fr", existing_stems=[]) is None


def test_near_identical_options_are_overlapping():
    item = _item(["Encrypt data at rest", "Encrypts data at rest", "Hash it", "Tokenize it"])
    assert check(item, language="en", existing_stems=[]) == "overlapping_options"


def test_an_option_that_is_most_of_another_is_overlapping():
    item = _item(["Secure Shell", "Secure Shell v2", "TLS 1.3 only", "IPsec VPN"])
    assert check(item, language="en", existing_stems=[]) == "overlapping_options"


def test_les_deux_inside_a_french_sentence_is_not_a_both_option():
    item = _french(
        [
            "Chiffrer les deux sauvegardes avec une clé distincte",
            "Conserver les sauvegardes sur le même site",
            "Désactiver la journalisation des accès",
            "Partager la clé avec le fournisseur",
        ]
    )
    assert check(item, language="fr", existing_stems=[]) is None


@pytest.mark.parametrize(
    ("options", "language"),
    [
        (["All of these", "Secure Shell", "TLS 1.3 only", "IPsec tunnels"], "en"),
        (["None of these", "Secure Shell", "TLS 1.3 only", "IPsec tunnels"], "en"),
        (["Both A and B", "Secure Shell", "TLS 1.3 only", "IPsec tunnels"], "en"),
        (["Toutes ces réponses", "Secure Shell", "TLS 1.3 seulement", "Tunnels IPsec"], "fr"),
        (["Aucune de ces réponses", "Secure Shell", "TLS 1.3 seulement", "Tunnels IPsec"], "fr"),
        (["Les deux", "Secure Shell", "TLS 1.3 seulement", "Tunnels IPsec"], "fr"),
    ],
)
def test_options_that_point_at_the_others_are_caught(options, language):
    item = _item(options) if language == "en" else _french(options)
    assert check(item, language=language, existing_stems=[]) == "all_or_none_of_the_above"


def test_english_options_under_a_french_stem_are_caught():
    item = _french(
        [
            "Chiffrer les sauvegardes",
            "Store the backups on the same site as the servers",
            "Désactiver la journalisation",
            "Partager la clé",
        ]
    )
    assert check(item, language="fr", existing_stems=[]) == "wrong_language"


def test_an_english_explanation_under_a_french_stem_is_caught():
    item = _french(
        ["Chiffrer les sauvegardes", "Un autre site", "La journalisation", "Partager la clé"],
        explanations=[
            "C'est le cas ici.",
            "Ce n'est pas le cas.",
            "Ce n'est pas le cas.",
            "This is wrong because the backups and the servers would be lost in the same fire.",
        ],
    )
    assert check(item, language="fr", existing_stems=[]) == "wrong_language"


def test_short_technical_options_are_not_judged_for_language():
    item = _french(["AES-256", "RC4", "DES", "3DES"])
    assert check(item, language="fr", existing_stems=[]) is None
