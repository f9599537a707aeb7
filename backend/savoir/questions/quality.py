"""The quality gate: the bar every question of the bank meets, checked on each generated
question before anything is stored and over the whole bank by `manage.py check_bank`.

Rule checks come first (ai-generation.md: they catch most item-writing flaws), then language,
then near-duplicates of the sub-objective's bank. Each rule returns a reason code, or None."""

from __future__ import annotations

import re
from collections.abc import Sequence
from difflib import SequenceMatcher
from typing import Protocol

from savoir.core.text import fold


class ChoiceText(Protocol):
    @property
    def text(self) -> str: ...
    @property
    def explanation(self) -> str: ...


class ItemText(Protocol):
    """What the gate reads of an item: a generated one (generation.llm.GeneratedQuestion) or one
    of the bank (bank_report adapts it)."""

    @property
    def stem(self) -> str: ...
    @property
    def explanation(self) -> str: ...
    @property
    def correct(self) -> ChoiceText: ...
    @property
    def distractors(self) -> Sequence[ChoiceText]: ...


# Every reason code `check` can return; whoever shows a rejection explains each of them.
REASONS = (
    "wrong_choice_count",
    "empty_text",
    "too_long",
    "key_too_long",
    "all_or_none_of_the_above",
    "overlapping_options",
    "wrong_language",
    "near_duplicate",
)

MAX_STEM = 1200
MAX_OPTION = 300
MAX_EXPLANATION = 1500
KEY_LENGTH_RATIO = 1.3
DUPLICATE_SIMILARITY = 0.85

# Options that point at the other options instead of answering: "All of the above", "None of
# these", « Toutes ces réponses », « Aucune des propositions ». "Both" / « les deux » count only as
# a short option of their own ("Both A and B", « Les deux ») : inside a sentence they are
# ordinary words.
_ALL_NONE = re.compile(
    r"\b(all|none|both|neither) of the (above|options|answers|choices)\b|\ball the above\b|"
    r"^\s*(all|none|both|neither) of (these|those|them)\W*$|"
    r"\btoutes? les (réponses|propositions|options) (ci-dessus|précédentes)\b|"
    r"^\s*toutes? (les|ces) (réponses|propositions|options)\W*$|"
    r"\baucune (des|de ces) (réponses|propositions|options)\b",
    re.IGNORECASE,
)
_BOTH = re.compile(r"^\s*(les deux|both|neither|ni l'une ni l'autre|ni l'un ni l'autre)\b", re.I)
_BOTH_MAX_WORDS = 6
# One option inside another counts as overlapping only when it is most of it ("TLS" vs "TLS
# 1.3"); "Known environment" and "Partially known environment" are distinct answers.
CONTAINED_LENGTH_RATIO = 0.8
# A field shorter than this many stop words says too little to tell its language.
LANGUAGE_MIN_STOPWORDS = 3
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


def _options(item: ItemText) -> list[str]:
    return [item.correct.text, *(d.text for d in item.distractors)]


def rule_shape(item: ItemText) -> str | None:
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


def rule_length_cue(item: ItemText) -> str | None:
    """The longest option being the key is a classic giveaway."""
    mean = sum(len(d.text) for d in item.distractors) / len(item.distractors)
    return "key_too_long" if len(item.correct.text) > KEY_LENGTH_RATIO * mean else None


def rule_all_none(item: ItemText) -> str | None:
    for option in _options(item):
        if _ALL_NONE.search(option) or (
            _BOTH.search(option) and len(option.split()) <= _BOTH_MAX_WORDS
        ):
            return "all_or_none_of_the_above"
    return None


def _mostly_contained(a: str, b: str) -> bool:
    """The shorter option's words appear, in a row, in the longer one, and make most of it
    ("Secure Shell" / "Secure Shell v2"; not "Known" / "Unknown environment")."""
    shorter, longer = sorted((a.split(), b.split()), key=len)
    if len(" ".join(shorter)) <= 3 or len(" ".join(shorter)) < CONTAINED_LENGTH_RATIO * len(
        " ".join(longer)
    ):
        return False
    return any(
        longer[i : i + len(shorter)] == shorter for i in range(len(longer) - len(shorter) + 1)
    )


_FUNCTION_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "to",
        "and",
        "or",
        "le",
        "la",
        "les",
        "l",
        "de",
        "des",
        "du",
        "d",
        "un",
        "une",
        "et",
        "ou",
    ]
)


def _trivially_different(x: str, y: str) -> bool:
    """Two words that do not make two answers: an inflection ("encrypt" / "encrypts", « chiffre »
    / « chiffrer »). Numbers, short words and negations ("known" / "unknown") always do."""
    if not (x.isalpha() and y.isalpha()):
        return False
    short, long = sorted((x, y), key=len)
    return len(short) >= 4 and long.startswith(short) and len(long) - len(short) <= 2


def _near_duplicates(a: str, b: str) -> bool:
    """The same option twice with cosmetic changes: every word that differs is an inflection of
    its counterpart, or a short function word added or left out ("the", « le »). One real word of difference ("Stored" / "Reflected
    XSS; the script runs in the browser") makes two answers, however long the shared rest."""
    wa, wb = a.split(), b.split()
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, wa, wb, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        left, right = wa[i1:i2], wb[j1:j2]
        if tag == "replace" and len(left) == len(right):
            if not all(_trivially_different(x, y) for x, y in zip(left, right, strict=True)):
                return False
        elif tag == "replace" or not all(w in _FUNCTION_WORDS for w in [*left, *right]):
            return False
    return True


def rule_distinct_options(item: ItemText) -> str | None:
    folded = [fold(o) for o in _options(item)]
    for i, a in enumerate(folded):
        for b in folded[i + 1 :]:
            if a == b or _mostly_contained(a, b):
                return "overlapping_options"
            if _near_duplicates(a, b):
                return "overlapping_options"
    return None


def _language_hits(text: str) -> dict[str, int]:
    words = re.findall(r"[a-zàâçéèêëîïôûùüÿœ']+", text.lower())
    return {lang: sum(1 for w in words if w in stops) for lang, stops in _STOPWORDS.items()}


def rule_language(item: ItemText, language: str) -> str | None:
    """Stop-word counting, on the stem with the explanation and then on every field long enough
    to tell (an English option under a French stem is caught; "AES-256" is not judged)."""
    other = "en" if language == "fr" else "fr"
    hits = _language_hits(f"{item.stem} {item.explanation}")
    if hits[language] <= hits[other]:
        return "wrong_language"
    fields = [
        text
        for choice in (item.correct, *item.distractors)
        for text in (choice.text, choice.explanation)
    ]
    for text in fields:
        hits = _language_hits(text)
        if hits[other] >= LANGUAGE_MIN_STOPWORDS and hits[other] > hits[language]:
            return "wrong_language"
    return None


def rule_not_duplicate(item: ItemText, existing_stems: list[str]) -> str | None:
    stem = fold(item.stem)
    for other in existing_stems:
        if SequenceMatcher(None, stem, fold(other)).ratio() >= DUPLICATE_SIMILARITY:
            return "near_duplicate"
    return None


def check(item: ItemText, *, language: str, existing_stems: list[str]) -> str | None:
    """The first reason to reject `item`, or None when it may be stored."""
    for rule in (rule_shape, rule_length_cue, rule_all_none, rule_distinct_options):
        reason = rule(item)
        if reason:
            return reason
    return rule_language(item, language) or rule_not_duplicate(item, existing_stems)
