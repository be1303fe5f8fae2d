"""A GIFT text in its format (`[html]`, `[moodle]`, `[markdown]`, `[plain]`) as plain text.

ali-quiz shows text: HTML tags are dropped (block elements become line breaks), entities are
decoded, and links, pictures and sounds stay in the text with their address so nothing is lost
and the import can say what changed.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from html.parser import HTMLParser

__all__ = ["Converted", "convert", "html_to_text"]


class _TextOfHtml(HTMLParser):
    """Collects the text of an HTML fragment; block elements become line breaks.

    Links, pictures and sounds cannot be shown in a terminal: each stays in the text as its
    address (`the article (https://…)`, `[image: map of the Alps https://…]`) and is listed in
    `media`, so the import can say what changed.
    """

    BREAKS = frozenset({"br", "p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6"})
    SOUNDS = frozenset({"audio", "video"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.media: list[str] = []
        self.link: tuple[str, int] | None = None  # (href, index in parts where its text starts)
        self.sound: str | None = None  # the kind of an open <audio>/<video> without its own src

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {name: value or "" for name, value in attrs}
        if tag in self.BREAKS:
            self.parts.append("\n")
        if tag == "img":
            alt = " ".join(found.get("alt", "").split())
            src = found.get("src", "")
            self.media.append(f"an image ({src or 'no address'})")
            self.parts.append(f" [image: {alt} {src}] ".replace("  ", " "))
        elif tag == "a" and found.get("href"):
            self.link = (found["href"], len(self.parts))
        elif tag in self.SOUNDS:
            if found.get("src"):
                self.sound_at(tag, found["src"])
            else:
                self.sound = tag
        elif tag == "source" and self.sound and found.get("src"):
            self.sound_at(self.sound, found["src"])
            self.sound = None

    def sound_at(self, kind: str, src: str) -> None:
        self.media.append(f"{'a sound' if kind == 'audio' else 'a video'} ({src})")
        self.parts.append(f" [{kind}: {src}] ")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.BREAKS:
            self.parts.append("\n")
        if tag == "a" and self.link is not None:
            href, start = self.link
            self.link = None
            shown = "".join(self.parts[start:]).strip()
            if href != shown:
                self.parts.append(f" ({href})")
            self.media.append(f"a link ({href})")
        if tag in self.SOUNDS:
            self.sound = None

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


@dataclass(frozen=True)
class Converted:
    text: str
    media: tuple[str, ...] = ()  # links, images and sounds kept as text: "an image (https://…)"


def html_to_text(markup: str) -> Converted:
    """The readable text of an HTML fragment: tags dropped, entities decoded, spaces tidied."""
    parser = _TextOfHtml()
    parser.feed(markup)
    parser.close()
    lines = [" ".join(line.split()) for line in "".join(parser.parts).split("\n")]
    return Converted("\n".join(line for line in lines if line), tuple(parser.media))


#: Tags that make Moodle's default format text HTML (Moodle shows them as such).
_HTML_TAG_RE = re.compile(
    r"<\s*(?:a|img|audio|video|source|p|br|div|span|b|i|u|em|strong|ul|ol|li|table|sub|sup)\b",
    re.IGNORECASE,
)
_MARKDOWN_IMAGE_RE = re.compile(r"!\[([^\]]*)\]\(\s*(\S+?)\s*\)")
_MARKDOWN_LINK_RE = re.compile(r"(?<!!)\[([^\]]+)\]\(\s*(\S+?)\s*\)")


def _markdown_to_text(text: str) -> Converted:
    media: list[str] = []

    def image(found: re.Match[str]) -> str:
        media.append(f"an image ({found.group(2)})")
        return f"[image: {found.group(1)} {found.group(2)}]".replace("  ", " ")

    def link(found: re.Match[str]) -> str:
        media.append(f"a link ({found.group(2)})")
        return f"{found.group(1)} ({found.group(2)})"

    text = _MARKDOWN_LINK_RE.sub(link, _MARKDOWN_IMAGE_RE.sub(image, text))
    return Converted(text, tuple(media))


def convert(text: str, text_format: str) -> Converted:
    """Text in a question's format as the plain text ali-quiz shows."""
    if text_format == "html" or (text_format == "moodle" and _HTML_TAG_RE.search(text)):
        return html_to_text(text)
    if text_format == "markdown":
        return _markdown_to_text(text)
    # [moodle] and [plain] read well as they are; entities are HTML's business only.
    return Converted(html.unescape(text) if text_format == "moodle" and "&" in text else text)
