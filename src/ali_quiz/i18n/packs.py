"""The Packs screen's strings: the table, a pack's detail, opening and reloading packs, and
what a pack is too small for."""

from __future__ import annotations

# key -> (English, 繁體中文)
STRINGS: dict[str, tuple[str, str]] = {
    # Packs
    "packs.title": ("Packs", "題庫"),
    "packs.col.id": ("Id", "代號"),
    "packs.col.title": ("Title", "標題"),
    "packs.col.language": ("Lang", "語言"),
    "packs.col.facts": ("Facts", "事實數"),
    "packs.col.status": ("Status", "狀態"),
    "packs.valid": ("valid", "有效"),
    "packs.invalid": ("errors", "有錯誤"),
    "packs.builtin": ("built in", "內建"),
    "packs.path": ("Path: {path}", "路徑：{path}"),
    "packs.builtin_path": ("Path: built into ali-quiz ({name})", "路徑：ali-quiz 內建（{name}）"),
    "packs.counts": (
        "events {events} · versions {versions} · figures {metrics} · sequences {sequences}"
        " · questions {questions}",
        "事件 {events} · 版本 {versions} · 數字 {metrics} · 序列 {sequences} · 自訂題 {questions}",
    ),
    "packs.errors": ("Errors (this pack cannot be played):", "錯誤（這個題庫無法遊玩）："),
    "packs.kind_hidden": (
        "too few facts for {mode} questions (it needs {needs}): the mode is hidden",
        "事實不夠（{mode}模式需要{needs}）：這個模式已隱藏",
    ),
    "packs.needs.order": (
        "dated events or versions whose dates do not overlap, or sequences, for three orders"
        " that never order two items twice (7 dated facts, say)",
        "足以出三題排序、且不重複排序同兩項的事實：日期不重疊的事件或版本，"
        "或順序（例如 7 個有日期的事實）",
    ),
    "packs.needs.match": (
        "dated facts with dates apart, versions with highlights, or figures (two or more of"
        " each unit) for three matches that never pair a fact twice (9 dated facts, say)",
        "足以出三題配對、且不重複配對同一事實的事實：日期分開的事實、有重點的版本，"
        "或數據（每種單位兩個以上）（例如 9 個有日期的事實）",
    ),
    "packs.needs.estimate": (
        "three metrics above zero that are neither a small whole number nor a rank, one for"
        " each estimate",
        "三個大於零、不是小整數也不是名次的數據，每題估算各用一個",
    ),
    "packs.needs.quick": (
        "facts for order, match, estimate or choice questions, or three questions of your own,"
        " for a round of three that keeps the rules of a good round: see ali-quiz validate",
        "足以出排序、配對、估算或選擇題的事實，或三題自編題目，才能組成合乎好回合規則的三題回合"
        "（見 ali-quiz validate）",
    ),
    "packs.needs.choice": (
        "three facts with two distractors each of the same type (three dates apart, three"
        " figures of one unit, a small number or a rank, a sequence of 3 ranks)",
        "三個各有兩個同類干擾選項的事實（三個分開的日期、三個同單位的數據、一個小數目或名次、"
        "一個有 3 個名次的順序）",
    ),
    "packs.figure_not_estimated": (
        "the figure {id} ({written}) is below zero: it is never asked as an estimate, which"
        " scores a positive guess by how near it is, nor as a choice among near figures",
        "數據 {id}（{written}）小於零：估算題依正數答案的接近程度計分，所以它不會出成估算題，"
        "也不會出成相近數據的選擇題",
    ),
    "packs.warnings": ("Warnings:", "警告："),
    "packs.modes": ("Modes: {modes}", "模式：{modes}"),
    "packs.cannot_start": (
        "{pack} has errors and cannot be played: fix them and press r to reload.",
        "{pack} 有錯誤，無法遊玩：修正後按 r 重新載入。",
    ),
    "packs.using": ("Now playing {pack}.", "現在使用 {pack}。"),
    "packs.open_title": ("Open a pack file", "開啟題庫檔案"),
    "packs.open_placeholder": ("path to a .yaml pack", ".yaml 題庫檔案的路徑"),
    "packs.open_button": ("Open", "開啟"),
    "packs.cancel": ("Cancel", "取消"),
    "packs.open_missing": ("No file at {path}.", "找不到檔案 {path}。"),
    "packs.open_refused": ("{path} {reason}.", "{path} {reason}。"),
    "packs.opened": ("Opened {pack}.", "已開啟 {pack}。"),
    "packs.open_invalid": ("{path} has errors: see the list.", "{path} 有錯誤：請看清單。"),
    "packs.preview_title": ("Preview: {pack}", "預覽：{pack}"),
    "packs.preview_kind": ("{kind}: {count} generated", "{kind}：產生 {count} 題"),
    "packs.preview_none": ("{kind}: not enough facts", "{kind}：事實不夠"),
    "packs.preview_play": ("Play this pack", "玩這個題庫"),
    "packs.loading": ("Looking for packs…", "正在尋找題庫…"),
}
