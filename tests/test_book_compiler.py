"""Compiles forked from the process that has imported Jupyter Book give what the command line
gives: its exit code and everything it printed."""

import os

from programme_monitor.builder.book_compiler import BookCompile


def test_a_compile_gives_its_exit_code_and_output(tmp_path):
    code, output = BookCompile(["--version"], dict(os.environ), tmp_path / "version.log").wait()
    assert code == 0
    assert "Jupyter Book" in output


def test_a_failing_compile_gives_its_code_and_message(tmp_path):
    missing = tmp_path / "no-such-book"
    code, output = BookCompile(
        ["build", str(missing)], dict(os.environ), tmp_path / "build.log"
    ).wait()
    assert code != 0
    assert "no-such-book" in output


def test_a_compile_runs_in_the_build_s_working_directory(tmp_path, monkeypatch):
    # A relative book path is found from the working directory; the compile then stops at the
    # builder it does not know, after the path was accepted.
    (tmp_path / "a-book-here").mkdir()
    monkeypatch.chdir(tmp_path)
    env = dict(os.environ)
    code, output = BookCompile(
        ["build", "a-book-here", "--builder", "nonsense"], env, tmp_path / "b.log"
    ).wait()
    assert code != 0
    assert "nonsense" in output
    assert "does not exist" not in output
