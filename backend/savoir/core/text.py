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


_SPACE_BEFORE_MARK = re.compile(r"[ \u202f]([?!;:])")
_INSIDE_GUILLEMETS = (re.compile(r"«[ \u202f]"), re.compile(r"[ \u202f]»"))


def french_typography(text: str) -> str:
    """French spacing made unbreakable: the space before ? ! ; : and inside « » becomes a
    no-break space (U+00A0, which every font here has), so a line never starts with "?".
    Authors type an ordinary space; text without one (09:02, Spring2024!) is left alone."""
    text = _SPACE_BEFORE_MARK.sub("\u00a0\\1", text)
    text = _INSIDE_GUILLEMETS[0].sub("«\u00a0", text)
    return _INSIDE_GUILLEMETS[1].sub("\u00a0»", text)
