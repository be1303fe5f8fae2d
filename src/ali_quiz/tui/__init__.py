"""tui: the Textual front end.

Importing it makes every widget break lines of Chinese and Latin text properly
(`linebreaking.install`): numbers and Latin words stay whole, closing punctuation keeps its line.
"""

from ali_quiz.tui.linebreaking import install as _install_line_breaking

_install_line_breaking()
