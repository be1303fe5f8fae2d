"""Text is data: the one layer between hostile text or files and the terminal, disk or parser.

A leaf package (it imports nothing else of ali_quiz, nor Textual), used by every front end:
- `text`: control characters shown as visible escapes, on whole output streams;
- `csvcells`: CSV cells a spreadsheet would run as formulas, neutralised;
- `files`: bounded reads (regular files only, size caps) and atomic writes;
- `jsonload`: JSON parsed within the node, depth and number limits, errors located;
- `limits`: every cap, in one place.
"""
