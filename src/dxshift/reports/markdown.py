"""The result as Markdown, for e-mail, chat and version control."""

from __future__ import annotations

from dxshift.i18n import fmt_date, fmt_number, fmt_percent, t
from dxshift.reports.context import ReportContext
from dxshift.reports.wording import condition_text, level_name, value_text


def render_markdown(ctx: ReportContext) -> str:
    fw, res, lang = ctx.framework, ctx.result, ctx.lang
    n = lambda x: fmt_number(x, lang)  # noqa: E731
    out = [f"# {t('report_title', lang)}", ""]
    if ctx.unit_name:
        out.append(
            f"- **{t('unit', lang)}:** {ctx.unit_name}" + (f" ({ctx.unit_code})" if ctx.unit_code else "")
        )
    if ctx.assessed_on:
        out.append(f"- **{t('assessed_on', lang)}:** {fmt_date(ctx.assessed_on, lang)}")
    out.append(f"- **{t('framework', lang)}:** {fw.title.get(lang)} ({fw.id} {fw.version})")
    out.append(f"- **{t('index', lang)}:** {n(res.index)} / 100")
    out.append(f"- **{t('coverage', lang)}:** {fmt_percent(res.coverage, lang)}")
    out.append(f"- **{t('level', lang)}:** {level_name(fw, res.level.id, lang)}")
    if res.missing:
        out += [
            "",
            "> "
            + t("index_range", lang, missing=len(res.missing), low=n(res.index), high=n(res.index_potential)),
        ]
    out += ["", f"## {t('why_level', lang)}", ""]
    out += [f"- ✔ {condition_text(fw, c, lang)}" for c in res.level.reasons] or [t("base_level", lang)]
    if res.level.next_id:
        out += ["", f"## {t('missing_for_next', lang, level=level_name(fw, res.level.next_id, lang))}", ""]
        for c in res.level.missing_for_next:
            why = f" — {c.why.get(lang)}" if c.why else ""
            out.append(f"- ✘ {condition_text(fw, c, lang)}{why}")
    else:
        out += ["", t("top_level", lang)]
    out += ["", f"## {t('shift_scores', lang)}", ""]
    out.append(
        f"| # | {t('shift', lang)} | {t('score', lang)} | {t('coverage', lang)} | {t('answered', lang)} |"
    )
    out.append("|---:|---|---:|---:|---:|")
    for s in res.shifts:
        score = n(s.score) if s.coverage else "—"
        out.append(
            f"| {s.number} | {fw.shift(s.number).name.get(lang)} | {score} | "
            f"{fmt_percent(s.coverage, lang)} | {s.answered}/{s.total} |"
        )
    out += ["", f"## {t('roadmap', lang)}", ""]
    if not res.roadmap:
        out.append(t("roadmap_empty", lang))
    for st in res.roadmap:
        ind = fw.indicator(st.indicator)
        flag = f" — **{t('step_for_next', lang)}**" if st.for_next_level else ""
        change = t(
            "from_to",
            lang,
            current=value_text(ind, st.current_value, lang),
            target=value_text(ind, st.target_value, lang),
        )
        out.append(
            f"{st.order}. **{st.recommendation.get(lang)}** "
            f"({t('shift', lang)} {st.shift}; {ind.label(lang)}: {change}; "
            f"{t('step_gain', lang, gain=n(st.index_gain))}){flag}"
        )
    out += ["", f"## {t('missing_answers', lang)}", ""]
    if not res.missing:
        out.append(t("no_missing", lang))
    for ind_id in res.missing:
        ind = fw.indicator(ind_id)
        out.append(f"- `{ind_id}` ({t('shift', lang)} {ind.shift}): {ind.question.get(lang)}")
    out += ["", f"## {t('how_computed', lang)}", "", f"- {t('index', lang)}: `{res.index_formula}`"]
    for s in res.shifts:
        out.append(f"- {t('shift', lang)} {s.number}: `{s.formula}`")
    return "\n".join(out) + "\n"
