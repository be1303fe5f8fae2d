"""`python -m ali_quiz` runs the command line."""

from ali_quiz.cli import run

run()
