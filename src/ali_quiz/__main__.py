"""`python -m ali_quiz` runs the command line."""

import sys

from ali_quiz.cli import main

sys.exit(main())
