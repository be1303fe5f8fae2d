"""The interface strings of what is wrong in a pack file (packs.problems.Problem codes), of files
that cannot be read or written (safety.files), and of the operating system's errors.

`what.*` name the part of a pack a problem is in ("event 3", "option 2 of question 5"); they
are values of the `pack.*` sentences. The English is what `ali-quiz validate` prints.
"""

from __future__ import annotations

# key -> (English, 繁體中文)
STRINGS: dict[str, tuple[str, str]] = {
    # -- the parts of a pack -----------------------------------------------------------------
    "what.a_pack": ("a pack", "題庫"),
    "what.the_pack": ("the pack", "題庫"),
    "what.event": ("event {n}", "第 {n} 個事件"),
    "what.state": ("state {n}", "第 {n} 個狀態"),
    "what.version": ("version {n}", "第 {n} 個版本"),
    "what.metric": ("metric {n}", "第 {n} 個數字"),
    "what.sequence": ("sequence {n}", "第 {n} 個序列"),
    "what.passage": ("passage {n}", "第 {n} 篇短文"),
    "what.question": ("question {n}", "第 {n} 題"),
    "what.item_of": ("{what}, item {n}", "{what}的第 {n} 項"),
    "what.option_of": ("option {n} of {what}", "{what}的第 {n} 個選項"),
    "what.pair_of": ("pair {n} of {what}", "{what}的第 {n} 組配對"),
    "what.alike_of": ("alike of {what}", "{what}的 alike"),
    "what.facts_of": ("facts of {what}", "{what}的 facts"),
    "what.key": ("{key}", "`{key}`"),
    # -- shapes of values --------------------------------------------------------------------
    "pack.did_you_mean": (" (did you mean {word}?)", "（是不是 {word}？）"),
    "pack.not_mapping": (
        "{what} must be a mapping of `key: value` lines",
        "{what}必須是一行行 `鍵: 值` 的對應",
    ),
    "pack.unknown_key": ("unknown key {key} in {what}{hint}", "{what}裡有不認得的鍵 {key}{hint}"),
    "pack.not_list": (
        "{what} must be a list (lines starting with `- `)",
        "{what}必須是清單（以 `- ` 開頭的各行）",
    ),
    "pack.needs_key": ("{what} needs `{key}:`", "{what}需要 `{key}:`"),
    "pack.text_not_list": (
        "`{key}` of {what} must be text, not a list or mapping",
        "{what}的 `{key}` 必須是文字，不能是清單或對應",
    ),
    "pack.empty_value": ("`{key}` of {what} is empty", "{what}的 `{key}` 是空的"),
    "pack.list_of_texts": (
        "`{key}` of {what} must be a list of texts",
        "{what}的 `{key}` 必須是文字清單",
    ),
    "pack.entry_not_text": (
        "every entry of `{key}` in {what} must be a non-empty text",
        "{what}的 `{key}` 每一項都必須是不空的文字",
    ),
    "pack.not_number": ("`{key}` of {what} must be a number", "{what}的 `{key}` 必須是數字"),
    "pack.value_error": ("`{key}` of {what}: {error}", "{what}的 `{key}`：{error}"),
    "pack.not_whole": (
        "`{key}` of {what} must be a whole number",
        "{what}的 `{key}` 必須是整數",
    ),
    "pack.out_of_range": (
        "`{key}` of {what} must be from {low} to {high}, not {shown}",
        "{what}的 `{key}` 必須介於 {low} 到 {high}，不能是 {shown}",
    ),
    "pack.digits": ("a number of {count} digits", "{count} 位數的數字"),
    "pack.not_boolean": (
        "`{key}` of {what} must be true or false",
        "{what}的 `{key}` 必須是 true 或 false",
    ),
    "pack.needs_date": (
        "{what} needs `{key}:` (YYYY, YYYY-MM or YYYY-MM-DD)",
        "{what}需要 `{key}:`（YYYY、YYYY-MM 或 YYYY-MM-DD）",
    ),
    "pack.not_date": (
        "`{key}` of {what} must be a date such as 2016-09",
        "{what}的 `{key}` 必須是日期，例如 2016-09",
    ),
    "pack.bad_id": (
        "id {id} of {what} may use only lowercase letters, digits, `-`, `_` and `.`, starting"
        " with a letter or digit",
        "{what}的 id {id} 只能用小寫字母、數字、`-`、`_` 和 `.`，並以字母或數字開頭",
    ),
    "pack.duplicate_id": (
        "duplicate id {id} (first used on line {line})",
        "重複的 id {id}（第一次用在第 {line} 行）",
    ),
    "pack.not_fact_ids": ("`{key}` must list fact ids", "`{key}` 必須列出事實的 id"),
    # -- dates -------------------------------------------------------------------------------
    "date.shape": (
        "{text} is not a date: write YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2016-09)",
        "{text} 不是日期：請寫成 YYYY、YYYY-MM 或 YYYY-MM-DD（例如 2016-09）",
    ),
    "date.year": ("{text}: the year must be 0001 or later", "{text}：年份必須是 0001 或更晚"),
    "date.month": ("{text}: there is no month {month}", "{text}：沒有 {month} 月"),
    "date.day": (
        "{text}: {year}-{month} has no day {day} (it has {last} days)",
        "{text}：{year}-{month} 沒有 {day} 日（那個月只有 {last} 天）",
    ),
    # -- the pack and its facts --------------------------------------------------------------
    "pack.bad_pack_id": (
        "pack id {id} may use only lowercase letters, digits and single hyphens"
        " (e.g. my-class-pack)",
        "題庫 id {id} 只能用小寫字母、數字和單一連字號（例如 my-class-pack）",
    ),
    "pack.bad_language": (
        "language {language} is not a language tag such as en, zh-Hant or de",
        "語言 {language} 不是語言標籤（例如 en、zh-Hant 或 de）",
    ),
    "pack.unknown_ref": (
        "{what} refers to unknown id {id}{hint}",
        "{what}指向不存在的 id {id}{hint}",
    ),
    "pack.not_metric": ("{what}: {id} is not a metric", "{what}：{id} 不是數字（metric）"),
    "pack.no_facts": (
        "the pack has no facts and no questions: add events, states, versions, metrics,"
        " sequences or questions",
        "題庫沒有任何事實或題目：請加上 events、states、versions、metrics、sequences 或 questions",
    ),
    "pack.percent_unit": (
        "{what} is written as a percentage: its unit must be %",
        "{what}寫成百分比：單位必須是 %",
    ),
    "pack.tolerance_of": (
        "`tolerance` of {what} is a share from 0 to 1 (0.05 means 5%)",
        "{what}的 `tolerance` 是 0 到 1 之間的比例（0.05 表示 5%）",
    ),
    "pack.two_ranks": (
        "{what} needs items of at least two ranks",
        "{what}的項目至少要有兩個不同的名次",
    ),
    "pack.listed_twice": (
        "{what} lists {text} twice: players could not tell the two apart",
        "{what}把 {text} 列了兩次：玩家分不出這兩項",
    ),
    "pack.needs_rank": (
        "{what} needs `rank:` (1 for the first; equal ranks are ties)",
        "{what}需要 `rank:`（第一名是 1；名次相同表示並列）",
    ),
    # -- authored questions ------------------------------------------------------------------
    "pack.no_passage": (
        "`passage` of {what} names no passage: {name} is not the id of an entry of"
        " `passages:`{hint}",
        "{what}的 `passage` 找不到短文：{name} 不是 `passages:` 裡任何一項的 id{hint}",
    ),
    "pack.unknown_kind": (
        "unknown kind {kind} of {what}: use one of {kinds}{hint}",
        "{what}的題型 {kind} 不存在：請用 {kinds} 之一{hint}",
    ),
    "pack.key_not_of_kind": ("`{key}` does not belong to {question}", "`{key}` 不屬於{question}"),
    "pack.count_limits": (
        "{question} holds {low} to {high} {key}; {what} has {count}",
        "{question}的 `{key}` 要有 {low} 到 {high} 個；{what}有 {count} 個",
    ),
    "pack.a_question.choice": ("a choice question", "選擇題"),
    "pack.a_question.multi": ("a multi question", "複選題"),
    "pack.a_question.order": ("an order question", "排序題"),
    "pack.a_question.match": ("a match question", "配對題"),
    "pack.a_question.estimate": ("an estimate question", "估算題"),
    "pack.a_question.text": ("a text question", "簡答題"),
    "pack.weight_range": (
        "a weight is a percent from -100 to 100",
        "權重是 -100 到 100 之間的百分比",
    ),
    "pack.correct_and_weight": (
        "{what}: give `correct` or `weight`, not both",
        "{what}：`correct` 和 `weight` 只能擇一",
    ),
    "pack.same_option_text": (
        "two options of {what} have the same text",
        "{what}有兩個選項的文字相同",
    ),
    "pack.no_right_option": (
        "{what} has no right option: mark one with `correct: true`",
        "{what}沒有正確選項：請用 `correct: true` 標出一個",
    ),
    "pack.no_right_options": (
        "{what} has no right option: mark them with `correct: true`",
        "{what}沒有正確選項：請用 `correct: true` 標出正確的選項",
    ),
    "pack.several_correct": (
        "{what} marks more than one option correct: use `weight:` for answers worth part marks",
        "{what}標了不只一個正確選項：部分給分的答案請用 `weight:`",
    ),
    "pack.weights_sum": (
        "the positive weights of {what} add up to {sum}%: the right options share 100%"
        " (e.g. 50 and 50), wrong ones carry negative weights",
        "{what}的正權重加起來是 {sum}%：正確選項合計 100%（例如 50 和 50），錯誤選項用負權重",
    ),
    "pack.same_item_text": (
        "two items of {what} have the same text",
        "{what}有兩個項目的文字相同",
    ),
    "pack.match_distinct": (
        "{what}: every left item and every right item (decoys included) must be different",
        "{what}：左邊每一項和右邊每一項（含干擾項）都必須不同",
    ),
    "pack.tolerance": (
        "`tolerance` is a share from 0 to 1 (0.05 means 5%)",
        "`tolerance` 是 0 到 1 之間的比例（0.05 表示 5%）",
    ),
    "pack.range_two": (
        "`range` holds two numbers: [min, max]",
        "`range` 要有兩個數字：`[min, max]`",
    ),
    "pack.range_order": (
        "`range` is [min, max]: min must not be above max",
        "`range` 是 `[min, max]`：min 不能大於 max",
    ),
    "pack.tolerance_and_range": (
        "{what}: give `tolerance` (log scoring) or `range` (band scoring), not both",
        "{what}：`tolerance`（對數計分）和 `range`（區間計分）只能擇一",
    ),
    "pack.needs_accepted": (
        "{what} needs `accepted:` with at least one answer",
        "{what}需要 `accepted:`，至少一個答案",
    ),
    # -- the file and its YAML ---------------------------------------------------------------
    "pack.too_large": (
        "file too large: {size} MiB (the limit is {limit})",
        "檔案太大：{size} MiB（上限是 {limit}）",
    ),
    "pack.binary": (
        "binary file: a pack is a YAML text file (UTF-8)",
        "二進位檔案：題庫是 YAML 文字檔（UTF-8）",
    ),
    "pack.not_utf8": (
        "not UTF-8 text (byte 0x{byte}): save the file as UTF-8",
        "不是 UTF-8 文字（位元組 0x{byte}）：請把檔案存成 UTF-8",
    ),
    "pack.surrogate": (
        "not UTF-8 text (a lone surrogate character)",
        "不是 UTF-8 文字（有落單的代理字元）",
    ),
    "pack.empty_file": (
        "empty file: a pack needs at least id, title and language",
        "空檔案：題庫至少要有 id、title 和 language",
    ),
    "pack.tab_indent": (
        "tab used for indentation: indent with spaces",
        "用了 tab 縮排：請改用空格縮排",
    ),
    "pack.yaml_syntax": (
        "YAML syntax error: {what}{context}{hint}",
        "YAML 語法錯誤：{what}{context}{hint}",
    ),
    "pack.yaml_error": ("YAML error: {error}", "YAML 錯誤：{error}"),
    "pack.duplicate_key": (
        "duplicate key {key} (first given on line {line})",
        "重複的鍵 {key}（第一次出現在第 {line} 行）",
    ),
    # How to fix a syntax error (packs/yamlhints.py), after the error.
    "hint.quote_start": (
        '; a value starting with {char} must be in quotes: write {key}: "{value}"{percent}',
        '；以 {char} 開頭的值要加引號：請寫 `{key}: "{value}"`{percent}',
    ),
    "hint.percent_unit": (
        ' (the percent unit is written unit: "%")',
        '（百分比的單位寫成 `unit: "%"`）',
    ),
    "hint.quote_colon": (
        '; a value holding ": " must be in quotes: write {key}: "{value}"',
        '；含有 `: ` 的值要加引號：請寫 `{key}: "{value}"`',
    ),
    "hint.indentation": (
        "; check the indentation: the keys of one entry, and the `- ` of one list, must start"
        " in the same column (use spaces, not tabs)",
        "；請檢查縮排：同一項的各個鍵、同一個清單的 `- ` 都要從同一欄開始（用空格，不要用 tab）",
    ),
    "hint.quote": ("; put the value in quotes", "；請把這個值加上引號"),
    "hint.unclosed": (
        "; the {opener} opened on this line is never closed: end it with {closer}, or put the"
        " value of {key} in quotes if the {opener} is part of its text",
        "；這一行的 {opener} 沒有結束：請補上 {closer}；"
        "如果 {opener} 是 {key} 文字的一部分，請把整個值加上引號",
    ),
    "pack.too_many_values": (
        "too many values: the limit is {max} in a file",
        "值太多：一個檔案最多 {max} 個",
    ),
    "pack.too_deep": (
        "lists and mappings nested too deep (the limit is {max} levels)",
        "清單和對應巢狀太深（上限是 {max} 層）",
    ),
    "pack.too_many_or_deep": (
        "too many values or nested too deep (limits: {max} values, {depth} levels)",
        "值太多或巢狀太深（上限：{max} 個值、{depth} 層）",
    ),
    "pack.alias_bomb": (
        "too many values once aliases are expanded (an alias bomb?): the limit is {max}",
        "展開別名後值太多（別名炸彈？）：上限是 {max}",
    ),
    "pack.alias_loop": ("an alias refers to itself (a loop)", "別名指向自己（迴圈）"),
    "pack.key_not_text": ("a key must be plain text", "鍵必須是一般文字"),
    "pack.merge_key": ("merge keys (<<) are not supported", "不支援合併鍵（<<）"),
    "pack.more_problem": (
        "and {count} more problem (fix the first ones, then validate again)",
        "還有 {count} 個問題（先修正前面的，再檢查一次）",
    ),
    "pack.more_problems": (
        "and {count} more problems (fix the first ones, then validate again)",
        "還有 {count} 個問題（先修正前面的，再檢查一次）",
    ),
    # -- ids in the catalog ------------------------------------------------------------------
    "pack.no_file": ("no pack file at {path}", "{path} 沒有題庫檔案"),
    "pack.no_id": (
        "no pack with the id {id} (packs found: {known})",
        "沒有 id 為 {id} 的題庫（找到的題庫：{known}）",
    ),
    "pack.builtin_id": (
        "the id {id} belongs to a built-in pack: give your pack another id",
        "id {id} 屬於內建題庫：請給你的題庫另一個 id",
    ),
    "pack.taken_id": (
        "another pack already uses the id {id} ({path}): give this one another id",
        "另一個題庫（{path}）已經用了 id {id}：請給這個題庫另一個 id",
    ),
    "config.more_unknown": (
        "{path}: and {count} more unknown settings ignored (is this a settings file?)",
        "{path}：還有 {count} 個不認得的設定，已略過（這是設定檔嗎？）",
    ),
}
