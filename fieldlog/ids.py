"""Ids of internal rows (revisions, custody events): UUID version 7 (RFC 9562).

Unique across laptops (74 random bits) and ordered by creation time, so new
rows land at the end of the database's indexes instead of all over them.
Ids people type (incidents, testimonies, media) stay version 4: rows made in
the same second would otherwise share their first characters.
"""

import secrets
import time
import uuid


def new_id() -> uuid.UUID:
    milliseconds = time.time_ns() // 1_000_000
    value = (milliseconds & ((1 << 48) - 1)) << 80
    value |= 0x7 << 76  # version 7
    value |= secrets.randbits(12) << 64
    value |= 0b10 << 62  # RFC 9562 variant
    value |= secrets.randbits(62)
    return uuid.UUID(int=value)
