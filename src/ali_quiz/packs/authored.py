"""Checking a pack's authored questions (and the passages they name), kind by kind."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from ali_quiz.i18n import Phrase
from ali_quiz.numbers import NumberFormatError, parse_number
from ali_quiz.packs.checker import Checker, did_you_mean
from ali_quiz.packs.model import (
    DEFAULT_MAX_POINTS,
    AuthoredOption,
    AuthoredPair,
    AuthoredQuestion,
    Passage,
)
from ali_quiz.packs.yamltree import Mapping
from ali_quiz.packs.yamltree import Sequence as NodeList

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

    def passage(self, node: Mapping, what: Phrase) -> Passage | None:
        self.check_keys(node, PASSAGE_KEYS, what)
        passage_id = self.new_id(node, what)
        text = self.text(node, "text", what)
        title = self.text(node, "title", what, required=False)
        if passage_id is None or text is None:
            return None
        return Passage(id=passage_id, text=text, title=title)

    def passage_of(self, node: Mapping, what: Phrase) -> dict[str, str | None]:
        """The passage a question names (`passage: <passage id>`), looked up in `passages:`."""
        name = self.text(node, "passage", what, required=False)
        if name is None:
            return {}
        found = self.passages.get(name)
        if found is None:
            self.add(
                node.get("passage") or node,
                "pack.no_passage",
                what=what,
                name=repr(name),
                hint=did_you_mean(name, self.passages),
            )
            return {}
        return {"passage": found.text, "passage_id": found.id}

    def question(self, node: Mapping, what: Phrase) -> AuthoredQuestion | None:
        kind = self.text(node, "kind", what)
        if kind is not None and kind not in KIND_KEYS:
            self.add(
                node.get("kind"),
                "pack.unknown_kind",
                kind=repr(kind),
                what=what,
                kinds=", ".join(KIND_KEYS),
                hint=did_you_mean(kind, KIND_KEYS),
            )
            kind = None
        allowed = COMMON_QUESTION_KEYS + (KIND_KEYS[kind] if kind else ())
        for key in node.values:
            if key not in allowed:
                place = self.key_place(node, key)
                if kind and key in ALL_QUESTION_KEYS:
                    question = Phrase.of(f"pack.a_question.{kind}")
                    self.add(place, "pack.key_not_of_kind", key=key, question=question)
                else:
                    hint = did_you_mean(key, allowed)
                    self.add(place, "pack.unknown_key", key=repr(key), what=what, hint=hint)
        question_id = self.new_id(node, what)
        prompt = self.text(node, "prompt", what)
        facts = self.references_in(node, "facts", Phrase.of("what.facts_of", what=what))
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

    def count_ok(self, node: Mapping, key: str, what: Phrase, count: int, kind: str) -> bool:
        low, high = LIMITS[kind]
        if low <= count <= high:
            return True
        self.add(
            self.key_place(node, key) if key in node else node,
            "pack.count_limits",
            question=Phrase.of(f"pack.a_question.{kind}"),
            low=low,
            high=high,
            key=key,
            what=what,
            count=count,
        )
        return False

    def options(self, node: Mapping, what: Phrase) -> tuple[list[AuthoredOption], bool]:
        """The options of a choice or multi question, and whether any gives a `weight`."""
        options = []
        weighted = False
        for index, entry_node in enumerate(self.items(node, "options"), start=1):
            option = Phrase.of("what.option_of", n=index, what=what)
            entry = self.mapping(entry_node, option)
            if entry is None:
                continue
            self.check_keys(entry, OPTION_KEYS, option)
            text = self.text(entry, "text", option)
            correct = self.boolean(entry, "correct", option)
            weight = self.number(entry, "weight", option)
            if weight is not None:
                weighted = True
                if not -100 <= weight <= 100:
                    self.add(entry.get("weight"), "pack.weight_range")
            if correct is not None and weight is not None:
                self.add(entry, "pack.correct_and_weight", what=option)
            feedback = self.text(entry, "feedback", option, required=False)
            if text is not None:
                share = weight if weight is not None else (100.0 if correct else 0.0)
                options.append(AuthoredOption(text=text, weight=share, feedback=feedback))
        return options, weighted

    def question_choice(self, node: Mapping, what: Phrase) -> dict[str, Any] | None:
        options, weighted = self.options(node, what)
        if "options" not in node:
            self.add(node, "pack.needs_key", what=what, key="options")
            return None
        if not self.count_ok(node, "options", what, len(options), "choice"):
            return None
        if len({o.text for o in options}) < len(options):
            self.add(node.key_marks["options"], "pack.same_option_text", what=what)
        if not any(o.weight >= 100 for o in options) and not (
            weighted and any(o.weight > 0 for o in options)
        ):
            self.add(node.key_marks["options"], "pack.no_right_option", what=what)
            return None
        if not weighted and sum(1 for o in options if o.weight >= 100) > 1:
            self.add(node.key_marks["options"], "pack.several_correct", what=what)
        return {"options": tuple(options), "weighted": weighted}

    def question_multi(self, node: Mapping, what: Phrase) -> dict[str, Any] | None:
        """Select all that apply: `correct:` marks (the right ones share 100%) or `weight:`s."""
        options, weighted = self.options(node, what)
        if "options" not in node:
            self.add(node, "pack.needs_key", what=what, key="options")
            return None
        if not self.count_ok(node, "options", what, len(options), "multi"):
            return None
        where = node.key_marks["options"]
        if len({o.text for o in options}) < len(options):
            self.add(where, "pack.same_option_text", what=what)
        if not weighted:
            right = sum(1 for o in options if o.weight >= 100)
            if not right:
                self.add(where, "pack.no_right_options", what=what)
                return None
            # Right options share 100%; each wrong one takes back as much as a right one gives,
            # so ticking every box earns nothing unless every box is right.
            share = 100 / right
            options = [replace(o, weight=share if o.weight >= 100 else -share) for o in options]
            return {"options": tuple(options), "weighted": False}
        positive = sum(o.weight for o in options if o.weight > 0)
        if abs(positive - 100) > MULTI_SUM_SLACK:
            self.add(where, "pack.weights_sum", what=what, sum=f"{positive:g}")
            return None
        return {"options": tuple(options), "weighted": True}

    def question_order(self, node: Mapping, what: Phrase) -> dict[str, Any] | None:
        items = self.texts(node, "items", what)
        if not self.count_ok(node, "items", what, len(items), "order"):
            return None
        if len(set(items)) < len(items):
            self.add(node.key_marks["items"], "pack.same_item_text", what=what)
            return None
        return {"items": items}

    def question_match(self, node: Mapping, what: Phrase) -> dict[str, Any] | None:
        pairs = []
        for index, entry_node in enumerate(self.items(node, "pairs"), start=1):
            pair = Phrase.of("what.pair_of", n=index, what=what)
            entry = self.mapping(entry_node, pair)
            if entry is None:
                continue
            self.check_keys(entry, PAIR_KEYS, pair)
            left = self.text(entry, "left", pair)
            right = self.text(entry, "right", pair)
            if left is not None and right is not None:
                pairs.append(AuthoredPair(left=left, right=right))
        decoys = self.texts(node, "decoys", what)
        if not self.count_ok(node, "pairs", what, len(pairs), "match"):
            return None
        lefts = [p.left for p in pairs]
        rights = [p.right for p in pairs] + list(decoys)
        if len(set(lefts)) < len(lefts) or len(set(rights)) < len(rights):
            self.add(node.key_marks["pairs"], "pack.match_distinct", what=what)
            return None
        return {"pairs": tuple(pairs), "decoys": decoys}

    def question_estimate(self, node: Mapping, what: Phrase) -> dict[str, Any] | None:
        unit = self.text(node, "unit", what, required=False) or ""
        tolerance = self.number(node, "tolerance", what)
        if tolerance is not None and not 0 <= tolerance < 1:
            self.add(node.get("tolerance"), "pack.tolerance")
        band: tuple[float, float] | None = None
        range_node = node.get("range")
        if range_node is not None:
            values = range_node.items if isinstance(range_node, NodeList) else []
            bounds = []
            for entry in values:
                try:
                    bounds.append(float(parse_number(entry.text).value))
                except (NumberFormatError, AttributeError):
                    self.add(entry, "pack.range_two")
            if len(values) != 2 or len(bounds) != 2:
                if len(values) != 2:
                    self.add(range_node, "pack.range_two")
                return None
            if bounds[0] > bounds[1]:
                self.add(range_node, "pack.range_order")
                return None
            band = (bounds[0], bounds[1])
        written = self.text(node, "answer", what, required=band is None)
        answer: int | float | None = None
        if written is not None:
            try:
                answer = parse_number(written).value
            except NumberFormatError as err:
                self.add(node.get("answer"), "pack.value_error", key="answer", what=what, error=err)
                return None
        if band is not None and tolerance is not None:
            self.add(node.get("tolerance"), "pack.tolerance_and_range", what=what)
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

    def question_text(self, node: Mapping, what: Phrase) -> dict[str, Any] | None:
        accepted = self.texts(node, "accepted", what)
        if not accepted:
            self.add(
                self.key_place(node, "accepted") if "accepted" in node else node,
                "pack.needs_accepted",
                what=what,
            )
            return None
        return {"accepted": accepted}
