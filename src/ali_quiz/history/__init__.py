"""The score history: a SQLite store that never loses an answer, statistics, review and export."""

from ali_quiz.history.store import (
    AnswerRecord,
    HistoryError,
    HistoryStore,
    OpenResult,
    RoundRow,
    RoundStart,
)

__all__ = ["AnswerRecord", "HistoryError", "HistoryStore", "OpenResult", "RoundRow", "RoundStart"]
