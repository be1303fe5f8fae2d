"""A class's round, its seats and its board: the Textual-free parts of `ali-quiz serve`.

The web server and the two apps (a tab's and the teacher's board) live in `tui/serve/`; the
command that starts them in `serve/`. This package holds what both sides share: the class
round and the server's settings (`classround`), names and rejoin codes (`seats`), a tab's calls
to the server (`client`), the board's figures read from the history (`board`), the QR code
(`qr`). The core never imports it.
"""
