"""The passphrase rule, kept apart so the unlock window can start without the database stack."""

from fieldlog.errors import FieldLogError

MIN_PASSPHRASE_LENGTH = 8


def check_new_passphrase(passphrase: str) -> None:
    if len(passphrase) < MIN_PASSPHRASE_LENGTH:
        raise FieldLogError(
            "the passphrase is too short: use at least {minimum} characters, ideally several words",
            minimum=MIN_PASSPHRASE_LENGTH,
        )
