from django.core import signing

from xxgk.security.public_forms import CHALLENGE_SALT, new_challenge


def solved_challenge() -> dict:
    """The protection fields a person would submit: an empty honeypot and a right answer."""
    token, _ = new_challenge()
    payload = signing.loads(token, salt=CHALLENGE_SALT)
    return {"website": "", "challenge": token, "challenge_answer": str(payload["a"] + payload["b"])}
