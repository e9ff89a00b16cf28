"""A journal under git: its history is git's, commits take only the files named, pull and
push use the user's remote, and a conflict is undone and reported (real repositories)."""

from __future__ import annotations

import pytest

from journal_app.core.gitrepo import GitError, GitOffline, MergeConflict, find_repo
from journal_app.core.history import NOT_COMMITTED, open_history
from tests.gitrepos import git, new_repo, two_machines

POST = "posts/ai-expo.md"
TEXT = "---\ntitle: AI Expo 후기\n---\n첫 줄\n둘째 줄\n"


def test_a_folder_outside_git_is_not_a_repo(tmp_path):
    assert find_repo(tmp_path) is None


def test_a_journal_in_a_subfolder_of_a_repo_finds_its_top(tmp_path):
    top = new_repo(tmp_path / "blog", {"content/a.md": "a\n"})
    repo = find_repo(top / "content")
    assert repo is not None and repo.top == top


def test_git_is_the_history_following_a_rename(tmp_path):
    top = new_repo(tmp_path / "blog", {POST: TEXT})
    post = top / POST
    post.write_text(TEXT + "셋째 줄\n", encoding="utf-8")
    git(top, "commit", "-qam", "more")
    git(top, "mv", POST, "posts/renamed.md")
    git(top, "commit", "-qm", "rename")
    renamed = top / "posts/renamed.md"
    renamed.write_text("바뀐 글\n", encoding="utf-8")  # saved, not committed
    history = open_history(top, tmp_path / "data")
    assert history.kind == "git"
    versions = history.versions(renamed)
    assert [v.message for v in versions] == [NOT_COMMITTED, "rename", "more", "first"]
    assert history.read(renamed, versions[0]) == "바뀐 글\n".encode()
    assert history.read(renamed, versions[2]) == (TEXT + "셋째 줄\n").encode()
    assert history.read(renamed, versions[3]) == TEXT.encode()
    assert (versions[2].added, versions[2].removed) == (1, 0)
    assert versions[2].summary == "+1 \u22120 lines · more"
    assert versions[3].size == len(TEXT.encode())
    assert not (tmp_path / "data").exists()  # nothing of its own kept


def test_status_tells_the_branch_changes_and_commits_to_push_or_pull(tmp_path):
    _, laptop, desktop = two_machines(tmp_path, {POST: TEXT})
    repo = find_repo(laptop)
    assert repo is not None
    status = repo.status()
    assert (status.branch, status.upstream, status.ahead, status.behind) == ("main", "origin/main", 0, 0)
    (laptop / POST).write_text(TEXT + "more\n", encoding="utf-8")
    (laptop / "새 글.md").write_text("new\n", encoding="utf-8")
    assert sorted(repo.status().changed) == sorted([laptop / POST, laptop / "새 글.md"])
    assert repo.status().summary() == "main · 2 to commit"
    repo.commit([laptop / POST], 'Update "AI Expo 후기"')
    assert repo.status().summary() == "main · 1 to commit · 1 to push"
    (desktop / "other.md").write_text("x\n", encoding="utf-8")
    git(desktop, "add", "-A")
    git(desktop, "commit", "-qm", "other")
    git(desktop, "push", "-q")
    git(laptop, "fetch", "-q")
    assert repo.status().behind == 1


def test_commit_takes_only_the_files_named_even_with_others_staged(tmp_path):
    top = new_repo(tmp_path / "blog", {POST: TEXT, "notes.md": "n\n"})
    (top / POST).write_text(TEXT + "x\n", encoding="utf-8")
    (top / "notes.md").write_text("touched outside the app\n", encoding="utf-8")
    git(top, "add", "notes.md")  # the user staged it themself
    repo = find_repo(top)
    assert repo is not None
    assert repo.commit([top / POST, top / "unchanged.md"], 'Update "AI Expo 후기"') == [top / POST]
    assert git(top, "log", "-1", "--format=%s").strip() == 'Update "AI Expo 후기"'
    assert git(top, "show", "--name-only", "--format=", "HEAD").split() == [POST]
    assert "notes.md" in git(top, "diff", "--cached", "--name-only")  # still staged, not committed
    assert repo.commit([top / POST], "again") == []  # nothing left to commit


def test_commit_of_a_renamed_post_takes_the_old_name_away(tmp_path):
    top = new_repo(tmp_path / "blog", {POST: TEXT})
    (top / POST).rename(top / "posts/new-name.md")
    repo = find_repo(top)
    assert repo is not None
    repo.commit([top / POST, top / "posts/new-name.md"], "Rename")
    assert git(top, "ls-files").split() == ["posts/new-name.md"]
    assert git(top, "status", "--porcelain") == ""


def test_an_edit_pushed_on_one_machine_is_pulled_on_the_other(tmp_path):
    _, laptop, desktop = two_machines(tmp_path, {POST: TEXT})
    (laptop / POST).write_text(TEXT + "노트북에서\n", encoding="utf-8")
    on_laptop, on_desktop = find_repo(laptop), find_repo(desktop)
    assert on_laptop is not None and on_desktop is not None
    on_laptop.commit([laptop / POST], 'Update "AI Expo 후기"')
    said: list[str] = []
    on_laptop.push(said.append)
    assert on_laptop.status().ahead == 0
    assert on_desktop.pull(said.append) == [desktop / POST]
    assert (desktop / POST).read_text(encoding="utf-8") == TEXT + "노트북에서\n"


def test_concurrent_edits_are_a_conflict_undone_with_both_texts_kept(tmp_path):
    _, laptop, desktop = two_machines(tmp_path, {POST: TEXT, "other.md": "o\n"})
    mine, theirs = TEXT.replace("첫 줄", "데스크톱"), TEXT.replace("첫 줄", "노트북")
    (laptop / POST).write_text(theirs, encoding="utf-8")
    on_laptop, on_desktop = find_repo(laptop), find_repo(desktop)
    assert on_laptop is not None and on_desktop is not None
    on_laptop.commit([laptop / POST], "laptop")
    on_laptop.push()
    (desktop / POST).write_text(mine, encoding="utf-8")
    on_desktop.commit([desktop / POST], "desktop")
    with pytest.raises(MergeConflict) as caught:
        on_desktop.pull()
    assert caught.value.posts == [desktop / POST]
    assert "ai-expo.md" in str(caught.value)
    assert (desktop / POST).read_text(encoding="utf-8") == mine  # nothing half-written
    assert git(desktop, "status", "--porcelain") == ""
    assert git(desktop, "show", f"origin/main:{POST}") == theirs  # theirs kept too


def test_a_conflicting_pull_never_touches_the_working_files(tmp_path):
    """The merge is tried in memory first: a conflicted post is not written (with markers) and
    then put back, which a window watching the file could have shown in between."""
    _, laptop, desktop = two_machines(tmp_path, {POST: TEXT})
    (laptop / POST).write_text(TEXT.replace("첫 줄", "노트북"), encoding="utf-8")
    on_laptop, on_desktop = find_repo(laptop), find_repo(desktop)
    assert on_laptop is not None and on_desktop is not None
    on_laptop.commit([laptop / POST], "laptop")
    on_laptop.push()
    (desktop / POST).write_text(TEXT.replace("첫 줄", "데스크톱"), encoding="utf-8")
    on_desktop.commit([desktop / POST], "desktop")
    before = (desktop / POST).stat()
    with pytest.raises(MergeConflict):
        on_desktop.pull()
    after = (desktop / POST).stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)


def test_a_missing_remote_is_offline_and_commits_stay_local(tmp_path):
    remote, laptop, _ = two_machines(tmp_path, {POST: TEXT})
    remote.rename(tmp_path / "gone.git")
    repo = find_repo(laptop)
    assert repo is not None
    (laptop / POST).write_text("offline edit\n", encoding="utf-8")
    repo.commit([laptop / POST], "offline")
    with pytest.raises(GitOffline, match="cannot be reached"):
        repo.push()
    with pytest.raises(GitOffline):
        repo.pull()
    assert repo.status().ahead == 1


def test_no_remote_and_a_detached_head_are_said_plainly(tmp_path):
    top = new_repo(tmp_path / "blog", {POST: TEXT})
    repo = find_repo(top)
    assert repo is not None
    assert repo.status().summary() == "main · no remote branch"
    with pytest.raises(GitError, match="no remote branch to pull"):
        repo.pull()
    with pytest.raises(GitError, match="there is no remote"):
        repo.push()
    git(top, "checkout", "-q", "--detach")
    assert repo.status().branch is None
    assert repo.status().summary() == "detached HEAD"
    with pytest.raises(GitError, match="detached HEAD"):
        repo.push()
    assert [v.message for v in open_history(top).versions(top / POST)] == ["first"]


def test_a_first_push_without_upstream_sets_it(tmp_path):
    top = new_repo(tmp_path / "blog", {POST: TEXT})
    remote = tmp_path / "remote.git"
    git(tmp_path, "init", "-q", "--bare", str(remote))
    git(top, "remote", "add", "origin", str(remote))
    repo = find_repo(top)
    assert repo is not None
    repo.push()
    assert repo.status().upstream == "origin/main"


def test_a_pull_over_changes_not_committed_changes_nothing(tmp_path):
    _, laptop, desktop = two_machines(tmp_path, {POST: TEXT})
    (laptop / POST).write_text("from the laptop\n", encoding="utf-8")
    on_laptop, on_desktop = find_repo(laptop), find_repo(desktop)
    assert on_laptop is not None and on_desktop is not None
    on_laptop.commit([laptop / POST], "laptop")
    on_laptop.push()
    (desktop / POST).write_text("typed here, not committed\n", encoding="utf-8")
    with pytest.raises(GitError, match="Commit them first") as caught:
        on_desktop.pull()
    assert POST in str(caught.value)
    assert (desktop / POST).read_text(encoding="utf-8") == "typed here, not committed\n"


def test_a_journal_opened_through_a_link_names_its_files_as_the_user_does(tmp_path):
    top = new_repo(tmp_path / "real" / "blog", {POST: TEXT})
    link = tmp_path / "link"
    link.symlink_to(tmp_path / "real")
    repo = find_repo(link / "blog" / "posts")
    assert repo is not None and repo.top == link / "blog"
    (top / POST).write_text("changed\n", encoding="utf-8")
    assert repo.status().changed == [link / "blog" / POST]
    assert repo.commit([link / "blog" / POST], "through the link") == [link / "blog" / POST]


def test_a_link_into_a_repos_subfolder_is_in_that_repo(tmp_path):
    """Git starts from the folder a link leads to: its repository is found though no folder
    above the link holds one."""
    top = new_repo(tmp_path / "real" / "blog", {POST: TEXT})
    link = tmp_path / "journal"
    link.symlink_to(top / "posts")
    repo = find_repo(link)
    assert repo is not None and repo.top == top


def test_a_linked_working_tree_is_a_repo(tmp_path):
    """A working tree added with ``git worktree`` has a ``.git`` file, not a folder."""
    top = new_repo(tmp_path / "blog", {POST: TEXT})
    git(top, "worktree", "add", "-q", "--detach", str(tmp_path / "other"))
    assert (tmp_path / "other" / ".git").is_file()
    repo = find_repo(tmp_path / "other" / "posts")
    assert repo is not None and repo.top == tmp_path / "other"


def test_a_push_behind_the_remote_says_to_pull_first(tmp_path):
    _, laptop, desktop = two_machines(tmp_path, {POST: TEXT, "b.md": "b\n"})
    on_laptop, on_desktop = find_repo(laptop), find_repo(desktop)
    assert on_laptop is not None and on_desktop is not None
    (laptop / POST).write_text("laptop\n", encoding="utf-8")
    on_laptop.commit([laptop / POST], "laptop")
    on_laptop.push()
    (desktop / "b.md").write_text("desktop\n", encoding="utf-8")
    on_desktop.commit([desktop / "b.md"], "desktop")
    with pytest.raises(GitError, match="pull first, then push"):
        on_desktop.push()
    assert on_desktop.pull() == [desktop / POST]  # a merge of different files
    on_desktop.push()
    assert on_desktop.status().ahead == 0
