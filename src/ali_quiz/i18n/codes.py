"""The interface strings of round codes that cannot be used (quiz.codes.CodeError reasons)."""

from __future__ import annotations

# key -> (English, 繁體中文)
STRINGS: dict[str, tuple[str, str]] = {
    "code.letter_u": (
        "not a round code: U is never used in round codes (did you mean V?) (character"
        " {position}); a code looks like 0AZF-E3RG-1Z8D, digits and letters without I, L, O and U",
        "這不是回合代碼：回合代碼不用 U（是不是 V？）（第 {position} 個字元）；"
        "代碼長得像 0AZF-E3RG-1Z8D，由數字和字母組成，不含 I、L、O、U",
    ),
    "code.bad_character": (
        "not a round code: {char} is not used in round codes (character {position}); a code"
        " looks like 0AZF-E3RG-1Z8D, digits and letters without I, L, O and U",
        "這不是回合代碼：回合代碼不用 {char}（第 {position} 個字元）；"
        "代碼長得像 0AZF-E3RG-1Z8D，由數字和字母組成，不含 I、L、O、U",
    ),
    "code.length": (
        "not a round code: {shown} has {count} letters and digits, a round code has {short}"
        " to {long} (like 0AZF-E3RG-1Z8D or 2BFQ-Q1W8S-01Z8F); check that none is missing"
        " or doubled",
        "這不是回合代碼：{shown} 有 {count} 個字母和數字，回合代碼有 {short} 到 {long} 個"
        "（例如 0AZF-E3RG-1Z8D 或 2BFQ-Q1W8S-01Z8F）；"
        "請檢查有沒有漏掉或重複的字元",
    ),
    "code.mistyped": (
        "round code {code} is mistyped: its check character does not match; compare it with"
        " the code you were given, character by character",
        "回合代碼 {code} 打錯了：檢查碼對不上；請和拿到的代碼逐字比對",
    ),
    "code.not_understood": (
        "{code} is not a round code this version of ali-quiz understands (it names no known"
        " mode or an impossible number of questions); ask for the code again",
        "這個版本的 ali-quiz 看不懂 {code}（它指定了不存在的模式或不可能的題數）；請再要一次代碼",
    ),
    "code.other_version": (
        "this round code was made for another version of the pack {pack} ({title}): the pack"
        " you have has been changed since, so the round would not be the same; install the"
        " teacher's copy of the pack (ali-quiz packs add FILE) or ask for a new code",
        "這個回合代碼是為另一個版本的題庫 {pack}（{title}）產生的：你的題庫已經改過，"
        "回合不會一樣；請安裝老師的題庫檔案（ali-quiz packs add FILE）或要一個新代碼",
    ),
    "code.other_builtin_version": (
        "this round code was made for another version of the built-in pack {pack} ({title}),"
        " which has changed with this version of ali-quiz, so the round would not be the same;"
        " ask for a new code made with this version",
        "這個回合代碼是為另一個版本的內建題庫 {pack}（{title}）產生的：這個版本的 ali-quiz "
        "附帶的題庫已經改過，回合不會一樣；請要一個用這個版本產生的新代碼",
    ),
    "code.other_pack": (
        "round code {code} is for the pack {pack}, not {given}: a code names its own pack, so"
        " play it without choosing one (leave out --pack)",
        "回合代碼 {code} 屬於題庫 {pack}，不是 {given}：代碼已經指定了題庫，"
        "不必另外選（請拿掉 --pack）",
    ),
    "code.unknown_pack": (
        "no installed pack matches this round code: install the pack it was made for"
        " (ali-quiz packs add FILE), then try the code again",
        "沒有已安裝的題庫符合這個回合代碼："
        "請先安裝它所用的題庫（ali-quiz packs add FILE），再試一次",
    ),
    "code.bad_hash": (
        "pack hash {hash} is not a hexadecimal sha256",
        "題庫雜湊 {hash} 不是十六進位的 sha256",
    ),
    "code.short_hash": (
        "pack hash {hash} is too short: give the full sha256 in hex",
        "題庫雜湊 {hash} 太短：請給完整的十六進位 sha256",
    ),
    "code.no_code_mode": (
        "a {mode} round has no code: codes exist for {modes} rounds",
        "{mode} 回合沒有代碼：只有 {modes} 回合有代碼",
    ),
    "code.count_too_large": (
        "a round code holds 1 to {max} questions, not {count}",
        "回合代碼只能有 1 到 {max} 題，不能是 {count} 題",
    ),
    "code.seed_too_large": (
        "seed {seed} does not fit in a round code: use a seed from 0 to {max}",
        "種子 {seed} 放不進回合代碼：請用 0 到 {max} 的種子",
    ),
}
