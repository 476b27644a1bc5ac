"""The `dxshift` command. Commands parse arguments, call the core, and print: nothing more."""

from __future__ import annotations

import typer

from dxshift.cli import analysis_cmd, assess_cmd, framework_cmd, platform_cmd, value_cmd

app = typer.Typer(
    name="dxshift",
    help="DXShift: tell applying IT from digital transformation, and act on the difference.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
app.add_typer(framework_cmd.app, name="framework")
app.command("questionnaire")(assess_cmd.questionnaire)
app.command("assess")(assess_cmd.assess)
app.command("demo")(assess_cmd.demo)
app.command("classify")(analysis_cmd.classify)
app.command("analyze")(analysis_cmd.analyze)
app.command("train")(analysis_cmd.train)
app.command("eval")(analysis_cmd.evaluate)
app.command("value")(value_cmd.value)
app.command("serve")(platform_cmd.serve)
app.add_typer(platform_cmd.db_app, name="db")
app.add_typer(platform_cmd.units_app, name="units")
app.add_typer(platform_cmd.users_app, name="users")


def main() -> None:
    app()
