"""The interface strings of figures that cannot be read (the number parser's reasons)."""

from __future__ import annotations

# key -> (English, 繁體中文)
STRINGS: dict[str, tuple[str, str]] = {
    "number.cannot_read": (
        "Cannot read {shown} as a number: {reason}",
        "無法把 {shown} 讀成數字：{reason}",
    ),
    "number.hint": (
        "write digits with an optional 萬/億, million/billion, k/M/B, or %",
        "請用數字，可加上 萬/億、million/billion、k/M/B 或 %",
    ),
    "number.empty": (
        "Nothing to read as a number: {hint}, e.g. 2億 or 200 million",
        "沒有可以讀成數字的內容：{hint}，例如 2億 或 200 million",
    ),
    "number.too_long": (
        "it is longer than {max} characters; type just the figure",
        "超過 {max} 個字元：只輸入數字本身",
    ),
    "number.special_digit": (
        "{char} is a special digit; write plain digits such as 0-9",
        "{char} 是特殊的數字符號：請用 0-9 這樣的一般數字",
    ),
    "number.sign_alone": (
        "a sign needs a number after it, as in -5",
        "正負號後面要有數字，例如 -5",
    ),
    "number.exponent_and_multiplier": (
        "write either an exponent (2e8) or a multiplier (2億), not both",
        "指數（2e8）和單位（2億）只能擇一",
    ),
    "number.too_large": (
        "it is too large (above 10^30); check the number of zeros",
        "數字太大（超過 10^30）：請檢查零的個數",
    ),
    "number.too_small": (
        "it is too small (below 10^-30); check the number of zeros",
        "數字太小（小於 10^-30）：請檢查零的個數",
    ),
    "number.two_points": (
        "a number has at most one decimal point",
        "一個數字最多只有一個小數點",
    ),
    "number.two_numbers": (
        "{previous} and {text} are two numbers; type one figure (spaces do not separate"
        " thousands: write 2000 or 2,000)",
        "{previous} 和 {text} 是兩個數字：請只輸入一個數字（空格不能分隔千位：請寫 2000 或 2,000）",
    ),
    "number.comma": (
        "commas only separate groups of three digits (200,000,000); use a point for decimals",
        "逗號只用來分隔每三位數（200,000,000）：小數請用小數點",
    ),
    "number.point": (
        "a decimal point goes between digits, as in 3.8",
        "小數點要寫在數字之間，例如 3.8",
    ),
    "number.sign_inside": (
        "a sign (+ or -) goes only at the start, as in -5",
        "正負號（+ 或 -）只能寫在最前面，例如 -5",
    ),
    "number.chinese_numeral": (
        "{char} is a Chinese numeral; write the figure with digits, as in 2億 or 3000萬",
        "{char} 是中文數字：請用阿拉伯數字寫，例如 2億 或 3000萬",
    ),
    "number.not_a_number": (
        "{text} is not a number or a multiplier; {hint}",
        "{text} 不是數字，也不是單位：{hint}",
    ),
    "number.not_in_a_number": (
        "{char} cannot be part of a number; {hint}",
        "{char} 不能出現在數字裡：{hint}",
    ),
    "number.percent_first": (
        "% goes after the number, as in 6%",
        "% 要寫在數字後面，例如 6%",
    ),
    "number.percent_shape": (
        "a percentage is a plain number and one %, as in 6% or 3.5%",
        "百分比是一個數字加上一個 %，例如 6% 或 3.5%",
    ),
    "number.mixed_multipliers": (
        "use either 萬/億 or an English multiplier, as in 2億 or 200 million",
        "萬/億 和英文單位只能擇一，例如 2億 或 200 million",
    ),
    "number.word_needs_number": (
        "write a number before {quoted}, as in 200 {word}",
        "{quoted} 前面要有數字，例如 200 {word}",
    ),
    "number.one_english_multiplier": (
        "use one English multiplier right after the number, as in 1.5 billion",
        "英文單位只能有一個，而且緊接在數字後面，例如 1.5 billion",
    ),
    "number.multiplier_order": (
        "{unit} cannot follow {before}; multipliers go from large to small, as in 1億2000萬",
        "{unit} 不能寫在 {before} 後面：單位要由大到小，例如 1億2000萬",
    ),
    "number.unit_needs_number": (
        "{unit} needs a number before it, as in 2{unit}",
        "{unit} 前面要有數字，例如 2{unit}",
    ),
    "number.bare_after_multiplier": (
        "the {number} after {unit} needs a multiplier of its own; write e.g. 1萬5000 or 1.5萬,"
        " not 1萬5",
        "{unit} 後面的 {number} 要有自己的單位：請寫 1萬5000 或 1.5萬，不要寫 1萬5",
    ),
    "number.part_too_large": (
        "the part after {unit} is one {unit} or more; add it up first",
        "{unit} 後面的部分已經等於或超過一{unit}：請先加總",
    ),
}
