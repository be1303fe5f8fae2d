"""An option's text with a hanging indent: `A. ` then the text, whose wrapped lines start under
the text rather than under the letter, so that options of several lines read apart."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.content import Content
from textual.strip import Strip
from textual.visual import RenderOptions, Visual

if TYPE_CHECKING:
    from textual.css.styles import RulesMap
    from textual.style import Style


class Hanging(Visual):
    """`label` on the first line, `text` wrapped beside it (a Visual: an OptionList's prompt)."""

    def __init__(self, label: Content, text: Content) -> None:
        self.label = label
        self.text = text

    @property
    def plain(self) -> str:
        return self.label.plain + self.text.plain

    def __str__(self) -> str:
        return self.plain

    def whole(self) -> Content:
        return self.label + self.text

    def indent(self, width: int) -> int:
        """The label's width, or 0 when the width leaves the text too little room beside it."""
        indent = self.label.cell_length
        return indent if width - indent >= max(indent, 8) else 0

    def render_strips(
        self, width: int, height: int | None, style: Style, options: RenderOptions
    ) -> list[Strip]:
        indent = self.indent(width)
        if not indent:
            return self.whole().render_strips(width, height, style, options)
        lines = self.text.render_strips(width - indent, height, style, options)
        head = self.label.render_strips(indent, 1, style, options)
        first = Strip.join([head[0], lines[0]]) if lines else head[0]
        blank = Strip.blank(indent, style.rich_style)
        return [first, *(Strip.join([blank, line]) for line in lines[1:])]

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return self.label.cell_length + self.text.get_optimal_width(rules, container_width)

    def get_height(self, rules: RulesMap, width: int) -> int:
        indent = self.indent(width)
        if not indent:
            return self.whole().get_height(rules, width)
        return self.text.get_height(rules, width - indent)
