"""Files refused, YAML's own problems and the system's errors, worded for a pack's problems
and the settings' (`problems` holds the pack's own)."""

from __future__ import annotations

# key -> (English, 繁體中文)
STRINGS: dict[str, tuple[str, str]] = {
    # PyYAML's problems (packs/yamlwords.py): `validate` prints PyYAML's own English.
    "yaml.mapping_values": ("mapping values are not allowed here", "這裡不能再有 `鍵: 值`"),
    "yaml.expected_colon": ("could not find expected ':'", "找不到應有的 `:`"),
    "yaml.expected_key": ("did not find expected key", "找不到應有的鍵"),
    "yaml.expected_dash": ("did not find expected '-' indicator", "找不到應有的 `-`"),
    "yaml.cannot_start": (
        "found character {char} that cannot start any token",
        "值不能以 {char} 開頭",
    ),
    "yaml.undefined_alias": ("found undefined alias {name}", "找不到別名 {name}"),
    "yaml.end_of_stream": ("found unexpected end of stream", "檔案在引號或括號結束之前就結束了"),
    "yaml.escape": ("found unknown escape character {char}", "不認得的跳脫字元 {char}"),
    "yaml.block_end": ("expected <block end>, but found {found}", "縮排沒有對齊（遇到 {found}）"),
    "yaml.flow_sequence": (
        "expected ',' or ']', but got {found}",
        "`[` 清單裡應該是 `,` 或 `]`，卻遇到 {found}",
    ),
    "yaml.flow_mapping": (
        "expected ',' or '}}', but got {found}",
        "`{{` 對應裡應該是 `,` 或 `}}`，卻遇到 {found}",
    ),
    "yaml.another_document": (
        "but found another document",
        "一個檔案只能有一份文件（不要用 `---` 分隔）",
    ),
    "yaml.second_anchor": ("second occurrence", "錨點名稱重複了"),
    "yaml.after_end": (
        "expected '<document start>', but found {found}",
        "內容結束後還有多餘的 {found}",
    ),
    "yaml.other": (
        "this is not YAML that can be read (check the indentation, colons and quotes)",
        "無法解讀這裡的 YAML（請檢查縮排、冒號和引號）",
    ),
    "yaml.in.block_mapping": (" (while parsing a block mapping)", "（讀取 `鍵: 值` 時）"),
    "yaml.in.flow_mapping": (" (while parsing a flow mapping)", "（讀取 `{{...}}` 時）"),
    "yaml.in.flow_sequence": (" (while parsing a flow sequence)", "（讀取 `[...]` 時）"),
    "yaml.in.block_collection": (" (while parsing a block collection)", "（讀取清單時）"),
    "yaml.in.simple_key": (" (while scanning a simple key)", "（讀取鍵時）"),
    "yaml.in.quoted": (" (while scanning a quoted scalar)", "（讀取引號內的文字時）"),
    "yaml.in.plain": (" (while scanning a plain scalar)", "（讀取文字時）"),
    "yaml.in.block_scalar": (" (while scanning a block scalar)", "（讀取多行文字時）"),
    "yaml.in.alias": (" (while scanning an alias)", "（讀取別名時）"),
    "yaml.in.anchor": (" (while scanning an anchor)", "（讀取錨點時）"),
    "yaml.in.next_token": (" (while scanning for the next token)", "（讀取下一個值時）"),
    "yaml.in.node": (" (while parsing a node)", "（讀取值時）"),
    "yaml.in.one_document": (
        " (expected a single document in the stream)",
        "（檔案裡只能有一份文件）",
    ),
    # -- files (safety.files.FileRefused) ----------------------------------------------------
    "file.no_such_file": ("no such file", "沒有這個檔案"),
    "file.permission": (
        "permission denied: this file cannot be read by you",
        "沒有權限：你無法讀取這個檔案",
    ),
    "file.folder": ("is a folder, not a file", "是資料夾，不是檔案"),
    "file.fifo": (
        "is a FIFO (named pipe), not a file: save the content to a file and give that",
        "是 FIFO（具名管道），不是檔案：請把內容存成檔案，再指定那個檔案",
    ),
    "file.fifo_output": (
        "is a FIFO (named pipe), not a file to write: give a file's name",
        "是 FIFO（具名管道），不是可寫入的檔案：請指定一個檔案名稱",
    ),
    "file.device": ("is a device, not a file", "是裝置，不是檔案"),
    "file.socket": ("is a socket, not a file", "是 socket，不是檔案"),
    "file.not_regular": ("is not a regular file", "不是一般檔案"),
    "file.cannot_read": ("cannot be read: {error}", "無法讀取：{error}"),
    "file.too_large": (
        "is larger than {limit}, the limit for a {what}: is this the right file?",
        "超過 {limit}，這是{what}的上限：是這個檔案嗎？",
    ),
    "file.symlink": (
        "is a symbolic link (to {target}): not written through; remove the link or choose"
        " another name",
        "是符號連結（指向 {target}）：不會透過它寫入；請移除連結或換個名字",
    ),
    "file.kind.file": ("file", "檔案"),
    "file.kind.pack_file": ("pack file", "題庫檔案"),
    "file.kind.GIFT_file": ("GIFT file", "GIFT 檔案"),
    "file.kind.settings_file": ("settings file", "設定檔"),
    "file.kind.result_file": ("result file", "成績檔案"),
    # -- the operating system's errors (by errno; anything else: its own words) ---------------
    "os.ENOENT": ("No such file or directory", "沒有這個檔案或資料夾"),
    "os.EACCES": ("Permission denied", "沒有權限"),
    "os.EPERM": ("Operation not permitted", "不允許這個操作"),
    "os.EISDIR": ("Is a directory", "這是資料夾"),
    "os.ENOTDIR": ("Not a directory", "不是資料夾"),
    "os.ELOOP": ("Too many levels of symbolic links", "符號連結的層數太多"),
    "os.ENAMETOOLONG": ("File name too long", "檔名太長"),
    "os.ENOSPC": ("No space left on device", "磁碟空間不足"),
    "os.EROFS": ("Read-only file system", "唯讀的檔案系統"),
    "os.EIO": ("Input/output error", "輸入輸出錯誤"),
    "os.EEXIST": ("File exists", "檔案已經存在"),
    "os.EBUSY": ("Device or resource busy", "裝置或資源忙碌中"),
    "os.EMFILE": ("Too many open files", "開啟的檔案太多"),
    "os.other": ("system error ({name})", "系統錯誤（{name}）"),
}
