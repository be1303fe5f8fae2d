"""A pack in words: `show` without --json, and the one-line summary `validate` prints."""

from __future__ import annotations

from pathlib import Path

from ali_quiz.i18n import Translator
from ali_quiz.packs.model import Pack
from ali_quiz.textwidth import one_line, table


def summary_line(pack: Pack, path: Path, tr: Translator | None = None) -> str:
    """`path: valid: id "title" (en): 10 events, …; modes: quick, order, …`, in `tr`'s
    language (English without one); mode names stay those `--mode` takes."""
    if tr is None:
        tr = Translator("en")
    modes = pack.derived.get("modes")  # kept by the parsed-pack cache (catalog.py)
    if modes is None:
        from ali_quiz.quiz.generate import available_modes

        modes = available_modes(pack)
    counts = tr.join(
        tr(f"cli.count.{name}_one") if n == 1 else tr(f"cli.count.{name}", n=n)
        for name, n in pack.counts().items()
        if n
    )
    return tr(
        "cli.validate.valid",
        path=path,
        id=pack.id,
        title=one_line(pack.title),
        language=pack.language,
        counts=counts,
        modes=", ".join(modes) or tr("cli.validate.no_modes"),
    )


def describe_pack(pack: Pack) -> str:
    """Every fact of the pack, grouped, with values as plain numbers and each source sentence."""
    from ali_quiz.numberformat import format_plain
    from ali_quiz.quiz.generate import kind_warnings

    parts = [f"{pack.title}  [{pack.id}, {pack.language}]"]
    if pack.citation:
        parts.append(f"Source: {pack.citation}")
    if pack.events:
        # By the days a date spans: PartialDate's own ordering cannot compare 2020 with 2020-02.
        events = sorted(pack.events, key=lambda e: (e.date.first_day(), e.date.last_day()))
        rows = [[e.date.iso(), e.title, e.id] for e in events]
        parts += ["", "Events", table(["date", "event", "id"], rows, max_width=50)]
    if pack.states:
        rows = [[s.as_of.iso(), s.title, s.id] for s in pack.states]
        parts += ["", "States (as of a date)", table(["as of", "state", "id"], rows, max_width=50)]
    if pack.versions:
        rows = [
            [v.date.iso() if v.date else "(no date)", v.title, ", ".join(v.highlights), v.id]
            for v in pack.versions
        ]
        parts += ["", "Versions", table(["date", "version", "highlights", "id"], rows)]
    if pack.metrics:
        rows = [
            [
                m.label,
                m.written,
                format_plain(m.value),
                m.unit,
                m.as_of.iso() if m.as_of else "",
                m.id,
            ]
            for m in pack.metrics
        ]
        parts += [
            "",
            "Figures",
            table(["figure", "written", "value", "unit", "as of", "id"], rows, right=(2,)),
        ]
    for sequence in pack.sequences:
        rows = [[str(i.rank), i.text, i.id] for i in sorted(sequence.items, key=lambda i: i.rank)]
        parts += ["", f"Sequence: {sequence.title}", table(["rank", "item", "id"], rows)]
    if pack.questions:
        rows = [[q.kind, q.prompt, q.id] for q in pack.questions]
        parts += ["", "Authored questions", table(["kind", "prompt", "id"], rows, max_width=50)]
    for warning in kind_warnings(pack):
        parts.append(f"warning: {warning}")
    return "\n".join(parts)
