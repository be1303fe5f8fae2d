"""The Footer, rebuilt only when the keys it shows change, and once for a burst of changes."""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

#: What the Footer draws of one binding: key, action, label, group, and whether it is enabled.
KeySignature = tuple[str, str, str, object, bool, str | None]


class QuizFooter(Footer):
    """Textual's Footer, rebuilding its keys only when what it would show has changed.

    Textual's Footer rebuilds all its keys on every bindings signal: each focus change and
    each refresh of the bindings sends one, a dozen per answer on the play screen, and three
    before the home screen's first full frame, although the keys shown rarely change. So a
    signal that would show the same keys as those on screen is ignored, and the changes that
    arrive while a rebuild is waiting need none of their own (a rebuild reads the bindings as
    they are when it runs). When as many keys are shown as before (play's "Skip" becoming
    "Next"), the keys on screen take the new labels in place instead of being removed and
    mounted again.
    """

    #: A rebuild is scheduled and has not started yet.
    recompose_pending = False
    #: The keys of the last rebuild (None before the first).
    shown: tuple[KeySignature, ...] | None = None

    def bindings_changed(self, screen: Screen[object]) -> None:
        # What Footer.bindings_changed does (Textual 8.2), but for when the rebuild runs.
        self._bindings_ready = True
        if self.recompose_pending or not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen:
            if self.shown is not None and keys_of(screen) == self.shown:
                return
            self.recompose_pending = True
            # Once the messages waiting are handled, not after the screen's next refresh (as
            # Footer has it): with nothing else to draw, that refresh is the one the player's
            # next key causes, so the keys of a question shown stayed those of the answer
            # before it until then, and the answer's frame redrew the Footer besides.
            self.call_later(self.recompose)

    async def recompose(self) -> None:
        self.recompose_pending = False
        if not self.is_attached:
            return
        before, self.shown = self.shown, keys_of(self.screen)
        if before is None or not self.relabel():
            await super().recompose()

    def relabel(self) -> bool:
        """Give the keys on screen the labels and states of the keys to show, when they are
        as many and of the same sort (no key groups); whether it could."""
        assert self.shown is not None
        if any(group is not None for _, _, _, group, _, _ in self.shown):
            return False
        current = list(self.children)
        wanted = list(self.compose())  # FooterKeys, never mounted: only their fields are read
        if len(current) != len(wanted) or not all(
            isinstance(old, FooterKey)
            and isinstance(new, FooterKey)
            and old.has_class("-command-palette") == new.has_class("-command-palette")
            for old, new in zip(current, wanted, strict=True)
        ):
            return False
        for old, new in zip(current, wanted, strict=True):
            assert isinstance(old, FooterKey) and isinstance(new, FooterKey)
            old.key, old.key_display, old.action = new.key, new.key_display, new.action
            old.description, old.tooltip = new.description, new.tooltip
            # What FooterKey's own click handler reads to refuse a disabled key.
            old._disabled = new._disabled  # noqa: SLF001
            old.set_class(new.has_class("-disabled"), "-disabled")
            old.refresh(layout=True)
        return True


def keys_of(screen: Screen[object]) -> tuple[KeySignature, ...]:
    """What a Footer shows of the screen's bindings (and the command palette's key)."""
    return tuple(
        (
            binding.key,
            binding.action,
            binding.description,
            binding.group,
            enabled,
            tooltip,
        )
        for key, (_, binding, enabled, tooltip) in screen.active_bindings.items()
        if binding.show or key == screen.app.COMMAND_PALETTE_BINDING
    )
