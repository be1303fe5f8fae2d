"""ali-quiz: a terminal quiz game about DingTalk's rise, built on question packs."""

from ali_quiz.deferred import defer

__version__ = "0.1.0"

# Before anything imports dataclasses: see ali_quiz.deferred.
defer("inspect")
