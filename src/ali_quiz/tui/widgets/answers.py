"""The widget that takes an answer, per question kind: made, explained, focused and marked.

The play screen asks these for the question on screen, so that it deals with one answer box,
whatever its kind.
"""

from __future__ import annotations

from textual.widget import Widget
from textual.widgets import Input

from ali_quiz.i18n import Translator
from ali_quiz.packs.model import Pack
from ali_quiz.quiz.examples import estimate_examples
from ali_quiz.quiz.facts import facts_of
from ali_quiz.quiz.kinds import (
    ChoiceQuestion,
    EstimateQuestion,
    MatchQuestion,
    MultiQuestion,
    OrderQuestion,
    Question,
    TextQuestion,
)
from ali_quiz.quiz.phrasing import format_date
from ali_quiz.quiz.rounds import Outcome
from ali_quiz.tui.widgets.choice import ChoiceAnswer
from ali_quiz.tui.widgets.estimate import EstimateAnswer
from ali_quiz.tui.widgets.match import MatchAnswer
from ali_quiz.tui.widgets.multi import MultiAnswer
from ali_quiz.tui.widgets.order import OrderAnswer
from ali_quiz.tui.widgets.text_answer import TextAnswer

HELP_KEYS = {
    "order": "play.order.help",
    "match": "play.match.help",
    "choice": "play.choice.help",
    "multi": "play.multi.help",
    "text": "play.text.help",
}


def answer_widget(question: Question) -> Widget:
    """The widget that takes the answer to a question of any kind."""
    match question:
        case OrderQuestion():
            return OrderAnswer(question, id="answer")
        case MatchQuestion():
            return MatchAnswer(question, id="answer")
        case EstimateQuestion():
            return EstimateAnswer(question, id="answer")
        case ChoiceQuestion():
            return ChoiceAnswer(question, id="answer")
        case MultiQuestion():
            return MultiAnswer(question, id="answer")
        case TextQuestion():
            return TextAnswer(question, id="answer")
    raise TypeError(f"no widget for {question.kind} questions")


def answer_help(question: Question, tr: Translator) -> str:
    """How to answer this question: the keys, or for an estimate the ways to write a figure
    (examples chosen away from its answer)."""
    if isinstance(question, EstimateQuestion):
        examples = estimate_examples(question, tr.language, 4)
        return tr("play.estimate.help", examples=tr.join(examples))
    return tr(HELP_KEYS.get(question.kind, "play.text.help"))


def focus_target(widget: Widget) -> Widget:
    """What takes the keys of an answer box: the text box of a typed answer, else the box."""
    if isinstance(widget, EstimateAnswer | TextAnswer):
        return widget.query_one(Input)
    return widget


def reveal(widget: Widget, outcome: Outcome, pack: Pack) -> None:
    """Mark the answer given in its box (and, for an order, the items' dates)."""
    response = outcome.response
    if isinstance(widget, ChoiceAnswer):
        widget.reveal(response if isinstance(response, str) else None)
    elif isinstance(widget, MultiAnswer):
        widget.reveal(response if isinstance(response, list) else None)
    elif isinstance(widget, OrderAnswer):
        widget.reveal(item_dates(widget.question, pack), skipped=outcome.skipped)
    elif isinstance(widget, EstimateAnswer | TextAnswer):
        widget.reveal(response, outcome.verdict)
    elif isinstance(widget, MatchAnswer):
        widget.reveal(skipped=outcome.skipped)


def item_dates(question: OrderQuestion, pack: Pack) -> dict[str, str]:
    """Each dated item's date, in the pack's language, by item id.

    A generated order's items carry their facts' ids; items of a sequence (ranked, not
    dated) and of an authored order have no date.
    """
    dated = {item.id: item.date for item in facts_of(pack).timeline}
    return {
        item.id: format_date(dated[item.id], pack.language)
        for item in question.items
        if item.id in dated
    }
