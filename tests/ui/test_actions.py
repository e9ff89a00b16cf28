"""The window's actions: each one in SPECS is declared on Actions, so the type checker knows it."""

from journal_app.ui.actions import MENUS, SPECS, TOOLBAR, Actions


def test_every_action_is_declared_once_on_actions() -> None:
    declared = {name for name, kind in Actions.__annotations__.items() if kind == "QAction"}
    assert declared == set(SPECS)


def test_menus_and_toolbar_name_only_known_actions() -> None:
    named = {name for names in [*MENUS.values(), TOOLBAR] for name in names if name is not None}
    assert named <= set(SPECS)
