"""Checking a pack's authored questions (and the passages they name), kind by kind."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from ali_quiz.numbers import NumberFormatError, parse_number
from ali_quiz.packs.checker import Checker, did_you_mean
from ali_quiz.packs.model import (
    DEFAULT_MAX_POINTS,
    AuthoredOption,
    AuthoredPair,
    AuthoredQuestion,
    Passage,
)
from ali_quiz.packs.yamlnodes import Mapping
from ali_quiz.packs.yamlnodes import Sequence as NodeList

COMMON_QUESTION_KEYS = (
    "id", "kind", "prompt", "facts", "explanation", "max_points", "title", "category", "passage",
)  # fmt: skip
PASSAGE_KEYS = ("id", "title", "text")
KIND_KEYS = {
    "choice": ("options",),
    "order": ("items",),
    "match": ("pairs", "decoys"),
    "estimate": ("answer", "unit", "tolerance", "range"),
    "text": ("accepted",),
    "multi": ("options",),
}
ALL_QUESTION_KEYS = COMMON_QUESTION_KEYS + tuple(k for keys in KIND_KEYS.values() for k in keys)
OPTION_KEYS = ("text", "correct", "weight", "feedback")
PAIR_KEYS = ("left", "right")
LIMITS = {"order": (3, 6), "match": (3, 10), "choice": (2, 10), "multi": (2, 10)}
#: The right options of a multi question share 100%; Moodle writes thirds as 33.33333%.
MULTI_SUM_SLACK = 0.01


class AuthoredChecks(Checker):
    """The checks of authored questions, on top of the value checks."""

    # -- authored questions ----------------------------------------------------------------

    def passage(self, node: Mapping, what: str) -> Passage | None:
        self.check_keys(node, PASSAGE_KEYS, what)
        passage_id = self.new_id(node, what)
        text = self.text(node, "text", what)
        title = self.text(node, "title", what, required=False)
        if passage_id is None or text is None:
            return None
        return Passage(id=passage_id, text=text, title=title)

    def passage_of(self, node: Mapping, what: str) -> dict[str, str | None]:
        """The passage a question names (`passage: <passage id>`), looked up in `passages:`."""
        name = self.text(node, "passage", what, required=False)
        if name is None:
            return {}
        found = self.passages.get(name)
        if found is None:
            self.add(
                node.get("passage") or node,
                f"`passage` of {what} names no passage: {name!r} is not the id of an entry "
                f"of `passages:`{did_you_mean(name, self.passages)}",
            )
            return {}
        return {"passage": found.text, "passage_id": found.id}

    def question(self, node: Mapping, what: str) -> AuthoredQuestion | None:
        kind = self.text(node, "kind", what)
        if kind is not None and kind not in KIND_KEYS:
            self.add(
                node.get("kind"),
                f"unknown kind {kind!r} of {what}: use one of "
                f"{', '.join(KIND_KEYS)}{did_you_mean(kind, KIND_KEYS)}",
            )
            kind = None
        allowed = COMMON_QUESTION_KEYS + (KIND_KEYS[kind] if kind else ())
        for key in node.values:
            if key not in allowed:
                if kind and key in ALL_QUESTION_KEYS:
                    article = "an" if kind[0] in "aeiou" else "a"
                    message = f"`{key}` does not belong to {article} {kind} question"
                else:
                    message = f"unknown key {key!r} in {what}{did_you_mean(key, allowed)}"
                self.add(self.key_place(node, key), message)
        question_id = self.new_id(node, what)
        prompt = self.text(node, "prompt", what)
        facts = self.references_in(node, "facts", f"facts of {what}")
        explanation = self.text(node, "explanation", what, required=False)
        max_points = self.integer(node, "max_points", what, 1, 10_000) or DEFAULT_MAX_POINTS
        common: dict[str, Any] = dict(
            facts=facts,
            explanation=explanation,
            max_points=max_points,
            title=self.text(node, "title", what, required=False),
            category=self.text(node, "category", what, required=False),
            **self.passage_of(node, what),
        )
        if kind is None:
            return None
        payload = getattr(self, f"question_{kind}")(node, what)
        if question_id is None or prompt is None or payload is None:
            return None
        return AuthoredQuestion(id=question_id, kind=kind, prompt=prompt, **common, **payload)

    def count_ok(self, node: Mapping, key: str, what: str, count: int, kind: str) -> bool:
        low, high = LIMITS[kind]
        if low <= count <= high:
            return True
        self.add(
            self.key_place(node, key) if key in node else node,
            f"{'an' if kind[0] in 'aeiou' else 'a'} {kind} question holds {low} to {high} "
            f"{key}; {what} has {count}",
        )
        return False

    def options(self, node: Mapping, what: str) -> tuple[list[AuthoredOption], bool]:
        """The options of a choice or multi question, and whether any gives a `weight`."""
        options = []
        weighted = False
        for index, entry_node in enumerate(self.items(node, "options", "options"), start=1):
            entry = self.mapping(entry_node, f"option {index} of {what}")
            if entry is None:
                continue
            self.check_keys(entry, OPTION_KEYS, f"option {index} of {what}")
            text = self.text(entry, "text", f"option {index} of {what}")
            correct = self.boolean(entry, "correct", f"option {index} of {what}")
            weight = self.number(entry, "weight", f"option {index} of {what}")
            if weight is not None:
                weighted = True
                if not -100 <= weight <= 100:
                    self.add(entry.get("weight"), "a weight is a percent from -100 to 100")
            if correct is not None and weight is not None:
                self.add(entry, f"option {index} of {what}: give `correct` or `weight`, not both")
            feedback = self.text(entry, "feedback", f"option {index} of {what}", required=False)
            if text is not None:
                share = weight if weight is not None else (100.0 if correct else 0.0)
                options.append(AuthoredOption(text=text, weight=share, feedback=feedback))
        return options, weighted

    def question_choice(self, node: Mapping, what: str) -> dict[str, Any] | None:
        options, weighted = self.options(node, what)
        if "options" not in node:
            self.add(node, f"{what} needs `options:`")
            return None
        if not self.count_ok(node, "options", what, len(options), "choice"):
            return None
        if len({o.text for o in options}) < len(options):
            self.add(node.key_marks["options"], f"two options of {what} have the same text")
        if not any(o.weight >= 100 for o in options) and not (
            weighted and any(o.weight > 0 for o in options)
        ):
            self.add(
                node.key_marks["options"],
                f"{what} has no right option: mark one with `correct: true`",
            )
            return None
        if not weighted and sum(1 for o in options if o.weight >= 100) > 1:
            self.add(
                node.key_marks["options"],
                f"{what} marks more than one option correct: "
                "use `weight:` for answers worth part marks",
            )
        return {"options": tuple(options), "weighted": weighted}

    def question_multi(self, node: Mapping, what: str) -> dict[str, Any] | None:
        """Select all that apply: `correct:` marks (the right ones share 100%) or `weight:`s."""
        options, weighted = self.options(node, what)
        if "options" not in node:
            self.add(node, f"{what} needs `options:`")
            return None
        if not self.count_ok(node, "options", what, len(options), "multi"):
            return None
        where = node.key_marks["options"]
        if len({o.text for o in options}) < len(options):
            self.add(where, f"two options of {what} have the same text")
        if not weighted:
            right = sum(1 for o in options if o.weight >= 100)
            if not right:
                self.add(where, f"{what} has no right option: mark them with `correct: true`")
                return None
            # Right options share 100%; each wrong one takes back as much as a right one gives,
            # so ticking every box earns nothing unless every box is right.
            share = 100 / right
            options = [replace(o, weight=share if o.weight >= 100 else -share) for o in options]
            return {"options": tuple(options), "weighted": False}
        positive = sum(o.weight for o in options if o.weight > 0)
        if abs(positive - 100) > MULTI_SUM_SLACK:
            self.add(
                where,
                f"the positive weights of {what} add up to {positive:g}%: the right options "
                "share 100% (e.g. 50 and 50), wrong ones carry negative weights",
            )
            return None
        return {"options": tuple(options), "weighted": True}

    def question_order(self, node: Mapping, what: str) -> dict[str, Any] | None:
        items = self.texts(node, "items", what)
        if not self.count_ok(node, "items", what, len(items), "order"):
            return None
        if len(set(items)) < len(items):
            self.add(node.key_marks["items"], f"two items of {what} have the same text")
            return None
        return {"items": items}

    def question_match(self, node: Mapping, what: str) -> dict[str, Any] | None:
        pairs = []
        for index, entry_node in enumerate(self.items(node, "pairs", "pairs"), start=1):
            entry = self.mapping(entry_node, f"pair {index} of {what}")
            if entry is None:
                continue
            self.check_keys(entry, PAIR_KEYS, f"pair {index} of {what}")
            left = self.text(entry, "left", f"pair {index} of {what}")
            right = self.text(entry, "right", f"pair {index} of {what}")
            if left is not None and right is not None:
                pairs.append(AuthoredPair(left=left, right=right))
        decoys = self.texts(node, "decoys", what)
        if not self.count_ok(node, "pairs", what, len(pairs), "match"):
            return None
        lefts = [p.left for p in pairs]
        rights = [p.right for p in pairs] + list(decoys)
        if len(set(lefts)) < len(lefts) or len(set(rights)) < len(rights):
            self.add(
                node.key_marks["pairs"],
                f"{what}: every left item and every right item (decoys included) must be different",
            )
            return None
        return {"pairs": tuple(pairs), "decoys": decoys}

    def question_estimate(self, node: Mapping, what: str) -> dict[str, Any] | None:
        unit = self.text(node, "unit", what, required=False) or ""
        tolerance = self.number(node, "tolerance", what)
        if tolerance is not None and not 0 <= tolerance < 1:
            self.add(node.get("tolerance"), "`tolerance` is a share from 0 to 1 (0.05 means 5%)")
        band: tuple[float, float] | None = None
        range_node = node.get("range")
        if range_node is not None:
            values = range_node.items if isinstance(range_node, NodeList) else []
            bounds = []
            for entry in values:
                try:
                    bounds.append(float(parse_number(entry.text).value))
                except (NumberFormatError, AttributeError):
                    self.add(entry, "`range` holds two numbers: [min, max]")
            if len(values) != 2 or len(bounds) != 2:
                if len(values) != 2:
                    self.add(range_node, "`range` holds two numbers: [min, max]")
                return None
            if bounds[0] > bounds[1]:
                self.add(range_node, "`range` is [min, max]: min must not be above max")
                return None
            band = (bounds[0], bounds[1])
        written = self.text(node, "answer", what, required=band is None)
        answer: int | float | None = None
        if written is not None:
            try:
                answer = parse_number(written).value
            except NumberFormatError as err:
                self.add(node.get("answer"), f"`answer` of {what}: {err}")
                return None
        if band is not None and tolerance is not None:
            self.add(
                node.get("tolerance"),
                f"{what}: give `tolerance` (log scoring) or `range` (band scoring), not both",
            )
        if answer is None and band is None:
            return None
        if answer is None and band is not None:
            answer = (band[0] + band[1]) / 2
        return {
            "answer": answer,
            "answer_written": written,
            "unit": unit,
            "tolerance": tolerance,
            "range": band,
        }

    def question_text(self, node: Mapping, what: str) -> dict[str, Any] | None:
        accepted = self.texts(node, "accepted", what)
        if not accepted:
            self.add(
                self.key_place(node, "accepted") if "accepted" in node else node,
                f"{what} needs `accepted:` with at least one answer",
            )
            return None
        return {"accepted": accepted}
