"""The shipped pre-commit configuration blocks a commit of a broken article (real git, real pre-commit)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import FIXTURES, ROOT

PRE_COMMIT = Path(sys.executable).with_name("pre-commit")


def git(repo: Path, *args: str, env=None) -> subprocess.CompletedProcess:
    return subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, env=env)


@pytest.fixture
def repo(tmp_path) -> tuple[Path, dict]:
    """A new editor repository: the shipped config, the project's .venv, one good article committed."""
    repo = tmp_path / "repo"
    (repo / "content" / "articles").mkdir(parents=True)
    shutil.copy(ROOT / ".pre-commit-config.yaml", repo)
    (repo / ".venv").symlink_to(Path(sys.executable).parent.parent)
    (repo / ".gitignore").write_text(".venv\n", encoding="utf-8")
    shutil.copy(FIXTURES / "check" / "articles" / "good.md", repo / "content" / "articles" / "good.md")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "GIT_AUTHOR_NAME": "Biên tập",
           "GIT_AUTHOR_EMAIL": "bt@example.vn", "GIT_COMMITTER_NAME": "Biên tập",
           "GIT_COMMITTER_EMAIL": "bt@example.vn"}
    assert git(repo, "init", "-q", "-b", "main").returncode == 0
    installed = subprocess.run([str(PRE_COMMIT), "install"], cwd=repo, capture_output=True, text=True, env=env)
    assert installed.returncode == 0, installed.stderr
    git(repo, "add", "-A")
    first = git(repo, "commit", "-q", "-m", "Bài đầu tiên", env=env)
    assert first.returncode == 0, first.stdout + first.stderr
    return repo, env


def test_hook_blocks_a_broken_article_and_lets_the_fixed_one_through(repo):
    repo, env = repo
    bad = repo / "content" / "articles" / "2024" / "05" / "bai-loi.md"
    bad.parent.mkdir(parents=True)
    shutil.copy(FIXTURES / "check" / "articles" / "date-not-iso.md", bad)
    git(repo, "add", str(bad))
    blocked = git(repo, "commit", "-m", "Bài lỗi", env=env)
    assert blocked.returncode != 0
    output = blocked.stdout + blocked.stderr
    assert "content/articles/2024/05/bai-loi.md:3: ngày đăng không hợp lệ: '16/07/2019'" in output
    assert "Traceback" not in output
    assert git(repo, "log", "--oneline").stdout.count("\n") == 1     # nothing was committed

    bad.write_text(bad.read_text(encoding="utf-8").replace("16/07/2019", "2019-07-16T08:00:00+07:00"),
                   encoding="utf-8")
    git(repo, "add", str(bad))
    passed = git(repo, "commit", "-m", "Bài đã sửa", env=env)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert git(repo, "log", "--oneline").stdout.count("\n") == 2


def test_hook_catches_a_slug_already_used_by_a_committed_article(repo):
    repo, env = repo
    copy = repo / "content" / "articles" / "ban-sao.md"
    copy.write_text((repo / "content" / "articles" / "good.md").read_text(encoding="utf-8")
                    .replace("title: Hội nghị", "title: Bản sao hội nghị"), encoding="utf-8")
    git(repo, "add", str(copy))
    blocked = git(repo, "commit", "-m", "Bản sao", env=env)
    assert blocked.returncode != 0
    assert ("content/articles/ban-sao.md:7: bài này và bài content/articles/good.md:7 cùng ra một địa chỉ "
            "/2024/05/hoi-nghi-so-ket-cong-tac-6-thang/") in blocked.stdout + blocked.stderr


@pytest.mark.parametrize("command, path", [("validate-manifest", ".pre-commit-hooks.yaml"),
                                           ("validate-config", ".pre-commit-config.yaml")])
def test_hook_files_are_valid_for_pre_commit(command, path):
    result = subprocess.run([str(PRE_COMMIT), command, str(ROOT / path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
