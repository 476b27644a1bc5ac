"""Dashboard figures for one subtree and one campaign, computed from the stored scores.

Everything is aggregated over *approved* assessments: radar (mean score per shift), heatmap
(child units × shifts), ranking of the children (mean index and its change since the previous
campaign), distribution of levels, progress by status, and the trend of the mean index over
campaigns. Means are plain averages over the units that have a stored result.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from dxshift.services.campaigns import STATUSES
from dxshift.services.scope import Principal
from dxshift.storage.models import Assessment, Campaign, ShiftScore, Unit


@dataclass
class ChildRow:
    unit: Unit
    index: float | None
    previous: float | None
    approved: int
    total: int
    shifts: dict[int, float]
    levels: Counter[str] = field(default_factory=Counter)

    @property
    def change(self) -> float | None:
        return None if self.index is None or self.previous is None else self.index - self.previous

    @property
    def level(self) -> str | None:
        """The level itself for a single unit, the most common one for a group."""
        return self.levels.most_common(1)[0][0] if self.levels else None


@dataclass
class Dashboard:
    root: Unit
    campaign: Campaign
    previous: Campaign | None
    radar: dict[int, float]
    children: list[ChildRow]
    levels: dict[str, int]
    progress: dict[str, int]
    trend: list[tuple[Campaign, float, int]]
    approved: int


@dataclass
class _Bucket:
    indexes: list[float] = field(default_factory=list)
    total: int = 0
    levels: Counter[str] = field(default_factory=Counter)


def _mean(values: list[float]) -> float | None:
    return sum(values) / len(values) if values else None


def _child_key(root: Unit, path: str) -> int | None:
    """The id of the root's child whose subtree holds `path` (None for the root itself)."""
    rest = path[len(root.path) :].strip("/")
    return int(rest.split("/", 1)[0]) if rest else None


def _index_by_child(session: Session, root: Unit, campaign_id: int) -> dict[int | None, list[float]]:
    rows = session.execute(
        select(Unit.path, Assessment.score_index)
        .join(Unit, Unit.id == Assessment.unit_id)
        .where(
            Assessment.campaign_id == campaign_id,
            Assessment.status == "approved",
            Unit.path.startswith(root.path, autoescape=True),
        )
    ).all()
    out: dict[int | None, list[float]] = defaultdict(list)
    for path, index in rows:
        if index is not None:
            out[_child_key(root, path)].append(index)
    return out


def build(session: Session, *, actor: Principal, root: Unit, campaign: Campaign) -> Dashboard:
    assert actor.can("view", root)
    in_subtree = Unit.path.startswith(root.path, autoescape=True)
    campaigns = session.scalars(select(Campaign).order_by(Campaign.created_at)).all()
    earlier = [c for c in campaigns if c.created_at < campaign.created_at]
    previous = earlier[-1] if earlier else None

    score_rows = session.execute(
        select(Unit.path, ShiftScore.shift, ShiftScore.score)
        .join(Assessment, Assessment.id == ShiftScore.assessment_id)
        .join(Unit, Unit.id == Assessment.unit_id)
        .where(Assessment.campaign_id == campaign.id, Assessment.status == "approved", in_subtree)
    ).all()
    radar_sum: dict[int, list[float]] = defaultdict(list)
    child_scores: dict[int | None, dict[int, list[float]]] = defaultdict(lambda: defaultdict(list))
    for path, shift, score in score_rows:
        radar_sum[shift].append(score)
        child_scores[_child_key(root, path)][shift].append(score)

    unit_rows = session.execute(
        select(Unit.path, Assessment.status, Assessment.score_index, Assessment.level)
        .join(Unit, Unit.id == Assessment.unit_id)
        .where(Assessment.campaign_id == campaign.id, in_subtree)
    ).all()
    progress = {s: 0 for s in STATUSES}
    levels: Counter[str] = Counter()
    per_child: dict[int | None, _Bucket] = defaultdict(_Bucket)
    for path, status, index, level in unit_rows:
        progress[status] += 1
        bucket = per_child[_child_key(root, path)]
        bucket.total += 1
        if status == "approved" and index is not None:
            levels[level or ""] += 1
            bucket.indexes.append(index)
            bucket.levels[level or ""] += 1
    before = _index_by_child(session, root, previous.id) if previous else {}

    rows: list[ChildRow] = []
    for child in session.scalars(select(Unit).where(Unit.parent_id == root.id)):
        data = per_child.get(child.id)
        if data is None or not actor.can("view", child):
            continue
        prev = before.get(child.id)
        shifts = {s: sum(v) / len(v) for s, v in child_scores.get(child.id, {}).items()}
        rows.append(
            ChildRow(
                child,
                _mean(data.indexes),
                _mean(prev or []),
                len(data.indexes),
                data.total,
                shifts,
                data.levels,
            )
        )
    rows.sort(key=lambda r: (r.index is None, -(r.index or 0)))

    means = {
        campaign_id: (float(mean), int(count))
        for campaign_id, mean, count in session.execute(
            select(Assessment.campaign_id, func.avg(Assessment.score_index), func.count())
            .join(Unit, Unit.id == Assessment.unit_id)
            .where(
                Assessment.campaign_id.in_([c.id for c in campaigns]),
                Assessment.status == "approved",
                in_subtree,
            )
            .group_by(Assessment.campaign_id)
        )
    }
    trend = [(c, *means[c.id]) for c in campaigns if c.id in means]  # one query, campaigns in order
    return Dashboard(
        root,
        campaign,
        previous,
        {s: sum(v) / len(v) for s, v in sorted(radar_sum.items())},
        rows,
        dict(levels),
        progress,
        trend,
        sum(levels.values()),
    )
