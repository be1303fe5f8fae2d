"""The join URL as a QR code drawn with half blocks, dark modules on a light background."""

from __future__ import annotations

QUIET = 2  # modules of light border; phones read a code this size with two


def qr_matrix(url: str) -> list[list[bool]]:
    """Dark (True) and light modules of the URL's QR code, with a quiet border."""
    import segno

    code = segno.make(url, error="m", micro=False)
    rows = [[bool(module) for module in row] for row in code.matrix]
    size = len(rows)
    blank = [False] * (size + 2 * QUIET)
    return (
        [list(blank) for _ in range(QUIET)]
        + [[False] * QUIET + row + [False] * QUIET for row in rows]
        + [list(blank) for _ in range(QUIET)]
    )


def qr_rows(url: str) -> list[str]:
    """Two module rows per text row: `█` light over light, `▀` light over dark, and so on.

    Drawn as light-on-default with the light modules as ink, so a dark terminal shows a normal
    code (dark modules, light paper) and a phone reads it.
    """
    matrix = qr_matrix(url)
    if len(matrix) % 2:
        matrix.append([False] * len(matrix[0]))
    lines = []
    for top, bottom in zip(matrix[::2], matrix[1::2], strict=True):
        lines.append(
            "".join(
                " ▄▀█"[(0 if t else 2) + (0 if b else 1)] for t, b in zip(top, bottom, strict=True)
            )
        )
    return lines


def qr_text(url: str) -> str:
    """The QR code for a terminal: light blocks in white on black, so any theme shows it."""
    return "\n".join(f"\x1b[97;40m{line}\x1b[0m" for line in qr_rows(url))
