"""The interface strings of the Timeline screen: its tabs, columns and notes."""

from __future__ import annotations

# key -> (English, 繁體中文)
STRINGS: dict[str, tuple[str, str]] = {
    "timeline.title": ("Timeline", "時間線"),
    "timeline.tab.timeline": ("Timeline", "時間線"),
    "timeline.tab.figures": ("Figures", "數字"),
    "timeline.tab.versions": ("Versions", "版本"),
    "timeline.tab.sequences": ("Sequences", "序列"),
    "timeline.col.date": ("Date", "日期"),
    "timeline.col.what": ("What", "事件"),
    "timeline.col.figure": ("Figure", "指標"),
    "timeline.col.written": ("Written", "原文寫法"),
    "timeline.col.plain": ("Plain number", "數值"),
    "timeline.col.unit": ("Unit", "單位"),
    "timeline.col.as_of": ("As of", "時間"),
    "timeline.col.product": ("Product", "產品"),
    "timeline.col.version": ("Version", "版本"),
    "timeline.col.codename": ("Codename", "代號"),
    "timeline.undated": ("no date", "無日期"),
    "timeline.source": ("Source: {source}", "出處：{source}"),
    "timeline.no_source": ("(no source sentence)", "（沒有出處句子）"),
    "timeline.empty": ("Nothing of this kind in the pack.", "這個題庫沒有這類事實。"),
    "timeline.highlights": ("Highlights: {items}", "重點：{items}"),
    "timeline.version_event": ("{title} released", "{title}釋出"),  # as the questions say it
}
