"""The score history: a SQLite store that never loses an answer, statistics, review and export."""
