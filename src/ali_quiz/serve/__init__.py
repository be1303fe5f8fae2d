"""A class in the browser (`ali-quiz serve`): a front end beside the TUI and plain mode.

`command` is the command (the live board when a terminal is attached, else a plain log),
`tab` one browser tab's process; the server and the apps they run are in `tui/serve/`, the
Textual-free pieces they share in `classroom/`. Needs the optional packages of
`pip install 'ali-quiz[class]'` (textual-serve, aiohttp, segno); `serve.command` says so when
they are missing. The core never imports this package.
"""
