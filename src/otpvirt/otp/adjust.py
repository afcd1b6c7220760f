"""Soft penalties and priors for digit candidates: references, orders, tariffs, help lines."""

from __future__ import annotations

import re

from . import negatives as neg
from . import tails
from .context import (
    BREAK,
    CONNECTOR,
    COPULA,
    DIGIT,
    LEAD,
    OWNER,
    Candidate,
    Message,
    clause_through,
    cue_before,
    introducer,
    same_sentence,
)
from .lexicon import (
    BOOKING,
    CODE_WORDS,
    EXPIRED,
    KEYWORD_WEIGHT,
    ORDER,
    PRODUCT,
    REFERENCE,
    STRONG,
    SUCCESS_AFTER,
    Event,
)
from .rejects import last_digits

_LENGTH_PRIOR = {4: 0.0, 5: 0.0, 6: 0.03, 7: 0.0, 8: 0.0, 9: -0.15, 10: -0.3}
# Between a product word and its number: "Internet banking: 482193" is no tariff name.
_NAME_GAP = re.compile(r"[\d:：]")
# An owner after a bundle word ends its name: "بسته اینترنت شما ۴۸۲۱ می‌باشد".
_OWNER = re.compile(OWNER)
_PACKS = (PRODUCT, ORDER)  # "paquete" alone is a parcel (ORDER) until a data size follows
_PACK_REACH = 48  # a pack word this close before a plain code word names what it is for
# A data size: "5GB", "1 Go", "500MB", "2 ГБ", "1জিবি"
_DATA_SIZE = re.compile(r"\d[ ]?(?:gb|mb|go|mo|гб|мб|gig|جيجا|জিবি|জিবি|जीबी)(?![^\W\d_])")
# "… with the code", "avec le code", "com o código", "بالكود": the code that activates it
_WITH = re.compile(
    r"(?<![^\W\d_])(?:with|using|avec|com|con|mit|met|dengan|bằng|bang|ile|kwa|с|со|से)"
    r"(?: (?:the|le|la|l'|o|a|el|lo|dem|den|de))?[ ]\Z|ب\Z"
)
# A word labelling the number: "Helpline: 8080", "Дежурная служба: 8080".
_LABEL = re.compile(r"[^\W\d_]{2,}[ ]?[:：][ ]*\Z")


def numeric_adjustments(msg: Message, c: Candidate, tier: str, raw: int, anchored: str) -> float:
    """Soft penalties and priors for digit candidates."""
    adjust = _LENGTH_PRIOR.get(len(c.value), -1.0)
    if len(c.value) == 10 and tier != STRONG:
        adjust -= 0.3  # "dla NIP 5261040828", "PIN 0123456789": a plain code word's ID number
    if last_digits(msg, c):
        adjust -= 0.4
    ref = cue_before(msg, c, (REFERENCE,), 12)
    if (
        ref is not None
        and not _keyword_at_once(msg, c, raw)
        and not DIGIT.search(msg.t, ref.end, c.start)
        and not (
            tier in CODE_WORDS and anchored == LEAD and COPULA.search(msg.low, ref.end, c.start)
        )
        and not clause_through(msg, c, ref)
    ):
        # "Ref: 88213409" -- unless a code word follows at once ("ID: 0926 — код") or the
        # code word's own sentence says what it is ("код для входа в ваш счёт — это 4821",
        # "رمز التحقق … إلى حسابك هو 4821": the account is where it logs in, not a label;
        # "Коди фаъолсозии ҳисоби шахсӣ: 5980": the account it activates)
        adjust -= 0.5
        if len(c.value) >= 7 and c.start - ref.end <= 3:
            adjust -= 0.2  # "лицевого счета 40817810": long numbers right after it are IDs
    if not anchored and _relabelled(msg, c):
        adjust -= 0.3  # "Никому не сообщайте код. Горячая линия: 8080" (anchored: no look-up)
    if tier != STRONG and not msg.categories.isdisjoint(_PACKS) and _pack_code(msg, c):
        adjust -= 0.5  # "Activez le forfait 5Go avec le code 4821": the pack's own code
    if _tariff_name(msg, c):
        adjust -= 0.6  # "Мегабайт 3000", "Internet 5000": part of a tariff name, even before "код"
    if EXPIRED in msg.categories:
        for ev in msg.events:
            if (
                ev.category == EXPIRED
                and not same_sentence(msg, ev.start, c.start)
                and (ev.start > c.start or ev.value not in SUCCESS_AFTER)
            ):
                adjust -= 0.3  # a message about an expired code rarely carries another one
                break
    order = cue_before(msg, c, (ORDER, BOOKING), 35, through_keywords=True)
    # "Your order 4512 ..." / "سفارش با کد ۷۷۰۳۹۴۳": an order or tracking number -- unless
    # the order word ends an earlier sentence ("Parcel arrived. Code: 4821"), a strong
    # keyword introduces this very number ("Pickup code for order 9912: 4821") or its clause
    # names the order ("رمز تأكيد حجز موعد التطعيم 44487", "Код подтверждения заказа: 4821"),
    # or the order already has its own number and a code word then introduces this one
    # ("ເລກບິນ 88123456 … ລະຫັດ 4821").
    if (
        order is not None
        and same_sentence(msg, order.end, c.start)
        and (tier != STRONG or anchored != LEAD)
        and not _after_order_number(msg, c, order)
        and not clause_through(msg, c, order, loose=True)
        and not _tail_order(msg, c, order, anchored)
    ):
        adjust -= 0.5
        if len(c.value) >= 7 and c.start - order.end <= 12:
            adjust -= 0.2  # "for order 12345678": long numbers right after it are order IDs
    if neg.is_year(c.value):
        adjust -= 0.05
    if c.kind in ("split", "tight"):
        adjust += 0.03
    elif c.kind == "split4":
        adjust -= 0.15
    return adjust


def _keyword_at_once(msg: Message, c: Candidate, raw: int) -> bool:
    """True when the best code word touches the number in its sentence: "ID: 0926 — код"."""
    # (not "Consumer ID 4821337. OTP is required …": the next sentence's code word)
    return raw <= 5 and not (
        BREAK.search(msg.t, c.end, c.end + raw + 1)
        or BREAK.search(msg.t, c.start - raw - 1, c.start)
    )


def _relabelled(msg: Message, c: Candidate) -> bool:
    """True when a label of its own names the number and no code word shares its sentence."""
    # "Никому не сообщайте код. Дежурная служба: 8080": a reminder that mentions the code,
    # then some other number under its own label
    near = msg.t[max(0, c.start - 3) : c.start]
    if ":" not in near and "：" not in near:
        return False  # most numbers have no colon right before them: skip the regex
    if not _LABEL.search(msg.t, max(0, c.start - 24), c.start):
        return False
    return not any(
        ev.category in KEYWORD_WEIGHT and same_sentence(msg, ev.start, c.start) for ev in msg.events
    )


def _tariff_name(msg: Message, c: Candidate) -> bool:
    """True when the number follows a tariff or bundle word as part of its name."""
    product = cue_before(msg, c, (PRODUCT,), 12)
    if product is None or _NAME_GAP.search(msg.t, product.end, c.start):
        return False
    # a connector or an owner ends the clause the product word closes: "код смены тарифа —
    # 5043", "کد فعالسازی بسته اینترنت شما ۴۸۲۱ می‌باشد"
    lo = max(product.end, c.start - 10)
    return not (
        CONNECTOR.search(msg.low, lo, c.start) or _OWNER.search(msg.low, product.end, c.start)
    )


def _pack_code(msg: Message, c: Candidate) -> bool:
    """True when a plain code word "with" which a pack is bought or activated introduces it."""
    # "Ative seu pacote de internet com o código 4821", "Compra el paquete 5GB con el código
    # 4821", "فعّل باقة الإنترنت بالكود 4821": the pack word or its data size comes first in
    # the sentence -- not "Your internet banking code: 482193" (no "with"), "код смены тарифа
    # — 5043" (the code word governs the plan) nor "Recoge tu paquete con el código 4821"
    ev = introducer(msg, c)
    if ev is None or ev.category not in CODE_WORDS:
        return False
    if _WITH.search(msg.low, max(0, ev.start - 12), ev.start) is None:
        return False
    lo = max(0, ev.start - _PACK_REACH)
    if BREAK.search(msg.t, lo, ev.start):
        lo = [m.end() for m in BREAK.finditer(msg.t, lo, ev.start)][-1]
    return _DATA_SIZE.search(msg.low, lo, ev.start) is not None or any(
        o.category == PRODUCT and lo <= o.start and o.end <= ev.start for o in msg.events
    )


def _after_order_number(msg: Message, c: Candidate, order: Event) -> bool:
    """True when a code word introduces the number after the order's own number."""
    ev = introducer(msg, c)
    return (
        ev is not None
        and ev.start > order.end
        and DIGIT.search(msg.t, order.end, ev.start) is not None
    )


def _tail_order(msg: Message, c: Candidate, order: Event, anchored: str) -> bool:
    """True when a code word's clause names the order and a colon closes it before `c`."""
    # "Código para confirmar el envío de 45,00 EUR a MARIA LOPEZ: 703921" (tails.py)
    if anchored != LEAD or not tails.closes(msg, c):
        return False
    return any(
        ev.category in CODE_WORDS and ev.end <= order.start and tails.clause(msg, ev, c, [])
        for ev in msg.events
    )
