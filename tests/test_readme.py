"""The README never lies: its two commands exist, and CI runs the test command."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def setup_commands() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Set-up", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```bash\n(.*?)```", section, re.S)
    assert block, "the set-up section has a bash block"
    return [line.split("#", 1)[0].strip() for line in block.group(1).splitlines() if line.strip()]


def test_readme_has_exactly_two_setup_commands_that_exist() -> None:
    commands = setup_commands()
    assert commands == ["bash scripts/run", "bash scripts/test"]
    for command in commands:
        assert (ROOT / command.split()[1]).is_file()


def test_ci_runs_the_readme_test_command() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert f"exec {setup_commands()[1]}" in ci


def test_every_cli_command_is_documented_in_the_readme() -> None:
    """Like datasette: the CLI and its documentation are kept in step by a test."""
    import typer.main

    from dxshift.cli import app

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    group = typer.main.get_group(app)
    for name, command in group.commands.items():
        sub = getattr(command, "commands", None)
        names = [f"{name} {s}" for s in sub] if sub else [name]
        for full in names:
            assert f"dxshift {full}" in readme, f"`dxshift {full}` is not in the README"
