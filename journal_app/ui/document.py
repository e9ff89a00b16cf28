"""The open post and everything that keeps its text safe: ``OpenDocument``.

It owns the post (a core ``Post``), the editor's text (loading it in, syncing it back, in one
place: ``sync``), the autosave and recovery timers, the recovery file writes, the watch of the
open file and what happens when it changes on disk. It asks the user through ``Prompts``, which
the window implements and a test can implement without one, and reports through signals that
carry data. What a crash left is offered back by ``recovery_offer.offer_recovery``. Every rule
about files stays in the core.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Container
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, cast

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QTextDocument

from ..core import ConflictError, FieldEditError, HeaderError, JournalError, Post, SaveError
from ..core import load_post, save_post
from ..core.post import SaveJob, prepare_save
from ..core.buffer import apply_text, buffer_text, field_edit
from ..core.encoding import displayable
from ..core.flavor import detect_flavor
from ..core.post import read_error_words
from ..core.recovery import RecoveryStore
from .collector import note_typing
from .editor import MarkdownEditor, replace_lines
from ..core.problems import ProblemKind
from .limits import changed_by_editor, header_too_large, read_only_reason
from .problem_words import words
from .watcher import SETTLE_MS
from .writes import Writes

if TYPE_CHECKING:
    from .highlighter import MarkdownHighlighter
    from .prompts import Prompts
    from .watcher import JournalWatcher

LIVE_HIGHLIGHT_LIMIT = 2_000_000  # characters; bigger posts are not highlighted


def file_of(post: Post) -> Path:
    """The file of a post that an ``OpenDocument`` holds. ``Post.path`` is optional only for a
    post made from bytes alone; every post held here was read from a file (``read``) or is bound
    for one (``restore_text``), and saving elsewhere or a rename moves it to another file."""
    return cast(Path, post.path)


@dataclass(frozen=True)
class Delays:
    """How long the window waits before acting on an edit or a change on disk (milliseconds)."""

    sync_ms: int = 30  # the post (and so the preview) follows the editor after this pause
    recovery_ms: int = 1000  # unsaved text reaches the recovery file within 2 s of the last key
    autosave_ms: int = 3000
    settle_ms: int = SETTLE_MS  # changes on disk are gathered this long before they are read


@dataclass
class Held:
    """A post put aside while another tab is shown (``OpenDocument.hold``): its text in a
    QTextDocument of its own (its undo history and unsaved mark), its highlighter, and where
    the cursor and the view were."""

    post: Post
    text: QTextDocument
    highlighter: MarkdownHighlighter
    hidden_header: str
    read_only: bool
    anchor: int
    position: int
    scroll: int

    def is_modified(self) -> bool:
        """True when the held text has edits not yet saved."""
        return self.text.isModified()


class TabHost(Protocol):
    """The tabs (``tabs.Tabs``), as a document asks them before another post replaces its own."""

    def show_open(self, path: Path) -> bool:
        """True when ``path`` is open in another tab, which is now shown."""
        ...

    def make_room(self, new: bool = False) -> None:
        """Keep the shown post in its tab (``new``: always) and show a new, empty one."""
        ...


class OpenDocument(QObject):
    """One open post (or none) and its text in ``editor``."""

    loaded = Signal(object)  # the Post now shown, or None
    changed = Signal(object)  # the Post, now holding the editor's text (after a pause in typing)
    saved = Signal(Path)
    modified_changed = Signal(bool)
    header_changed = Signal(dict)  # the metadata, after the header was edited as text
    message = Signal(str, int)  # a status message and how long it shows (0: until replaced)

    def __init__(
        self,
        editor: MarkdownEditor,
        recovery: RecoveryStore,
        prompts: Prompts,
        watcher: JournalWatcher,
        autosave_enabled: Callable[[], bool],
        delays: Delays = Delays(),
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self.editor = editor
        self.text = editor.document()
        self.recovery = recovery
        self.prompts = prompts
        self.watcher = watcher
        self.autosave_enabled = autosave_enabled
        self.post: Post | None = None
        self._root: Path | None = None
        self._detected: str | None = None  # the flavor the journal's folder says, once per journal
        self.chosen_flavor: str | None = None  # View → Render As, per journal
        self.read_only = True
        self._hidden_header = ""  # a header too large to show, kept aside from the editor
        self._recovery_trouble: str | None = None  # why unsaved text cannot be kept safe, once said
        self._sync_timer = QTimer(self, singleShot=True, interval=delays.sync_ms)
        self._sync_ms, self._synced_at = delays.sync_ms, 0.0  # (time.monotonic() of the last sync)
        self._edit: tuple[QTextDocument, int] | None = None  # the edit last followed (editor.edit)
        self._sync_timer.timeout.connect(self._sync_quietly)
        # the timers' writes run on a worker thread (a megabyte post's autosave took the GUI
        # thread 230 ms); everything that must see the disk as they leave it settles them first
        self.writes = Writes(self)
        self._autosaving = 0  # autosaves asked of the worker and not handed back yet
        self.recovery_timer = QTimer(self, singleShot=True, interval=delays.recovery_ms)
        self.recovery_timer.timeout.connect(self._keep_recovery_meanwhile)
        self.autosave_timer = QTimer(self, singleShot=True, interval=delays.autosave_ms)
        self.autosave_timer.timeout.connect(self._autosave_meanwhile)
        editor.textChanged.connect(self._text_changed)
        self._loading = False
        self.text.modificationChanged.connect(self._modification_changed)
        self.tabs: TabHost | None = None  # where other posts stay open (tabs.Tabs)

    # -- the text --------------------------------------------------------------------------
    def is_modified(self) -> bool:
        """True when the editor holds edits not yet saved."""
        return self.post is not None and self.text.isModified()

    def buffer(self) -> str:
        """The post's whole text as it stands: a header too large to show (kept aside,
        unchanged) and the editor's text."""
        return self._hidden_header + self.editor.text()

    def sync(self) -> None:
        """Bring the post in line with the editor: the one place that does (raises
        HeaderError like ``apply_text``). Emits ``header_changed`` when the header changed."""
        self._sync_timer.stop()
        self._synced_at = time.monotonic()
        post = self.post
        if post is None or self.read_only:
            return
        before = post.header_text
        if self._hidden_header:
            post.body = self.editor.text()  # its header cannot change here
        else:
            apply_text(post, self.editor.text())
        if post.header_text != before:
            self.header_changed.emit(post.metadata)

    def _sync_quietly(self) -> None:
        try:
            self.sync()
        except JournalError:
            pass  # a header that cannot be read yet; saving says so
        if self.post is not None:
            self.changed.emit(self.post)

    def _modification_changed(self, modified: bool) -> None:
        if not self._loading:  # putting a new text in says "modified" on the way
            self.modified_changed.emit(modified)

    def _text_changed(self) -> None:
        if self.is_modified():  # on every change Qt tells of, as before (a composition too)
            self.recovery_timer.start()
            if self.autosave_enabled():
                self.autosave_timer.start()
        edit = self.editor.edit()  # Qt says "changed" for new formats and compositions too
        if edit == self._edit:
            return  # the text is the same: nothing for the post to follow
        self._edit = edit
        note_typing()  # a full collection of Python's garbage waits for a pause in typing
        self._match_highlighting(self.text.characterCount())
        # the first key after a pause reaches the post (and the preview) in the next turn of the
        # event loop; the keys that follow it wait for a pause of ``sync_ms`` (one sync for a burst)
        paused = time.monotonic() - self._synced_at > self._sync_ms / 1000
        self._sync_timer.start(0 if paused and not self._sync_timer.isActive() else self._sync_ms)

    def _match_highlighting(self, length: int) -> None:
        """Highlight unless the post is huge (that would take seconds on every open or paste)."""
        highlighter = self.editor.highlighter
        wanted = length <= LIVE_HIGHLIGHT_LIMIT
        if wanted != (highlighter.document() is not None):
            blocked = self.editor.blockSignals(True)  # switching re-formats: no textChanged
            highlighter.setDocument(self.text if wanted else None)
            self.editor.blockSignals(blocked)

    def apply_field(self, name: str, value: object) -> bool:
        """A form edit: rewrite only that header key, as one undoable edit in the editor.
        False when nothing changed (the form should show the post again)."""
        if self.post is None or self._hidden_header:  # nothing may rewrite a header kept aside
            return False
        try:
            count, header = field_edit(self.post, self.editor.text(), name, value)
        except (HeaderError, FieldEditError) as exc:
            self.prompts.show_error(self.tr("Could not change the field"), words(exc))
            return False
        replace_lines(self.text, 0, count, header)
        return True

    @property
    def root(self) -> Path | None:
        """The journal's folder: posts outside it are not read."""
        return self._root

    @root.setter
    def root(self, root: Path | None) -> None:
        self._root, self._detected = root, None  # (re)opening a journal looks at its folder again

    def flavor(self) -> str:
        """How the journal's platform renders (the preview and the export agree on it): the
        user's choice for this journal (``chosen_flavor``), else what its folder says (looked at
        once per journal: this is asked after every pause in typing)."""
        if self.chosen_flavor is not None:
            return self.chosen_flavor
        if self._root is None:
            return "commonmark"
        if self._detected is None:
            self._detected = detect_flavor(self._root)
        return self._detected

    # -- opening ---------------------------------------------------------------------------
    def read(self, path: Path) -> Post:
        """The post at ``path`` as on disk now; every read of a post goes through here, so a
        file that is (or has become) a link out of the journal is never read. Raises OSError."""
        return load_post(path, self.root or Path(path).parent)

    def open(self, path: Path) -> bool:
        """Open the post at ``path`` (asks about unsaved changes first); True when it is open."""
        path = Path(path).absolute()
        if self.post is not None and self.post.path == path:
            return True
        if self.tabs is not None and self.tabs.show_open(path):
            return True
        try:  # a post that is a link to a place outside the journal is not read
            post = self.read(path)
        except OSError as exc:
            self.prompts.show_error(self.tr("Could not open the post"), words(read_error_words(path, exc)))
            return False
        if self.tabs is not None:
            self.tabs.make_room()
        if not self.maybe_save():
            return False
        self.load(post)
        return True

    def load(self, post: Post | None) -> None:
        """Show ``post`` in the editor (None: nothing open); emits ``loaded``."""
        self.writes.settle()  # what is being written of the post shown comes to an end first
        self.post = post
        self._hidden_header = ""
        blocked = self.editor.blockSignals(True)
        if post is not None and post.has_problem(ProblemKind.HEADER_TOO_LARGE):
            # laying out megabytes of header takes Qt many seconds: it stays aside, unchanged
            self._hidden_header = post.header_text
            text = post.body
        else:
            text = buffer_text(post) if post is not None else ""
        self._match_highlighting(len(text))
        reason = read_only_reason(post, text) if post is not None else None
        if reason:
            # undecodable bytes shown as U+FFFD, NUL bytes as a visible ␀ (never saved)
            text = displayable(text).replace("\x00", "\u2400")
        self._loading = True
        try:
            self.editor.set_text(text)
            self.text.setModified(False)
        finally:
            self._loading = False
            self.editor.blockSignals(blocked)
        if post is not None and reason is None:
            reason = changed_by_editor(text, self.editor.text())
        self.read_only = post is None or reason is not None
        self.editor.setReadOnly(self.read_only)
        self._sync_timer.stop()
        self._edit = self.editor.edit()  # the text as loaded: only edits from here on are followed
        self.watcher.watch_file(post.path if post is not None else None)
        self.loaded.emit(post)
        if post is not None:
            note = reason or self._opening_note(post, text)
            if note:
                self.message.emit(note, 0)

    def _opening_note(self, post: Post, text: str) -> str | None:
        if self._hidden_header:
            return header_too_large(self._hidden_header)
        path = file_of(post)
        if not text and path.exists():
            return self.tr("“{name}” is empty (0 bytes).").format(name=path.name)
        if path.exists() and not os.access(path, os.W_OK):
            return self.tr("“{name}” is read-only: changes can be kept with File → Save As.").format(
                name=path.name
            )
        if self.legacy():
            return self.tr(
                "Read as {encoding}; it will be saved back in {encoding} "
                "(File → Convert to UTF-8 to change that)."
            ).format(encoding=post.encoding)
        return None

    def legacy(self) -> bool:
        """True when the open, editable post is in an encoding other than UTF-8."""
        return (
            self.post is not None and not self.read_only and self.post.encoding not in ("utf-8", "utf-8-sig")
        )

    def convert_to_utf8(self) -> None:
        """Save this legacy-encoded post as UTF-8 from the next save on (the user's choice)."""
        self.writes.settle()  # (an autosave being written must not mark the conversion saved)
        if self.post is None:
            return
        self.post.convert_to_utf8()
        self.text.setModified(True)
        self.message.emit(self.tr("The post will be saved as UTF-8."), 5000)

    def moved_to(self, path: Path) -> None:
        """The open post's file was renamed to ``path``."""
        self.writes.settle()
        if self.post is not None:
            self.post.path = path
            self.watcher.watch_file(path)

    # -- tabs ------------------------------------------------------------------------------
    def hold(self) -> Held:
        """Put the shown post aside (another tab is shown next), its text safe first: saved
        when autosave is on, else kept in the recovery file. The editor is left with a new,
        empty text and nothing open; ``show_held`` shows a held post again."""
        post = cast(Post, self.post)  # the tabs hold only a post that is open
        self.editor.commit_composition()
        self.writes.settle()
        if self.is_modified() and not self.autosave():
            self.write_recovery()
        try:
            self.sync()
        except JournalError:
            pass  # a header that cannot be read yet; saving says so
        self.stop()
        cursor, scroll = self.editor.textCursor(), self.editor.verticalScrollBar().value()
        held = Held(
            post,
            self.text,
            self.editor.highlighter,
            self._hidden_header,
            self.read_only,
            cursor.anchor(),
            cursor.position(),
            scroll,
        )
        self._use(*self.editor.new_text())
        self.post, self._hidden_header, self.read_only = None, "", True
        self.editor.setReadOnly(True)
        return held

    def show_held(self, held: Held) -> None:
        """Show a post ``hold`` put aside, as it was (text, undo history, unsaved mark, cursor,
        view); a file changed on disk meanwhile is reloaded, or asked about when edited."""
        spare = self.text
        self._use(held.text, held.highlighter)
        spare.deleteLater()  # (its highlighter with it)
        self.post, self._hidden_header, self.read_only = held.post, held.hidden_header, held.read_only
        self.editor.setReadOnly(self.read_only)
        cursor = self.editor.textCursor()
        cursor.setPosition(held.anchor)
        cursor.setPosition(held.position, cursor.MoveMode.KeepAnchor)
        self.editor.setTextCursor(cursor)
        self.editor.verticalScrollBar().setValue(held.scroll)
        self.watcher.watch_file(held.post.path)
        self.loaded.emit(held.post)
        self.changed_on_disk({file_of(held.post)})

    def _use(self, text: QTextDocument, highlighter: MarkdownHighlighter) -> None:
        self.text.modificationChanged.disconnect(self._modification_changed)
        self.editor.use_text(text, highlighter)
        self.text = text
        text.modificationChanged.connect(self._modification_changed)

    # -- saving ----------------------------------------------------------------------------
    def stop(self) -> None:
        """Stop the waits for autosave, recovery and the editor sync (the window is closing,
        its text saved or let go); a write still running is waited for."""
        for timer in (self._sync_timer, self.recovery_timer, self.autosave_timer):
            timer.stop()
        self.writes.settle()

    def maybe_save(self) -> bool:
        """Save (autosave on) or ask to save unsaved changes; False when the user cancels."""
        self.editor.commit_composition()  # a syllable still being composed is part of the text
        self.writes.settle()  # an autosave still being written may leave nothing to ask about
        if not self.is_modified() or self.post is None:  # is_modified() implies a post
            return True
        if self.autosave():
            return True
        answer = self.prompts.ask_unsaved(self.post.title)
        if answer == "save":
            return self.save()
        if answer == "discard":
            self.recovery.discard(file_of(self.post))
            self.recovery_timer.stop()
            self.autosave_timer.stop()
            # let go of it now: nothing may save the discarded text while the next post or
            # journal is being opened (a conflict dialog during a scan, say)
            self.text.setModified(False)
            return True
        return False

    def save(self, quiet: bool = False, force: bool = False) -> bool:
        """Save the open post; True when it is on disk. ``quiet``: no dialogs (autosave);
        ``force``: the user already chose to keep this version over a change on disk."""
        if self.post is None or self.read_only:
            return False
        self.editor.commit_composition()
        self.writes.settle()  # an autosave being written, before this save's own bytes
        try:
            self.sync()
            try:
                save_post(self.post, force=force)
            except ConflictError as exc:
                if quiet:
                    self.message.emit(words(exc), 0)
                    return False
                choice = self.resolve_conflict()
                if choice == "theirs":
                    self.take_theirs()
                    return True
                if choice != "mine":
                    return False
                save_post(self.post, force=True)
        except (SaveError, HeaderError) as exc:
            if quiet:
                self.message.emit(self.tr("Not saved automatically: {error}").format(error=words(exc)), 0)
            else:
                self.prompts.show_error(self.tr("Could not save"), words(exc))
            return False
        self._saved(file_of(self.post))
        self.message.emit(self.tr("Saved {name}").format(name=file_of(self.post).name), 3000)
        return True

    def save_as(self, target: Path) -> bool:
        """Save the open post to ``target`` (another folder or name); the document follows it."""
        if self.post is None:
            return False
        self.editor.commit_composition()
        self.writes.settle()
        old = self.post.path
        try:
            self.sync()
            save_post(self.post, target, force=True)
        except (SaveError, HeaderError) as exc:
            self.prompts.show_error(self.tr("Could not save"), words(exc))
            return False
        if old is not None:
            self.recovery.discard(old)
        self._saved(file_of(self.post))
        return True

    def _saved(self, path: Path, current: bool = True) -> None:
        """``path`` holds the post: as the editor shows it when ``current``, else as it was a
        moment ago (an autosave written while typing went on: still modified, still kept in
        the recovery file)."""
        if current:
            self.text.setModified(False)
            self.autosave_timer.stop()
            self.recovery_timer.stop()
            if self.writes.busy():  # after the recovery writes asked for before (in order)
                self.writes.submit(lambda: self.recovery.discard(path))
            else:
                self.recovery.discard(path)
        self.watcher.watch_file(path)
        self.saved.emit(path)

    def written(self, path: Path) -> tuple[bytes | Post, os.stat_result] | None:
        """What the open post last saved to ``path`` (the post itself when it holds just that:
        no edit since; else the bytes saved) and the file as it is now, while it is still the
        file saved (its stamp: time and size); None when another program has written it since
        (it is read then) or ``path`` is not the open post's."""
        post = self.post
        if post is None or post.path != path or post.stamp is None:
            return None
        try:
            info = os.stat(path)
        except OSError:
            return None
        if (info.st_mtime_ns, info.st_size) != post.stamp:
            return None
        return (post.saved_bytes if self.text.isModified() else post, info)

    def autosave(self) -> bool:
        """Save quietly after a pause, on switching posts or leaving the window (if enabled).

        Never overwrites a file that changed on disk: that waits for the user's choice.
        """
        self.editor.commit_composition()
        self.writes.settle()
        if not self._may_autosave():
            return False
        return self.save(quiet=True)

    def _may_autosave(self) -> bool:
        """True when the post may be saved quietly now (else says why, when it is not saved
        because its file changed on disk)."""
        if not self.autosave_enabled() or self.read_only or not self.is_modified() or self.post is None:
            return False  # (is_modified() implies a post: the last test is for the type checker)
        if self.post.changed_on_disk():
            self.message.emit(
                self.tr(
                    "Not saved automatically: {name} changed on disk. Save to choose which version to keep."
                ).format(name=file_of(self.post).name),
                0,
            )
            return False
        return True

    def _autosave_meanwhile(self) -> None:
        """The autosave after a pause: the post's bytes taken now, written on the worker
        thread while typing goes on; the post is marked saved as of now once they are on disk."""
        self.editor.commit_composition()
        if self._autosaving:  # the last autosave is not handed back yet: its stamp is not known
            self.autosave_timer.start()  # (so try again after another pause)
            return
        if not self._may_autosave():
            return
        post = cast(Post, self.post)  # (_may_autosave says there is one)
        try:
            self.sync()
            job = prepare_save(post)
        except ConflictError as exc:
            self.message.emit(words(exc), 0)
            return
        except (SaveError, HeaderError) as exc:
            self.message.emit(self.tr("Not saved automatically: {error}").format(error=words(exc)), 0)
            return
        edit = self.editor.edit()
        self._autosaving += 1
        self.writes.submit(job.write, lambda info, error: self._autosaved(job, edit, info, error))

    def _autosaved(
        self, job: SaveJob, edit: tuple, info: os.stat_result | None, error: Exception | None
    ) -> None:
        self._autosaving -= 1
        if isinstance(error, ConflictError):  # changed on disk while it was being written
            self.message.emit(words(error), 0)
            return
        if isinstance(error, JournalError):
            self.message.emit(self.tr("Not saved automatically: {error}").format(error=words(error)), 0)
            return
        if error is not None:  # (an OS error outside the save's own reasons): said, not raised
            self.message.emit(self.tr("Not saved automatically: {error}").format(error=str(error)), 0)
            return
        job.done(info)
        if job.post is not self.post:
            return  # (another post is shown only after this write was settled: never here)
        self._saved(job.path, current=edit == self.editor.edit())
        self.message.emit(self.tr("Saved {name}").format(name=job.path.name), 3000)

    def export_to(self, target: Path) -> bool:
        """Export the open post (with unsaved edits) as a standalone page at ``target``."""
        if self.post is None:
            return False
        try:
            from ..core.export import export_post  # (not needed to show a post)

            self.sync()
            result = export_post(self.post, target, self.root, flavor=self.flavor())
        except (OSError, JournalError) as exc:
            self.prompts.show_error(self.tr("Could not export"), words(exc))
            return False
        missing, refused = len(result.missing), len(result.refused)
        notes = [self.tr("{count} image(s) not found").format(count=missing)] if missing else []
        notes += [self.tr("{count} image(s) not shown").format(count=refused)] if refused else []
        note = f" ({', '.join(notes)})" if notes else ""
        self.message.emit(self.tr("Exported {target}{notes}").format(target=target, notes=note), 5000)
        return True

    # -- the disk and the recovery folder --------------------------------------------------
    def write_recovery(self) -> bool:
        """Keep the unsaved text in the recovery folder (outside the journal); True when kept."""
        self.writes.settle()
        if not self.is_modified() or self.post is None or self.post.path is None:
            return False
        try:
            self.recovery.write(self.post.path, self.buffer())
        except JournalError as exc:
            return self._recovery_written(exc)
        return self._recovery_written(None)

    def _keep_recovery_meanwhile(self) -> None:
        """After a pause in typing: the text of now written to the recovery file on the
        worker thread (for a megabyte post, its JSON alone takes the GUI thread 25 ms)."""
        if not self.is_modified() or self.post is None or self.post.path is None:
            return
        path, text, store = self.post.path, self.buffer(), self.recovery
        self.writes.submit(
            lambda: store.write(path, text), lambda _none, error: self._recovery_written(error)
        )

    def _recovery_written(self, error: Exception | None) -> bool:
        """Says once when unsaved text cannot be kept safe, and when it can again."""
        if error is not None and not isinstance(error, JournalError):
            raise error
        if error is not None:
            trouble = self.tr("Unsaved text cannot be kept safe: {error}. Save to keep it.").format(
                error=words(error)
            )
            if trouble != self._recovery_trouble:  # said once, not after every pause in typing
                self._recovery_trouble = trouble
                self.message.emit(trouble, 0)
            return False
        if self._recovery_trouble is not None:
            self._recovery_trouble = None
            self.message.emit(self.tr("Unsaved text is kept safe again."), 5000)
        return True

    def resolve_conflict(self) -> str | None:
        """The open post changed on disk and here: "mine", "theirs" or None (decide later).
        Nothing is written here."""
        path = self._open_file()
        try:
            theirs: str | None = buffer_text(self.read(path))
        except OSError:
            theirs = None
        return self.prompts.ask_conflict(path, theirs, self.buffer())

    def _open_file_is_not(self, path: Path) -> bool:
        return self.post is None or self.post.path != path

    def _open_file(self) -> Path:
        """The open post's file, for the steps of a conflict: they run only while a post is
        open (from ``save`` and ``changed_on_disk``, which check for one)."""
        return file_of(cast(Post, self.post))

    def take_theirs(self) -> None:
        """Replace the text with the file on disk (the user chose the other version)."""
        path = self._open_file()
        self.writes.settle()
        self.recovery.discard(path)
        self.text.setModified(False)
        try:
            self.load(self.read(path))
        except OSError as exc:
            self.prompts.show_error(self.tr("Could not read the file"), words(read_error_words(path, exc)))

    def changed_on_disk(self, paths: Container[Path]) -> None:
        """Files changed on disk (a JournalChange or a set of paths): reload the open post when
        untouched, ask when edited."""
        post = self.post
        if post is None or post.path is None or post.path not in paths:  # None is in no change
            return
        self.writes.settle()  # our own autosave being written is no change from elsewhere
        if not post.path.is_file():
            self.message.emit(
                self.tr("{name} was deleted or moved on disk; saving will create it again.").format(
                    name=post.path.name
                ),
                0,
            )
            return
        if not post.changed_on_disk():
            return
        if self.text.isModified():
            choice = self.resolve_conflict()
            if choice == "mine":
                self.save(force=True)
            elif choice == "theirs":
                self.take_theirs()
            return
        position = self.editor.textCursor().position()
        scroll = self.editor.verticalScrollBar().value()
        try:
            fresh = self.read(post.path)
        except OSError:
            return
        self.load(fresh)
        cursor = self.editor.textCursor()
        cursor.setPosition(min(position, len(self.editor.text())))
        self.editor.setTextCursor(cursor)
        self.editor.verticalScrollBar().setValue(scroll)
        self.message.emit(self.tr("Reloaded {name}: it changed on disk.").format(name=post.path.name), 5000)

    def restore_text(self, path: Path, text: str) -> bool:
        """Open the post at ``path`` with ``text`` in the editor, unsaved (one undo step);
        False when the post could not be opened."""
        if self.tabs is not None and self._open_file_is_not(path) and not self.tabs.show_open(path):
            self.tabs.make_room(new=True)  # a text brought back opens in a tab of its own
        if path.exists():
            if not self.open(path):
                return False
        else:
            self.load(Post(b"", path))
        hidden = self._hidden_header
        if hidden and text.startswith(hidden):
            text = text[len(hidden) :]  # the header too large to show stays aside
        else:
            self._hidden_header = ""  # the recovered text brings its own header: all of it shows
        cursor = self.editor.textCursor()
        cursor.select(cursor.SelectionType.Document)
        cursor.insertText(text)
        self.text.setModified(True)
        return True
