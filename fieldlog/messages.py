"""Messages of the core in the interface's language.

The core raises errors in English (the command line prints them so); the desktop app shows
them in the language it is set to. A message's template is looked up in the language's
table, then its fields are filled in, each ``Message`` field translated the same way.
A template with no translation is shown in English rather than not at all.
"""

from fieldlog.errors import FieldLogError, Message
from fieldlog.messages_fr import FRENCH

TABLES: dict[str, dict[str, str]] = {"en": {}, "fr": FRENCH}


def translate(message: Message, lang: str) -> str:
    table = TABLES.get(lang, {})
    template = table.get(message.template, message.template)
    if not message.fields:
        return template
    values = {
        name: translate(value, lang) if isinstance(value, Message) else value
        for name, value in message.fields.items()
    }
    try:
        return template.format_map(values)
    except (KeyError, IndexError, ValueError):  # a translation that lost a field: English
        return str(message)


def translate_text(text: str, lang: str) -> str:
    """A stored English sentence (a note kept with a photo) in ``lang``."""
    return TABLES.get(lang, {}).get(text, text)


def error_text(error: FieldLogError, lang: str) -> str:
    return translate(error.message, lang)
