"""The quality gate every generated question passes before anything is stored.

Rule checks come first (ai-generation.md: they catch most item-writing flaws), then language,
then near-duplicates of the sub-objective's bank. Each rule returns a reason code, or None."""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from savoir.core.text import fold

from .llm import GeneratedQuestion

MAX_STEM = 1200
MAX_OPTION = 300
MAX_EXPLANATION = 1500
KEY_LENGTH_RATIO = 1.3
DUPLICATE_SIMILARITY = 0.85
OPTION_SIMILARITY = 0.9

_ALL_NONE = re.compile(
    r"\b(all|none|both|neither) of the (above|options|answers)\b|\btoutes? les (réponses|propositions) "
    r"(ci-dessus|précédentes)\b|\baucune des (réponses|propositions)\b|\bles deux\b",
    re.IGNORECASE,
)
_STOPWORDS = {
    "en": {
        "the",
        "and",
        "of",
        "to",
        "is",
        "which",
        "what",
        "a",
        "an",
        "in",
        "that",
        "for",
        "with",
        "this",
        "are",
        "it",
        "be",
        "by",
    },
    "fr": {
        "le",
        "la",
        "les",
        "des",
        "et",
        "est",
        "une",
        "un",
        "du",
        "que",
        "qui",
        "pour",
        "dans",
        "sur",
        "au",
        "aux",
        "ce",
        "cette",
        "quel",
        "quelle",
    },
}


def _options(item: GeneratedQuestion) -> list[str]:
    return [item.correct.text, *(d.text for d in item.distractors)]


def rule_shape(item: GeneratedQuestion) -> str | None:
    if len(item.distractors) != 3:
        return "wrong_choice_count"
    texts = [item.stem, item.explanation, *_options(item)]
    if any(not t.strip() for t in texts) or any(
        not c.explanation.strip() for c in [item.correct, *item.distractors]
    ):
        return "empty_text"
    if len(item.stem) > MAX_STEM or any(len(o) > MAX_OPTION for o in _options(item)):
        return "too_long"
    if (
        any(len(c.explanation) > MAX_EXPLANATION for c in [item.correct, *item.distractors])
        or len(item.explanation) > MAX_EXPLANATION
    ):
        return "too_long"
    return None


def rule_length_cue(item: GeneratedQuestion) -> str | None:
    """The longest option being the key is a classic giveaway."""
    mean = sum(len(d.text) for d in item.distractors) / len(item.distractors)
    return "key_too_long" if len(item.correct.text) > KEY_LENGTH_RATIO * mean else None


def rule_all_none(item: GeneratedQuestion) -> str | None:
    return "all_or_none_of_the_above" if any(_ALL_NONE.search(o) for o in _options(item)) else None


def rule_distinct_options(item: GeneratedQuestion) -> str | None:
    folded = [fold(o) for o in _options(item)]
    for i, a in enumerate(folded):
        for b in folded[i + 1 :]:
            if a == b or (len(a) > 3 and len(b) > 3 and (a in b or b in a)):
                return "overlapping_options"
            if SequenceMatcher(None, a, b).ratio() >= OPTION_SIMILARITY:
                return "overlapping_options"
    return None


def rule_language(item: GeneratedQuestion, language: str) -> str | None:
    """Stop-word counting: enough to tell French from English in a few sentences."""
    words = re.findall(r"[a-zàâçéèêëîïôûùüÿœ']+", f"{item.stem} {item.explanation}".lower())
    hits = {lang: sum(1 for w in words if w in stops) for lang, stops in _STOPWORDS.items()}
    other = "en" if language == "fr" else "fr"
    return "wrong_language" if hits[language] <= hits[other] else None


def rule_not_duplicate(item: GeneratedQuestion, existing_stems: list[str]) -> str | None:
    stem = fold(item.stem)
    for other in existing_stems:
        if SequenceMatcher(None, stem, fold(other)).ratio() >= DUPLICATE_SIMILARITY:
            return "near_duplicate"
    return None


def check(item: GeneratedQuestion, *, language: str, existing_stems: list[str]) -> str | None:
    """The first reason to reject `item`, or None when it may be stored."""
    for rule in (rule_shape, rule_length_cue, rule_all_none, rule_distinct_options):
        reason = rule(item)
        if reason:
            return reason
    return rule_language(item, language) or rule_not_duplicate(item, existing_stems)
