"""The core's messages: each one a template, each template translated, shown in French."""

import json
import re
from pathlib import Path

import pytest

from fieldlog.bundles import bagit
from fieldlog.errors import FieldLogError, InvalidInputError, Message, WrongPassphraseError
from fieldlog.interchange.document import parse_document
from fieldlog.messages import error_text, translate, translate_text
from fieldlog.messages_fr import FRENCH
from fieldlog.vault import Vault
from fieldlog.vault.keys import MINIMUM_KDF
from tests.conftest import PASSPHRASE
from tests.message_templates import collect

FOUND = collect()
FIELD = re.compile(r"\{(\w*)\}")


def test_every_message_of_the_core_is_a_template_with_its_fields_apart() -> None:
    assert FOUND.problems == []
    # A template without fields is shown as written: a brace there would show doubled.
    assert [t for t in FOUND.templates if not FIELD.search(t) and ("{" in t or "}" in t)] == []
    assert len(FOUND.templates) > 150  # the scan finds them (it once missed multi-line calls)


def test_every_template_has_a_french_translation_and_the_table_has_no_other() -> None:
    missing = sorted(set(FOUND.templates) - FRENCH.keys())
    stale = sorted(FRENCH.keys() - set(FOUND.templates))
    assert missing == [], [f"{FOUND.templates[t]}: {t}" for t in missing]
    assert stale == []


def test_every_translation_keeps_the_fields_of_its_template_and_is_one_line() -> None:
    wrong = []
    for template, french in FRENCH.items():
        fields = sorted(FIELD.findall(template))
        try:
            french.format_map(dict.fromkeys(fields, "x"))  # no stray brace
        except (KeyError, ValueError, IndexError):
            wrong.append(template)
            continue
        one_line = bool(french) and french == french.strip() and "\n" not in french
        if sorted(FIELD.findall(french)) != fields or not one_line:
            wrong.append(template)
    assert wrong == []


def test_wrong_passphrase_in_french_and_as_the_command_line_prints_it(tmp_path: Path) -> None:
    Vault.create(tmp_path / "vault", PASSPHRASE, kdf=MINIMUM_KDF)[0].close()
    with pytest.raises(WrongPassphraseError) as caught:
        Vault.open(tmp_path / "vault", "not the passphrase")
    assert error_text(caught.value, "en") == str(caught.value) == "wrong passphrase"
    assert error_text(caught.value, "fr") == "phrase de passe incorrecte"


def test_a_message_inside_a_message_is_translated_with_it() -> None:
    good = {
        "occurred_at": "2017-07-15",
        "location": {"name": "Calais"},
        "categories": ["tear_gas"],
        "title": "Gas",
    }
    incidents = [good, {**good, "categories": []}]
    with pytest.raises(InvalidInputError) as caught:
        parse_document(json.dumps(incidents).encode())
    assert str(caught.value) == "incident 2: categories needs at least 1"
    assert error_text(caught.value, "fr") == "incident 2 : categories doit en contenir au moins 1"


def test_a_phrase_given_as_a_field_is_translated_too() -> None:
    with pytest.raises(FieldLogError) as caught:
        bagit.parse_manifest(b"\xff\n", Message("the tag manifest"))
    assert str(caught.value) == "refused: the tag manifest is not UTF-8 text"
    assert error_text(caught.value, "fr") == FRENCH["refused: {what} is not UTF-8 text"].format(
        what=FRENCH["the tag manifest"]
    )
    assert "manifest" not in error_text(caught.value, "fr").replace("manifeste", "")


def test_a_translation_that_lost_a_field_falls_back_to_english(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(FRENCH, "no such file: {path}", "fichier introuvable : {chemin}")
    error = InvalidInputError("no such file: {path}", path="/media/usb/july.pdf")
    assert error_text(error, "fr") == "no such file: /media/usb/july.pdf"


def test_a_sentence_without_a_translation_is_shown_in_english() -> None:
    assert translate(Message("no such sentence ({n})", n=3), "fr") == "no such sentence (3)"
    assert translate_text("a note from another FieldLog", "fr") == "a note from another FieldLog"
    assert (
        translate_text("metadata could not be read: the file is damaged", "fr")
        == FRENCH["metadata could not be read: the file is damaged"]
    )


def test_what_the_json_parser_says_is_translated_too() -> None:
    with pytest.raises(InvalidInputError) as caught:
        parse_document(b'{"title": "Gas", "categories": ["tear_gas"')
    assert str(caught.value) == "malformed JSON: ',' was expected at line 1, column 43"
    assert error_text(caught.value, "fr") == (
        "JSON mal formé : ',' était attendu à la ligne 1, colonne 43"
    )
