"""The hunspell dictionaries of this process, through pyenchant, for ``spelling``: which are
installed (looked for once, on a thread), each language's loaded on that thread when a word of
it is first to be checked, and freed once unused for ``IDLE_S`` seconds, its heap given back to
the system. One lock covers every use of them: hunspell is not thread-safe, and the GUI thread
checks while the suggestion thread suggests (a check never waits for it: it is asked again)."""

from __future__ import annotations

import atexit
import ctypes
import os
import queue
import sys
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any

from PySide6.QtCore import QCoreApplication

LANGUAGES = {"ko": ("ko_KR", "ko"), "en": ("en_US", "en_GB", "en")}
IDLE_S = 30.0  # a dictionary unused this long is freed (loading Korean again takes a second)
MAX_SUGGESTIONS = 6
# how much less processor time the dictionaries' and suggestions' threads ask for than the window
# (the lowest priority: 19); 0 leaves them at the window's (the tests: on a machine kept busy, a
# thread at the lowest priority waits minutes for its turn)
NICENESS = 19


def _probe() -> tuple[dict[str, str], str]:
    """The dictionary installed for each language (its tag; nothing is loaded), and what is
    missing (empty when all are there)."""
    try:
        import enchant
    except ImportError as error:  # pyenchant, or the enchant library under it
        return {}, QCoreApplication.translate("Spelling", "pyenchant is not available ({error})").format(
            error=error
        )
    found = {}
    for language, tags in LANGUAGES.items():
        tag = next((tag for tag in tags if enchant.dict_exists(tag)), None)
        if tag is not None:
            found[language] = tag
    missing = [language for language in LANGUAGES if language not in found]
    return found, _no_dictionary(missing)


def _no_dictionary(missing: list[str]) -> str:
    """What is said when the dictionaries of ``missing`` languages are not installed."""
    if not missing:
        return ""
    if missing == ["ko"]:
        return QCoreApplication.translate("Spelling", "no ko dictionary installed")
    if missing == ["en"]:
        return QCoreApplication.translate("Spelling", "no en dictionary installed")
    if missing == ["ko", "en"]:
        return QCoreApplication.translate("Spelling", "no ko or en dictionary installed")
    return f"no {' or '.join(missing)} dictionary installed"


class Worker:
    """One thread that runs the jobs given to it in order, like a one-worker ThreadPoolExecutor,
    except that the program's exit does not wait for it: the thread is a daemon. A dictionary load
    at the lowest priority can wait minutes for its turn on a busy machine, and a window that is
    closed must not wait with it (the standard executor joins its threads at exit and has no
    daemon option)."""

    def __init__(self, name: str) -> None:
        self.name = name
        self._jobs: queue.SimpleQueue = queue.SimpleQueue()
        self._start = threading.Lock()
        self._thread: threading.Thread | None = None

    def submit(self, job: Callable[..., Any], *args: Any) -> Future:
        future: Future = Future()
        with self._start:
            if self._thread is None:  # (kept only once started: a start that fails is tried again)
                thread = threading.Thread(target=self._run, name=self.name, daemon=True)
                thread.start()
                self._thread = thread
        self._jobs.put((future, job, args))
        return future

    def _run(self) -> None:
        while True:
            future, job, args = self._jobs.get()
            if not future.set_running_or_notify_cancel():
                continue
            try:
                result = job(*args)
            except BaseException as error:  # (the future carries it to whoever waits)
                future.set_exception(error)
            else:
                future.set_result(result)
            del future, job, args


class Store:
    """The dictionaries of this process: found once, each loaded on a thread when a word of its
    language is first to be checked, freed once unused for ``IDLE_S``. One lock covers every use
    of them (hunspell is not thread-safe: the GUI thread checks, the suggestion thread suggests)."""

    lock = threading.Lock()
    found: dict[str, str] | None = None  # language -> tag installed; None until probed
    problem = ""
    loaded: dict[str, Any] = {}
    used: dict[str, float] = {}  # language -> when last used (time.monotonic)
    loading: dict[str, Future] = {}
    changes = 0  # counts loads and refusals ended: a speller that saw another number redoes
    busy = False  # a check was refused while another thread held the dictionaries (GUI thread's)
    pool = Worker("dictionaries")
    probed: Future | None = None

    @classmethod
    def probe(cls) -> Future:
        with cls.lock:
            if cls.probed is None:
                cls.probed = cls.pool.submit(cls._probe)
            return cls.probed

    @classmethod
    def _probe(cls) -> None:
        yield_to_the_window()
        found, problem = _probe()
        cls.problem, cls.found = problem, found

    @classmethod
    def want(cls, language: str) -> Future | None:
        """Load ``language``'s dictionary on the thread (once); its future, or None when it is
        loaded or not installed."""
        with cls.lock:
            return cls._want(language)

    @classmethod
    def _want(cls, language: str) -> Future | None:  # (with the lock held)
        if language in cls.loaded or language not in (cls.found or {}):
            return None
        if language not in cls.loading:
            cls.loading[language] = cls.pool.submit(cls._load, language)
        return cls.loading[language]

    @classmethod
    def _load(cls, language: str) -> None:
        import enchant

        yield_to_the_window()
        made = None
        try:
            made = enchant.Dict((cls.found or {})[language])
        except enchant.errors.Error:
            pass
        finally:
            with cls.lock:
                if made is None:
                    (cls.found or {}).pop(language, None)  # (words of it are then not checked)
                else:
                    cls.loaded[language], cls.used[language] = made, time.monotonic()
                cls.loading.pop(language, None)
                cls.changes += 1

    @classmethod
    def check(cls, language: str, word: str) -> bool | None:
        """Whether ``language``'s dictionary knows ``word``; None while it is in use on the
        suggestion thread, or not loaded (its load is started). Never waits."""
        if not cls.lock.acquire(blocking=False):
            cls.busy = True
            return None
        try:
            found = cls.loaded.get(language)
            if found is None:
                cls._want(language)
                return None
            cls.used[language] = time.monotonic()
            return bool(found.check(word))
        finally:
            cls.lock.release()

    @classmethod
    def suggest(cls, language: str, word: str) -> list[str]:
        """The dictionary's suggestions (on the suggestion thread: waits for the load)."""
        cls.probe().result()
        loading = cls.want(language)
        if loading is not None:
            loading.result()
        with cls.lock:
            found = cls.loaded.get(language)
            if found is not None:
                cls.used[language] = time.monotonic()
            return [] if found is None else list(found.suggest(word))[:MAX_SUGGESTIONS]

    @classmethod
    def settle(cls) -> None:
        """(GUI thread) Once the dictionaries are free again after a check was refused, count a
        change: the spellers check again."""
        if cls.busy and not cls.lock.locked():
            cls.busy, cls.changes = False, cls.changes + 1


def release_idle(idle: float = IDLE_S) -> list[str]:
    """Free the dictionaries unused for ``idle`` seconds (their memory goes back to the system
    where the C library allows); the languages freed. A word not checked yet loads its
    language again. Never waits: while the suggestion thread holds them, nothing is freed."""
    now = time.monotonic()
    if not Store.lock.acquire(blocking=False):
        return []
    try:
        freed = [lang for lang, used in Store.used.items() if now - used >= idle and lang in Store.loaded]
        dictionaries = [Store.loaded.pop(language) for language in freed]
        for language in freed:
            del Store.used[language]
    finally:
        Store.lock.release()
    if dictionaries:  # freed on the thread that loads them: enchant's broker is not thread-safe
        Store.pool.submit(_free, dictionaries)
    return freed


def _free(dictionaries: list) -> None:
    """(On the dictionaries' thread) Drop the last references and give the memory back."""
    dictionaries.clear()  # hunspell's tables are freed with the last reference
    _give_back_memory()


def loaded_languages() -> list[str]:
    """The languages whose dictionary is loaded now."""
    with Store.lock:
        return sorted(Store.loaded)


def _give_back_memory() -> None:
    """Return the freed heap to the system (glibc keeps it otherwise; tens of MB for Korean)."""
    if sys.platform.startswith("linux"):
        try:
            ctypes.CDLL(None).malloc_trim(0)
        except (OSError, AttributeError):  # not glibc
            pass


def yield_to_the_window() -> None:
    """Run this thread at the lowest priority (``NICENESS``), so that loading a dictionary never
    slows the window (Linux, where a thread has a priority of its own; elsewhere nothing changes)."""
    if NICENESS and sys.platform.startswith("linux"):
        try:
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), NICENESS)
        except OSError:
            pass


@atexit.register
def _keep_to_the_end() -> None:
    """At the program's end, leave the dictionaries and enchant's broker to the process's exit
    instead of freeing them as the interpreter tears down: a load or a suggestion may still run on
    its daemon thread, and freeing would use the broker from two threads at once (enchant is not
    thread-safe). Nothing is lost: the system takes the memory back with the process."""
    broker = getattr(sys.modules.get("enchant"), "_broker", None)  # (None while it is imported)
    kept = [*Store.loaded.values(), *([broker] if broker is not None else [])]
    for held in kept:
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(held))
