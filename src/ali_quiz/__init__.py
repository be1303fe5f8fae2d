"""ali-quiz: a terminal quiz game about DingTalk's rise, built on question packs."""

__version__ = "0.1.0"
