import re
import unicodedata

_NON_WORD = re.compile(r"[^\w]+", re.UNICODE)


def fold(text: str) -> str:
    """Lower-case, accent-free, punctuation-free text for matching ("Clé publique" -> "cle publique")."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _NON_WORD.sub(" ", stripped).strip()


def code_sort_key(code: str) -> tuple[int | str, ...]:
    """Blueprint codes in natural order: 2.2.6 before 2.2.10."""
    return tuple(int(part) if part.isdigit() else part for part in code.split("."))
