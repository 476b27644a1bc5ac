"""Document profiles as Markdown, JSON and HTML (one report for one or several files)."""

from __future__ import annotations

import json
from typing import Any

from dxshift.analysis.profile import DocumentProfile, Finding
from dxshift.framework.schema import Framework
from dxshift.i18n import Lang, fmt_percent, t


def _finding(f: Finding, lang: Lang) -> dict[str, Any]:
    return {
        "text": f.sentence.text,
        "location": f.sentence.location.describe(lang),
        "shift": f.result.shift,
        "side": f.result.side,
        "confidence": round(f.result.confidence, 4),
        "phrases": f.result.phrases,
        "cues": f.result.cues,
    }


def profile_dict(p: DocumentProfile, fw: Framework, lang: Lang = "vi") -> dict[str, Any]:
    return {
        "file": p.document.name,
        "kind": p.document.kind,
        "pages": p.document.pages,
        "encoding": p.document.encoding,
        "sentences": p.sentence_count,
        "relevant_sentences": p.relevant_count,
        "honours": p.honours,
        "contradicts": p.contradicts,
        "mixed": p.mixed,
        "shifts": [
            {
                "shift": s.shift,
                "name": fw.shift(s.shift).name.get(lang),
                "stance": s.stance,
                "it_count": s.it_count,
                "dx_count": s.dx_count,
                "dx_share": None if s.dx_share is None else round(s.dx_share, 4),
                "confidence": round(s.confidence, 4),
                "evidence_it": [_finding(f, lang) for f in s.evidence_it],
                "evidence_dx": [_finding(f, lang) for f in s.evidence_dx],
            }
            for s in p.shifts
        ],
    }


def render_profiles_json(profiles: list[DocumentProfile], fw: Framework, lang: Lang = "vi") -> str:
    data = [profile_dict(p, fw, lang) for p in profiles]
    return json.dumps(data[0] if len(data) == 1 else data, ensure_ascii=False, indent=2) + "\n"


def _shift_list(numbers: list[int], fw: Framework, lang: Lang) -> str:
    if not numbers:
        return t("none_found", lang)
    return "; ".join(f"{n}. {fw.shift(n).name.get(lang)}" for n in numbers)


def summary_lines(p: DocumentProfile, fw: Framework, lang: Lang) -> list[str]:
    lines = [t("sentences_read", lang, total=p.sentence_count, relevant=p.relevant_count)]
    if p.document.encoding in {"tcvn3", "vni", "cp1258"}:
        lines.append(t("legacy_note", lang, encoding=p.document.encoding.upper()))
    lines.append(f"{t('honours', lang)}: {_shift_list(p.honours, fw, lang)}")
    lines.append(f"{t('contradicts', lang)}: {_shift_list(p.contradicts, fw, lang)}")
    if p.mixed:
        lines.append(f"{t('mixed_on', lang)}: {_shift_list(p.mixed, fw, lang)}")
    return lines


def render_profiles_markdown(profiles: list[DocumentProfile], fw: Framework, lang: Lang = "vi") -> str:
    out = [f"# {t('profile_title', lang)}", ""]
    for p in profiles:
        out += [f"## {p.document.name}", ""]
        out += [f"- {line}" for line in summary_lines(p, fw, lang)]
        out += [
            "",
            f"| # | {t('shift', lang)} | {t('stance', lang)} | CNTT | CĐS | {t('confidence', lang)} |",
            "|---:|---|---|---:|---:|---:|",
        ]
        for s in p.shifts:
            out.append(
                f"| {s.shift} | {fw.shift(s.shift).name.get(lang)} | {t(s.stance, lang)} | {s.it_count} | "
                f"{s.dx_count} | {fmt_percent(s.confidence, lang) if s.it_count + s.dx_count else '—'} |"
            )
        for s in p.shifts:
            if not (s.evidence_it or s.evidence_dx):
                continue
            out += ["", f"### {s.shift}. {fw.shift(s.shift).name.get(lang)} — {t(s.stance, lang)}", ""]
            for label, items in (("evidence_dx", s.evidence_dx), ("evidence_it", s.evidence_it)):
                for f in items:
                    cues = ", ".join(f.result.phrases or f.result.cues)
                    out.append(
                        f"- **{t(label, lang)}** ({f.sentence.location.describe(lang)}; "
                        f"{fmt_percent(f.result.confidence, lang)}): {f.sentence.text}"
                        + (f" — *{t('cues', lang)}: {cues}*" if cues else "")
                    )
        out.append("")
    return "\n".join(out) + "\n"


def render_profiles_html(profiles: list[DocumentProfile], fw: Framework, lang: Lang = "vi") -> str:
    from dxshift.reports.html import environment

    return (
        environment()
        .get_template("profile.html")
        .render(
            profiles=profiles,
            fw=fw,
            lang=lang,
            t=lambda key, **p: t(key, lang, **p),
            pct=lambda x: fmt_percent(x, lang),
            summary=lambda p: summary_lines(p, fw, lang),
        )
    )


def render_profiles(profiles: list[DocumentProfile], fw: Framework, fmt: str, lang: Lang = "vi") -> str:
    if fmt == "json":
        return render_profiles_json(profiles, fw, lang)
    if fmt == "html":
        return render_profiles_html(profiles, fw, lang)
    return render_profiles_markdown(profiles, fw, lang)
