"""Detect and convert the legacy Vietnamese 8-bit encodings TCVN3 (ABC) and VNI-Windows.

Older government files were typed in font-based encodings: the bytes only read right in a matching
font (.VnTime for TCVN3, VNI-Times for VNI), so opened as UTF-8 or cp1252 they show mojibake such
as "ViÖt Nam" (TCVN3) or "Vieät Nam" (VNI). This module turns such bytes, or text that was already
decoded blindly, back into NFC Unicode. Stdlib only.

Conventions:

* The text-level converters (`tcvn3_to_unicode`, `vni_to_unicode`) take the text obtained by
  decoding the legacy bytes as latin-1 (one character per byte: ``data.decode("latin-1")``), so
  "ViÖt" is the TCVN3 spelling of "Việt". Bytes 0x80-0x9F are read as their cp1252 punctuation
  (smart quotes, dashes), which is what the Windows fonts drew there; characters above U+00FF
  pass through, so text that went through cp1252 also converts.
* TCVN3 is TCVN 5712:1993 VN3, the ABC set: 67 lower-case letters, the seven capitals without a
  tone (Ă Â Ê Ô Ơ Ư Đ) and no-break space. It has no code for a toned capital: ABC users typed
  the lower-case code in an all-capital font (.VnTimeH). So `unicode_to_tcvn3` writes a toned
  capital with its lower-case code, and `tcvn3_to_unicode` brings capitals back only where the
  context shows them (all-capital words; the start of the text, a paragraph or a sentence; see
  `_capital_positions`); elsewhere ("của Ủy ban") they come back lower-case, because the bytes
  hold no case. On input the 21 extra codes of VN2 (16 toned
  capitals, 5 combining tone marks) are also accepted, as VN3 leaves those bytes unassigned.
* VNI writes most toned vowels as the base letter plus one mark byte ("aù" = á, "eä" = ệ,
  "AÙ" = Á); ơ ư đ, the toned i and ỵ are single bytes.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections.abc import Callable

__all__ = [
    "LegacyEncodingError",
    "decode_bytes",
    "detect_legacy",
    "tcvn3_to_unicode",
    "unicode_to_tcvn3",
    "unicode_to_vni",
    "vni_to_unicode",
]


class LegacyEncodingError(ValueError):
    """No supported encoding fits the bytes, or a character has no legacy code.

    A ValueError, like UnicodeDecodeError, so callers that already catch decoding errors keep working.
    """


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


# The five tones in the order the tables below use: huyền, sắc, hỏi, ngã, nặng.
_GRAVE, _ACUTE, _HOOK, _TILDE, _DOT = "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"
_TONES = (_GRAVE, _ACUTE, _HOOK, _TILDE, _DOT)


def _with_tones(base: str) -> list[str]:
    """The vowel and its five toned forms, composed from the marks so no letter is mistyped."""
    return [base] + [_nfc(base + tone) for tone in _TONES]


# Windows fonts draw cp1252 punctuation at 0x80-0x9F; latin-1 decoding leaves C1 controls there.
_C1_AS_CP1252: dict[int, str] = {}
for _byte in range(0x80, 0xA0):
    try:
        _C1_AS_CP1252[_byte] = bytes([_byte]).decode("cp1252")
    except UnicodeDecodeError:  # 0x81, 0x8D, 0x8F, 0x90, 0x9D are unassigned in cp1252
        continue
_CP1252_TO_BYTE = {char: byte for byte, char in _C1_AS_CP1252.items()}

# ---------------------------------------------------------------------------------------------
# TCVN3 (TCVN 5712:1993 VN3, "ABC"). Checked against GNU libiconv lib/tcvn.h (TCVN 5712 VN1,
# whose 0xA0-0xFF half is VN2), the Vietnamese input method xvnkb tcvn.h and a C# converter.
# Per vowel: the untoned letter, then grave, acute, hook, tilde, dot.
_TCVN3_VOWELS: dict[str, tuple[int, int, int, int, int, int]] = {
    "a": (0x61, 0xB5, 0xB8, 0xB6, 0xB7, 0xB9),
    "ă": (0xA8, 0xBB, 0xBE, 0xBC, 0xBD, 0xC6),
    "â": (0xA9, 0xC7, 0xCA, 0xC8, 0xC9, 0xCB),
    "e": (0x65, 0xCC, 0xD0, 0xCE, 0xCF, 0xD1),
    "ê": (0xAA, 0xD2, 0xD5, 0xD3, 0xD4, 0xD6),
    "i": (0x69, 0xD7, 0xDD, 0xD8, 0xDC, 0xDE),
    "o": (0x6F, 0xDF, 0xE3, 0xE1, 0xE2, 0xE4),
    "ô": (0xAB, 0xE5, 0xE8, 0xE6, 0xE7, 0xE9),
    "ơ": (0xAC, 0xEA, 0xED, 0xEB, 0xEC, 0xEE),
    "u": (0x75, 0xEF, 0xF3, 0xF1, 0xF2, 0xF4),
    "ư": (0xAD, 0xF5, 0xF8, 0xF6, 0xF7, 0xF9),
    "y": (0x79, 0xFA, 0xFD, 0xFB, 0xFC, 0xFE),
}
_TCVN3_OTHERS = {
    "đ": 0xAE,
    "Ă": 0xA1,
    "Â": 0xA2,
    "Ê": 0xA3,
    "Ô": 0xA4,
    "Ơ": 0xA5,
    "Ư": 0xA6,
    "Đ": 0xA7,
    "\u00a0": 0xA0,
}
# VN2 adds these in bytes VN3 leaves free; read on input, never written.
_VN2_EXTRAS = {
    0xAF: "\u1eb0",  # Ằ
    0xB0: _GRAVE,
    0xB1: _HOOK,
    0xB2: _TILDE,
    0xB3: _ACUTE,
    0xB4: _DOT,
    0xBA: "\u1eb2",  # Ẳ
    0xBF: "\u1eb4",  # Ẵ
    0xC0: "\u1eae",  # Ắ
    0xC1: "\u1ea6",  # Ầ
    0xC2: "\u1ea8",  # Ẩ
    0xC3: "\u1eaa",  # Ẫ
    0xC4: "\u1ea4",  # Ấ
    0xC5: "\u1ec0",  # Ề
    0xCD: "\u1ec2",  # Ể
    0xD9: "\u1ec4",  # Ễ
    0xDA: "\u1ebe",  # Ế
    0xDB: "\u1ed2",  # Ồ
    0xE0: "\u1ed4",  # Ổ
    0xF0: "\u1ed6",  # Ỗ
    0xFF: "\u1ed0",  # Ố
}


def _tcvn3_tables() -> tuple[dict[int, str], dict[str, int]]:
    """Byte → letter for decoding and letter → byte for encoding, both built from the rows above."""
    decode: dict[int, str] = {**_C1_AS_CP1252, **_VN2_EXTRAS}
    encode: dict[str, int] = dict(_CP1252_TO_BYTE)
    for base, codes in _TCVN3_VOWELS.items():
        for letter, code in zip(_with_tones(base), codes, strict=True):
            if code >= 0x80:
                decode[code] = letter
                encode[letter] = code
                encode[letter.upper()] = code  # toned capital: lower-case code, as in a .VnTimeH font
    for letter, code in _TCVN3_OTHERS.items():
        decode[code] = letter
        encode[letter] = code  # the seven untoned capitals have their own codes
    return decode, encode


_TCVN3_DECODE, _TCVN3_ENCODE = _tcvn3_tables()
# The 67 lower-case codes: in an all-capital font they draw capitals, so their case is unknown.
_TCVN3_CASELESS = frozenset(
    chr(code) for code, letter in _TCVN3_DECODE.items() if letter.islower() and code >= 0xA0
)
# A lower-case code that starts the text, a paragraph (after a blank line) or a sentence (after
# . ! ? and any closing quote); opening quotes and brackets may come first. \x85 and \x91-\x94
# are the cp1252 ellipsis and curly quotes.
_SENTENCE_START = re.compile(
    r"(?:\A|[.!?\x85][\"')\]\x92\x94]*\s|\n[ \t\r]*\n)\s*[\"'(\[\x91\x93]*(["
    + "".join(sorted(_TCVN3_CASELESS))
    + "])"
)

# ---------------------------------------------------------------------------------------------
# VNI-Windows. Checked against xvnkb vni.h and the npm package vietnamese-conversion (charsets.ts).
# Mark bytes after a base vowel: grave, acute, hook, tilde, dot; the capital form is 0x20 lower.
_VNI_TONE_MARKS = (0xF8, 0xF9, 0xFB, 0xF5, 0xEF)
_VNI_CIRCUMFLEX_MARKS = (0xE2, 0xE0, 0xE1, 0xE5, 0xE3, 0xE4)  # â ê ô, then with each tone
_VNI_BREVE_MARKS = (0xEA, 0xE8, 0xE9, 0xFA, 0xFC, 0xEB)  # ă, then with each tone
_VNI_SINGLE_BYTES = {"ì": 0xEC, "í": 0xED, "ỉ": 0xE6, "ĩ": 0xF3, "ị": 0xF2, "ỵ": 0xEE, "đ": 0xF1}
_VNI_HORN_BASES = {"ơ": 0xF4, "ư": 0xF6}  # single bytes that also take a tone mark


def _vni_spellings() -> dict[str, str]:
    """Lower-case letter → its VNI spelling (latin-1 text) for the 67 lower-case letters."""
    spell: dict[str, str] = {}
    for base in "aeouy":
        for letter, mark in zip(_with_tones(base)[1:], _VNI_TONE_MARKS, strict=True):
            spell[letter] = base + chr(mark)
    for base in "aeo":
        for letter, mark in zip(_with_tones(_nfc(base + "\u0302")), _VNI_CIRCUMFLEX_MARKS, strict=True):
            spell[letter] = base + chr(mark)
    for letter, mark in zip(_with_tones("ă"), _VNI_BREVE_MARKS, strict=True):
        spell[letter] = "a" + chr(mark)
    for base, code in _VNI_HORN_BASES.items():
        spell[base] = chr(code)
        for letter, mark in zip(_with_tones(base)[1:], _VNI_TONE_MARKS, strict=True):
            spell[letter] = chr(code) + chr(mark)
    for letter, code in _VNI_SINGLE_BYTES.items():
        spell[letter] = chr(code)  # overrides "yï": VNI writes ỵ as the single byte 0xEE
    return spell


_VNI_LOWER = _vni_spellings()
_VNI_ENCODE: dict[str, str] = {char: chr(byte) for char, byte in _CP1252_TO_BYTE.items()}
for _letter, _spelling in _VNI_LOWER.items():
    _VNI_ENCODE[_letter] = _spelling
    _VNI_ENCODE[_letter.upper()] = _spelling.upper()
_VNI_PAIRS = {spelling: letter for letter, spelling in _VNI_LOWER.items() if len(spelling) == 2}
_VNI_SINGLES: dict[str, str] = {chr(byte): char for byte, char in _C1_AS_CP1252.items()}
for _letter, _spelling in _VNI_LOWER.items():
    if len(_spelling) == 1:
        _VNI_SINGLES[_spelling] = _letter
        _VNI_SINGLES[_spelling.upper()] = _letter.upper()


# ---------------------------------------------------------------------------------------------
# Converters


def tcvn3_to_unicode(s: str, *, restore_capitals: bool = True) -> str:
    """TCVN3 text (legacy bytes decoded as latin-1) → NFC Unicode.

    With restore_capitals, toned letters in all-capital words ("CéNG HOµ" → "CỘNG HOÀ") and at
    the start of the text, a paragraph or a sentence are made capital again, since ABC wrote
    them with lower-case codes in an all-capital font (see `_capital_positions`).
    """
    chars = [_TCVN3_DECODE.get(ord(c), c) for c in s]
    if restore_capitals:
        for i in _capital_positions(s, chars):
            chars[i] = chars[i].upper()
    return _nfc("".join(chars))


def _capital_positions(raw: str, decoded: list[str]) -> set[int]:
    """Where a lower-case TCVN3 code stands for a capital; the bytes cannot say, so context does.

    Within a line, a word with two or more capitals and no plain lower-case letter is in capitals.
    A word with at most one capital ("X·", "Vµ") is ambiguous: it follows its line when every word
    there is capital or ambiguous, when the words on both sides are in capitals, or when it ends
    the line after a word in capitals; a bare ASCII acronym ("GB", "UBND") beside it is not
    enough, one of those capital words must be Vietnamese. So "CéNG HOµ X· HéI" becomes
    "CỘNG HOÀ XÃ HỘI", while "Sè: 15/Q§-UBND" keeps "Số" and "RAM 256 GB, æ SSD" keeps "ổ".

    A word starting the text, a paragraph (after a blank line) or a sentence (after . ! or ?)
    also gets its capital back ("ñy ban" → "Ủy ban", "n¨m. ë cÊp x·" → "năm. Ở cấp xã"); a line
    start inside a paragraph does not, since hard-wrapped text starts lines mid-sentence.
    """
    positions = {m.start(1) for m in _SENTENCE_START.finditer(raw)}
    for line in re.finditer(r"[^\r\n]+", raw):
        kinds: list[str] = []
        vietnamese: list[bool] = []  # has a TCVN3 code, so it is no bare ASCII acronym like "GB"
        codes: list[list[int]] = []
        for word in re.finditer(r"[^\s,;:()\[\]\"'/|.!?]+", line.group()):
            start = line.start() + word.start()
            upper = lower = 0
            caseless: list[int] = []
            for i in range(start, start + len(word.group())):
                if raw[i] in _TCVN3_CASELESS:
                    caseless.append(i)
                elif decoded[i].isupper():
                    upper += 1
                elif decoded[i].islower():
                    lower += 1
            if lower:
                kind = "lower"
            elif upper >= 2:
                kind = "caps"
            elif caseless:
                kind = "ambiguous"
            else:
                continue  # no letters, or a lone capital ("A", "Q."): says nothing either way
            kinds.append(kind)
            vietnamese.append(any(c >= "\xa0" for c in word.group()))
            codes.append(caseless)
        caps = [kind == "caps" for kind in kinds]
        viet_caps = [c and v for c, v in zip(caps, vietnamese, strict=True)]
        whole_line = "lower" not in kinds and caps.count(True) >= 2 and any(viet_caps)
        last = len(kinds) - 1
        for j, kind in enumerate(kinds):
            before = j > 0 and caps[j - 1]
            after = j < last and caps[j + 1]
            beside_viet = (j > 0 and viet_caps[j - 1]) or (j < last and viet_caps[j + 1])
            in_caps = whole_line or (before and (after or j == last) and beside_viet)
            if kind == "caps" or (kind == "ambiguous" and in_caps):
                positions.update(codes[j])
    return positions


def vni_to_unicode(s: str) -> str:
    """VNI text (legacy bytes decoded as latin-1) → NFC Unicode.

    The base letter decides the case; the mark byte may be either case, as hand-edited files mix them.
    """
    out: list[str] = []
    i, n = 0, len(s)
    while i < n:
        char = s[i]
        if i + 1 < n:
            letter = _VNI_PAIRS.get(char.lower() + s[i + 1].lower())
            if letter is not None:
                out.append(letter.upper() if char.isupper() else letter)
                i += 2
                continue
        out.append(_VNI_SINGLES.get(char, char))
        i += 1
    return _nfc("".join(out))


def unicode_to_tcvn3(s: str) -> bytes:
    """Unicode → TCVN3 (VN3) bytes, so tests and tools can produce real legacy files.

    Toned capitals get their lower-case code (what ABC users typed in a .VnTimeH font); raises
    LegacyEncodingError for a character TCVN3 cannot hold. Positions count in the NFC text.
    """
    out = bytearray()
    for pos, char in enumerate(_nfc(s)):
        if char < "\x80":
            out.append(ord(char))
        elif (code := _TCVN3_ENCODE.get(char)) is not None:
            out.append(code)
        else:
            raise LegacyEncodingError(f"character {char!r} (U+{ord(char):04X}) at {pos} has no TCVN3 code")
    return bytes(out)


def unicode_to_vni(s: str) -> bytes:
    """Unicode → VNI-Windows bytes; raises LegacyEncodingError for a character VNI cannot hold."""
    out: list[str] = []
    for pos, char in enumerate(_nfc(s)):
        if char < "\x80" or "\xa0" <= char < "\xc0":  # ASCII and the cp1252 symbols VNI leaves alone
            out.append(char)
        elif (spelling := _VNI_ENCODE.get(char)) is not None:
            out.append(spelling)
        else:
            raise LegacyEncodingError(f"character {char!r} (U+{ord(char):04X}) at {pos} has no VNI code")
    return "".join(out).encode("latin-1")


_CONVERTERS: dict[str, Callable[[str], str]] = {"tcvn3": tcvn3_to_unicode, "vni": vni_to_unicode}

# ---------------------------------------------------------------------------------------------
# Detection: convert each candidate word both ways and count real Vietnamese syllables.

_LETTERS = frozenset("abcdeghiklmnopqrstuvxyăâđêôơư")
# fmt: off
_ONSETS = (
    "ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr",
    "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", "",
)
_CODAS = ("ng", "nh", "ch", "c", "m", "n", "p", "t", "")
_STOP_CODAS = frozenset({"c", "ch", "p", "t"})  # these only take the sắc or nặng tone
_OPEN_NUCLEI = frozenset({  # vowel groups that may end a syllable
    "a", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y",
    "ai", "ao", "au", "ay", "âu", "ây", "eo", "êu", "ia", "iu", "oa", "oe", "oi", "ôi", "ơi",
    "ua", "uê", "ui", "uơ", "uy", "ưa", "ưi", "ưu",
    "iêu", "yêu", "oai", "oao", "oay", "oeo", "uây", "uôi", "uya", "uyu", "ươi", "ươu",
})
_CLOSED_NUCLEI = frozenset({  # vowel groups that may take a final consonant
    "a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y",
    "iê", "yê", "uô", "ươ", "oa", "oă", "oe", "uâ", "uê", "uy", "uyê", "oo", "ôô",
})
# fmt: on
_TONE_SET = frozenset(_TONES)
# Words split at whitespace, ASCII punctuation and digits, C1 controls and general punctuation;
# none of these are letters in TCVN3 or VNI, so a legacy word is never cut in two.
_WORD_BREAKS = re.compile(r"[\s\x00-\x40\x5b-\x60\x7b-\xa0\u2000-\u206f]+")
_SAMPLE_CHARS = 200_000  # enough text to judge; keeps detection fast on big files
_MIN_SYLLABLES = 2


def _is_syllable(word: str) -> bool:
    """Whether a word spells one Vietnamese syllable: onset, vowel nucleus, coda, at most one tone."""
    split = unicodedata.normalize("NFD", word.casefold())
    tones = [c for c in split if c in _TONE_SET]
    if len(tones) > 1:
        return False
    bare = _nfc("".join(c for c in split if c not in _TONE_SET))
    if not bare or not _LETTERS.issuperset(bare):
        return False
    for onset in _ONSETS:
        if not bare.startswith(onset):
            continue
        rest = bare[len(onset) :]
        for coda in _CODAS:
            if not rest.endswith(coda) or len(rest) == len(coda):
                continue
            nucleus = rest[: len(rest) - len(coda)]
            if not coda and nucleus in _OPEN_NUCLEI:
                return True
            tone_fits = coda not in _STOP_CODAS or not tones or tones[0] in (_ACUTE, _DOT)
            if coda and nucleus in _CLOSED_NUCLEI and tone_fits:
                return True
    return False


def _as_text(data: str | bytes) -> str:
    if isinstance(data, str):
        return data
    decoded = _decode_unicode(data)
    return decoded[0] if decoded is not None else data.decode("latin-1")


def _has_ascii_letter(word: str) -> bool:
    return any(c.isascii() and c.isalpha() for c in word)


def _count(words: list[str], convert: Callable[[str], str]) -> tuple[int, int]:
    """(syllables, non-syllables) among the words after conversion."""
    good = sum(1 for word in words if _is_syllable(convert(word)))
    return good, len(words) - good


def _as_cp1258(word: str) -> str:
    """The word as Windows-1258 would have shown its bytes (tones as combining marks)."""
    try:
        return _nfc(word.encode("latin-1").decode("cp1258", errors="replace"))
    except UnicodeEncodeError:  # not from a byte string: nothing to reinterpret
        return _nfc(word)


def _tcvn3_plain(word: str) -> str:
    return tcvn3_to_unicode(word, restore_capitals=False)


def detect_legacy(text_or_bytes: str | bytes) -> str | None:
    """Name the legacy encoding ("tcvn3" or "vni") of the text, or None for anything else.

    Only words mixing ASCII letters with other characters can tell the encodings apart; a
    legacy encoding wins when converting those words yields clearly more Vietnamese syllables
    than reading them as they are or as Windows-1258. Bytes are read as UTF-8 (or per their BOM)
    when valid, else latin-1. A line or two may be too short to judge.
    """
    text = _as_text(text_or_bytes)[:_SAMPLE_CHARS]
    words = [w for w in _WORD_BREAKS.split(text) if w]
    mixed = [w for w in words if len(w) >= 2 and not w.isascii() and _has_ascii_letter(w)]
    if not mixed:
        return None
    baseline = -len(mixed)
    for reading in (_nfc, _as_cp1258):  # the readings a legacy encoding must beat
        good, bad = _count(mixed, reading)
        if good >= 0.8 * len(mixed):  # already reads as Vietnamese
            return None
        baseline = max(baseline, good - bad)
    scores: dict[str, int] = {}
    for name, convert in (("tcvn3", _tcvn3_plain), ("vni", vni_to_unicode)):
        good, bad = _count(mixed, convert)
        if good >= _MIN_SYLLABLES and good >= 2 * bad and good >= 0.05 * len(words):
            scores[name] = good - bad
    best = max(scores, key=scores.__getitem__, default=None)
    if best is None or scores[best] < baseline + 2:
        return None
    if list(scores.values()).count(scores[best]) > 1:  # both fit equally: refuse to guess
        return None
    return best


# ---------------------------------------------------------------------------------------------
# decode_bytes

_ALLOWED_CONTROLS = b"\t\n\v\f\r\x1a\x1b"  # layout, DOS end-of-file and ANSI escape
_BAD_CONTROLS = bytes(b for b in range(0x20) if b not in _ALLOWED_CONTROLS)
_CP1258_TONES = frozenset(_TONES)


def _sniff_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM: ASCII text shows a NUL in every other byte."""
    if len(data) < 4 or len(data) % 2:
        return None
    half = len(data) // 2
    even, odd = data[0::2].count(0), data[1::2].count(0)
    codec = "utf-16-le" if odd >= 0.3 * half and even <= 0.02 * half else None
    codec = "utf-16-be" if even >= 0.3 * half and odd <= 0.02 * half else codec
    if codec is None:
        return None
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        return None
    return None if any(c in text for c in _BAD_CONTROLS.decode("ascii")) else text


def _decode_unicode(data: bytes) -> tuple[str, str] | None:
    """(text, "utf-8" | "utf-16") when a BOM or valid UTF-8 says the bytes are Unicode."""
    try:
        if data.startswith(codecs.BOM_UTF8):
            return data[len(codecs.BOM_UTF8) :].decode("utf-8"), "utf-8"
        if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            return data.decode("utf-16"), "utf-16"
    except UnicodeDecodeError:
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = None
    if text is not None and "\x00" not in text:
        return text, "utf-8"
    utf16 = _sniff_utf16(data)
    return (utf16, "utf-16") if utf16 is not None else None


def _looks_binary(data: bytes) -> bool:
    """NUL bytes or more than a trace of control bytes: no 8-bit text encoding produces those."""
    if b"\x00" in data:
        return True
    bad = len(data) - len(data.translate(None, _BAD_CONTROLS))
    return bad > 0.005 * len(data)


def _cp1258(data: bytes) -> str | None:
    """NFC text if the bytes read as plausible Windows-1258, whose tones are combining marks."""
    try:
        text = data.decode("cp1258")
    except UnicodeDecodeError:
        return None
    plain = sum(1 for c in text if c.isascii() and (c.isprintable() or c.isspace()))
    if plain < 0.5 * len(text):
        return None
    marks = orphans = 0
    for i, char in enumerate(text):
        if char in _CP1258_TONES:
            marks += 1
            orphans += i == 0 or not text[i - 1].isalpha()
    if orphans > max(2, 0.05 * marks):
        return None
    return _nfc(text)


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode a text file's bytes: (NFC text, encoding name).

    Order: BOMs ("utf-8", "utf-16"), valid UTF-8 ("utf-8"), TCVN3 or VNI ("tcvn3", "vni"),
    then Windows-1258 ("cp1258"). Unicode text that is really TCVN3 or VNI mojibake (a file once
    converted blindly) is repaired and reported as "tcvn3" or "vni". Raises LegacyEncodingError
    when nothing plausible fits.
    """
    unicode = _decode_unicode(data)
    if unicode is not None:
        text, name = unicode
        legacy = detect_legacy(text)
        if legacy is not None:
            return _CONVERTERS[legacy](text), legacy
        return _nfc(text), name
    if _looks_binary(data):
        raise LegacyEncodingError(
            f"cannot decode {len(data)} bytes as text: they contain NUL or control bytes, "
            "so this looks like a binary file rather than UTF-8, UTF-16, TCVN3, VNI or Windows-1258"
        )
    latin = data.decode("latin-1")
    legacy = detect_legacy(latin)
    if legacy is not None:
        return _CONVERTERS[legacy](latin), legacy
    windows = _cp1258(data)
    if windows is not None:
        return windows, "cp1258"
    raise LegacyEncodingError(
        f"cannot decode {len(data)} bytes as text: not valid UTF-8 or UTF-16, no TCVN3 or VNI "
        "Vietnamese found, and not plausible Windows-1258; save the file as UTF-8 and try again"
    )
