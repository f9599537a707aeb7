"""Why generated questions were left out, in plain words: the quality gate's reason codes (and
the run's own: an item the model malformed, an item it never wrote) as sentences in the
request's language. Learners see them on their run, moderators in the rejected-items queue;
neither ever sees a raw code."""

from __future__ import annotations

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

# Reasons the run adds to the gate's (questions.quality.REASONS).
MALFORMED = "schema"
NOT_DELIVERED = "not_delivered"

REASON_SENTENCES = {
    "wrong_language": _("It was written in the wrong language."),
    "key_too_long": _("The right answer gave itself away: it was much longer than the others."),
    "all_or_none_of_the_above": _("It offered “all of the above” or “none of the above”."),
    "overlapping_options": _("Two answers said the same thing, so more than one could be right."),
    "wrong_choice_count": _("It did not have exactly four answers."),
    "empty_text": _("The question, an answer or an explanation was empty."),
    "too_long": _("Its text was longer than our limits."),
    "near_duplicate": _("It was almost the same as a question already in the bank."),
    MALFORMED: _("The AI sent it malformed, with parts missing."),
    NOT_DELIVERED: _("The AI stopped before writing it."),
}


def rejection_message(reason: str) -> str:
    """The sentence for `reason`; a reason added to the gate without its sentence still reads
    as plain words rather than a code (a test keeps every gate reason covered)."""
    sentence = REASON_SENTENCES.get(reason)
    return str(sentence) if sentence else gettext("It did not pass our quality checks.")
