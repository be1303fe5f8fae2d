"""A pack as plain data: `show --json`, and the content hash that round codes and history use."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from ali_quiz.packs.dates import PartialDate
from ali_quiz.packs.model import AuthoredQuestion, Pack


def _date(value: PartialDate | None) -> str | None:
    return value.iso() if value is not None else None


def _sourced(fact: Any) -> dict[str, Any]:
    data = {"source": fact.source}
    if fact.source_en is not None:
        data["source_en"] = fact.source_en
    if getattr(fact, "ask", None) is not None:
        data["ask"] = fact.ask
    return data


def _number(value: float | int) -> float | int:
    return int(value) if isinstance(value, float) and value.is_integer() else value


def question_to_json(question: AuthoredQuestion) -> dict[str, Any]:
    """An authored question as written in the pack, with only the fields of its kind."""
    data: dict[str, Any] = {
        "id": question.id,
        "kind": question.kind,
        "prompt": question.prompt,
        "facts": list(question.facts),
        "explanation": question.explanation,
        "max_points": question.max_points,
    }
    if question.title:
        data["title"] = question.title
    if question.category:
        data["category"] = question.category
    if question.kind == "choice":
        data["options"] = [
            {"text": o.text, "weight": _number(o.weight)}
            if question.weighted
            else {"text": o.text, "correct": o.weight >= 100}
            for o in question.options
        ]
    elif question.kind == "order":
        data["items"] = list(question.items)
    elif question.kind == "match":
        data["pairs"] = [{"left": p.left, "right": p.right} for p in question.pairs]
        data["decoys"] = list(question.decoys)
    elif question.kind == "estimate":
        data["unit"] = question.unit
        if question.range is not None:
            data["range"] = [_number(v) for v in question.range]
        else:
            data["answer"] = _number(question.answer) if question.answer is not None else None
            data["written"] = question.answer_written
            data["tolerance"] = question.tolerance
    elif question.kind == "text":
        data["accepted"] = list(question.accepted)
    return data


def pack_to_json(pack: Pack) -> dict[str, Any]:
    """PRODUCT.md's `show --json` shape: values as plain numbers, dates as ISO prefixes."""
    return {
        "id": pack.id,
        "title": pack.title,
        "language": pack.language,
        "events": [
            {"id": e.id, "date": _date(e.date), "title": e.title, "detail": e.detail, **_sourced(e)}
            for e in pack.events
        ],
        "states": [
            {
                "id": s.id,
                "as_of": _date(s.as_of),
                "title": s.title,
                "detail": s.detail,
                **_sourced(s),
            }
            for s in pack.states
        ],
        "versions": [
            {
                "id": v.id,
                "product": v.product,
                "version": v.version,
                "date": _date(v.date),
                "codename": v.codename,
                "highlights": list(v.highlights),
                **_sourced(v),
            }
            for v in pack.versions
        ],
        "metrics": [
            {
                "id": m.id,
                "label": m.label,
                "value": _number(m.value),
                "written": m.written,
                "unit": m.unit,
                "as_of": _date(m.as_of),
                "tolerance": m.effective_tolerance,
                "alike": sorted(m.alike),
                **_sourced(m),
            }
            for m in pack.metrics
        ],
        "sequences": [
            {
                "id": s.id,
                "title": s.title,
                **_sourced(s),
                "items": [
                    {"id": i.id, "text": i.text, "rank": i.rank, **_sourced(i)} for i in s.items
                ],
            }
            for s in pack.sequences
        ],
        "questions": [question_to_json(q) for q in pack.questions],
    }


def content_hash(pack: Pack) -> str:
    """sha256 of the pack's content (not its layout or comments): the same facts, the same hash."""
    data = pack_to_json(pack)
    data["metadata"] = [pack.author, pack.citation, pack.version, pack.description]
    canonical = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()
