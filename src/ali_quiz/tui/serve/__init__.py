"""The Textual side of a class in the browser: the web server (textual-serve), a tab's app and
the teacher's live board. `serve/` starts them; `classroom/` holds what they share."""
