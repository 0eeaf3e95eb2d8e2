import re

from xxgk.security.public_forms import CHINESE_DIGITS, new_challenge


def answer_to(question: str) -> str:
    """What a person reads and answers: 三加五等于几？ → 8 (the page carries no answer)."""
    a, b = re.match(r"(.)加(.)等于几", question).groups()
    return str(CHINESE_DIGITS.index(a) + CHINESE_DIGITS.index(b))


def solved_challenge() -> dict:
    """The protection fields a person would submit: an empty honeypot and a right answer."""
    token, question = new_challenge()
    return {"website": "", "challenge": token, "challenge_answer": answer_to(question)}
