"""What every question widget shares: the messages it posts to the Play screen."""

from __future__ import annotations

from collections.abc import Mapping

from textual.message import Message
from textual.widget import Widget

from ali_quiz.quiz.kinds import Response


class AnswerGiven(Message):
    """The player submitted a response to the question on screen."""

    def __init__(self, response: Response) -> None:
        super().__init__()
        self.response = response


def give(widget: Widget, response: Response) -> None:
    """Say the player answered: posted to the screen itself, not bubbled up to it through the
    containers around the widget (a turn of the event loop each, between the key and the
    feedback). A harness app without a screen of its own still hears it: it bubbles on from
    the screen to the app."""
    widget.screen.post_message(AnswerGiven(response))


class SkipAsked(Message):
    """The player typed `skip` or `?` into an answer box, as plain mode allows."""


class AnswerRefused(Message):
    """The player tried to submit something that is not an answer yet; `text` says why."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text


def offered(action: str, parameters: tuple[object, ...], counts: Mapping[str, int]) -> bool:
    """Whether a key is one of this question's: an action that picks by index (counts says
    how many there are) offers none past the last (`e` of a choice of four)."""
    count = counts.get(action)
    if count is None or not parameters or not isinstance(parameters[0], int):
        return True
    return parameters[0] < count
