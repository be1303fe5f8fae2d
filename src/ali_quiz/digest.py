"""sha256 without loading OpenSSL: importing hashlib costs a short command more than hashing.

Question ids, round codes and content hashes are sha256; CPython's own implementation gives
the same digests as OpenSSL's, and is there at once.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from hashlib import sha256
else:
    try:
        from _sha2 import sha256  # CPython 3.12 and later
    except ImportError:  # pragma: no cover - depends on the Python version
        try:
            from _sha256 import sha256  # CPython 3.11
        except ImportError:  # a Python built without them
            from hashlib import sha256

__all__ = ["sha256"]
