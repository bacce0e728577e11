"""Capitals for articles written all in lower case.

Some archives keep their text lower-cased ("new delhi: prime minister vajpayee
said ..."). The tagger finds names by their capitals, so such an article yields
almost no actors. Before parsing, a lower-case article gets back the capitals
the text itself can justify: sentence starts, "I", and the names the knowledge
base and the gazetteer know (people, organisations, states, demonyms,
capitals, large towns and regions). The copy has the same length as the
original, so every offset (evidence, mentions) still points into the original.

No model for true-casing installs offline, and a name list is what this
project already has; a name the lists lack stays lower case.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# An article counts as lower-cased when its sentences start in lower case and capitals are
# rare (a capitalised standard line above the body, "This story is from March 10, 2002", does
# not change that), or, too short to have sentences, when it has no capital at all.
LOWERCASE_STARTS = 0.6
_STARTS = re.compile(r"[.!?]['\"’”)]*\s+['\"‘“(]*([a-z])", re.I)
_WORD = re.compile(r"[^\W_]+(?:[&-][^\W_]+)*")  # (letters of any script: "peña", "erdoğan")
# Days and months are names too, and the date tagger needs their capitals ("on monday").
# ("March" and "May" are left out: as words they are far more common than as months.)
CALENDAR = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January",
            "February", "April", "June", "July", "August", "September", "October", "November", "December")
_SENTENCE_START = re.compile(r"(?:^|[.!?]['\"’”)]*\s+|\n\s*|[:;]\s*\n)([\"'‘“(]*)([a-z])")
_MAX_WORDS = 6
_INITIALISM = re.compile(r"(?<![\w.])(?:[a-z]\.){2,}", re.I)
_ABBREVIATION = re.compile(
    r"(?:(?<![\w.])(?:[a-z]\.){2,}|\b(?:mr|mrs|ms|dr|st|gen|sen|rep|gov|lt|col|maj|capt|prof|jan|feb|aug|sept?|oct|"
    r"nov|dec|no|vs)\.)$", re.I)


def is_lowercased(text: str) -> bool:
    starts = [m.group(1) for m in _STARTS.finditer(text)
              if not _ABBREVIATION.search(text[max(0, m.start() - 12):m.start() + 1])]
    letters = sum(ch.isalpha() for ch in text)
    capitals = sum(ch.isupper() for ch in text)
    if len(starts) >= 2:
        # ... and capitals are rare overall (tables and headings of cased texts start lines in lower case).
        return sum(c.islower() for c in starts) >= LOWERCASE_STARTS * len(starts) and capitals < 0.02 * letters
    return letters >= 40 and not capitals


class Truecaser:
    """Restores the capitals of known names in a lower-cased text."""

    def __init__(self, names: Iterable[str], people: Iterable[str] = ()) -> None:
        # Full names of people: once one is found in an article, its surname alone is a name there too
        # ("pervez musharraf ... musharraf said"), though "rice" or "ban" in general are words.
        self._people = frozenset(p.lower() for p in people if " " in p.strip())
        # first word -> [(words, written form)], longest first: "new delhi" before "new".
        self._phrases: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for name in (*names, *CALENDAR):
            name = name.strip()
            if len(name) < 3 or name.lower() == name or name.isupper():
                continue  # nothing to restore, or an acronym whose lower case is a word ("WHO")
            words = tuple(w.lower() for w in name.split())
            if len(words) > _MAX_WORDS:
                continue
            self._phrases.setdefault(words[0], []).append((words, name))
        for options in self._phrases.values():
            options.sort(key=lambda o: -len(o[0]))

    def restore(self, text: str) -> str:
        """The text with its known names and sentence starts capitalised (same length)."""
        chars = list(text)
        words = [(m.start(), m.end(), m.group(0).lower()) for m in _WORD.finditer(text)]
        surnames: dict[str, str] = {}
        i = 0
        while i < len(words):
            start, _, word = words[i]
            for phrase, written in self._phrases.get(word, ()):
                n = len(phrase)
                if i + n > len(words):
                    continue
                span_end = words[i + n - 1][1]
                if text[start:span_end].lower() == written.lower():
                    chars[start:span_end] = written
                    if written.lower() in self._people and len(written.split()[-1]) >= 3:
                        surnames[written.split()[-1].lower()] = written.split()[-1]
                    i += n - 1
                    break
            i += 1
        for start, end, word in words:
            if word in surnames:
                chars[start:end] = surnames[word]
        out = _INITIALISM.sub(lambda m: m.group(0).upper(), "".join(chars))  # "u.s." -> "U.S."
        chars = list(out)
        for m in _SENTENCE_START.finditer(out):
            before = out[max(0, m.start(2) - 16): m.start(2)].rstrip("\"'‘“( \n\t")
            if _ABBREVIATION.search(before):
                continue  # "the U.S. said", "Mr. Kerry": no sentence ends there
            chars[m.start(2)] = m.group(2).upper()
        return re.sub(r"(?<![\w'’])i(?=[\s'’,.;:!?])", "I", "".join(chars))
