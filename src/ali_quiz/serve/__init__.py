"""A class in the browser (`ali-quiz serve`): a front end beside the TUI and plain mode.

Needs the optional packages of `pip install 'ali-quiz[class]'` (textual-serve, aiohttp, segno);
`serve.command` says so when they are missing. The core never imports this package.
"""
