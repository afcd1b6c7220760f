"""One-time-code extraction from SMS text: pure functions, standard library only.

    >>> extract_code("G-123456 is your Google verification code.")
    '123456'

How it works (extract.py): normalise digits and spaces (normalize.py), list code-shaped
candidates (numbers.py), drop the ones that sit in an amount, date, time, phone, card mask,
link, IBAN (ibans.py) or reference (negatives.py, rejects.py), then score the rest by
closeness to a code keyword in any language (keywords.py, keywords_more.py, pickup.py,
lexicon.py, scoring.py) and away from context words (cues.py, cues_more.py; adjust.py
weighs them), plus the service's known format (formats.py).  A code word inside a
never-share reminder vouches only for the number it points at, not for the help line
after it (reminders.py, context.dismissed), while "this code" in the next sentence points
back at the number before it (openers.refers_back).  A brand's opening label and a number
alone after it ("DoorDash: 501069 (expires in 10 minutes)") is a code without any code word
when the message says it is valid for minutes or not to be shared (openers.py); so is one
followed by a reminder naming "the code" that says nothing of who asks for codes
(openers.warned_opener).  A sign-in reported after the fact ("You signed in using code
482193", "Login with code 482193 was successful") spent its code (cues_more.EXPIRED,
SUCCESS_AFTER: success words count only after the number).  Letter
codes such as "6HQJR" or "7K2" and the sender's own name are handled in alnum.py,
mixed-case temporary passwords ("365pCfWK") in passwords.py.  context.py holds what they
share.

Extending it needs no knowledge of the scoring:
  * a new wording or language: add the phrase to the right table in keywords.py (STRONG for
    one-time codes, WEAK for bare "code"/"password" words), verbs.py (VERBS: "to verify" /
    "enter" phrases), pickup.py (PICKUP: parcel-locker / courier / pickup-point codes) or,
    for a priority language written in Latin letters ("ramzi tasdiq", Arabizi "ramz el
    ta7a2o2"), translit.py; tests/otp/test_keywords.py checks every phrase;
  * a new script or a language of one: its code words go to keywords_more.py, its context
    words to cues_more.py, its "never share" and help-line words to reminders.py;
  * a new context that makes a nearby number something else (order, tracking, tariff name,
    expired code, help line): add the word to the right table in cues.py (an expiry word
    that also means "expires" before a date goes to EXPIRED["until"]; a phone noun goes
    to PHONE_NOUN, so that "verification code for your phone number: 1234" still works; a
    hot, help or support line to PHONE["lines"]; a travel or table booking word goes to
    BOOKING, whose letter references look like codes; "ending in" to CARD["ending"]);
  * a new word for "password": add its stem to PASSWORD_STEMS in keywords.py, so that a
    mixed-case secret after it is read (tests/otp/test_passwords.py checks every stem);
  * a new service format (prefix such as "G-", a link carrying the code, a code shape, an
    alphanumeric code): add one ServiceFormat entry to formats.py and one case to
    FORMAT_CASES in tests/otp/test_extract.py (a test fails until you do);
  * an ordinary word of a script matched without word starts (Hebrew, Arabic script, CJK)
    that contains a code word ("נקודות" points, "کدام" which): add it to
    cues_more.NOT_CODE_WORDS, so that the code word inside it is never scanned;
  * spent-code, never-share, help-line, postal, promo and telco-pack words of the fourth
    round's languages (South Asian scripts, Icelandic, Basque, Catalan, Welsh, Albanian,
    Romanian, Quechua, Tibetan, Cebuano) live in cues_world.py, with EARLIER: the words
    that make "661203 (the previous code expired)" speak of another code;
  * spent-code, call-verb, comparison-value and "ending with" words of the fifth round
    (Africa, East Asia, smaller European languages) live in cues_fifth.py; a code closing
    the message after a colon behind an amount, IBAN or recipient is tails.py's;
  * a new "not a code" context (currency, unit) or written shape (card mask, phone number
    with an area code): add the word or pattern to negatives.py.
Measure with: python bench/otp_accuracy.py --show-failures
"""

from .extract import candidates, extract_code
from .normalize import normalize_digits

__all__ = ["candidates", "extract_code", "normalize_digits"]
