"""Bundles for legal teams: a signed BagIt bag in a tar, encrypted with age, streamed.

The format lives here, Qt-free and free of the vault: ``agestream`` (encryption),
``tarstream`` (the strict tar), ``bagit`` (tag files), ``signing``, ``records``
(``data/incidents.json`` and consent filtering), ``chain`` (``data/custody.jsonl``),
``export`` (writing), ``verify`` (reading and checking) and ``merge`` (the merge rules).
The actions on a vault are in ``fieldlog.services.bundles`` and ``.contacts``;
docs/bundle-format.md describes the format for people who open a bundle without FieldLog.
"""
