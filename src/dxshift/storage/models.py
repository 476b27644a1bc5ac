"""The database tables. The core never imports this module; services translate between them."""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    type_annotation_map: ClassVar[dict[Any, Any]] = {dict[str, Any]: JSON, list[Any]: JSON}


class Unit(Base):
    """An organization unit in a tree of any depth; `path` ('/1/5/23/') makes subtree queries cheap."""

    __tablename__ = "units"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(255))
    kind: Mapped[str] = mapped_column(String(64), default="")
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"), index=True)
    path: Mapped[str] = mapped_column(String(1024), index=True, default="/")
    depth: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)

    parent: Mapped[Unit | None] = relationship(remote_side="Unit.id")


class UnitMove(Base):
    """Each time a unit changes parent: its assessments stay with it, and the move is kept."""

    __tablename__ = "unit_moves"
    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id"), index=True)
    old_parent_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"))
    new_parent_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"))
    moved_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    moved_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    full_name: Mapped[str] = mapped_column(String(255), default="")
    password_hash: Mapped[str] = mapped_column(String(255))
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[dt.datetime | None] = mapped_column(DateTime)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)

    roles: Mapped[list[RoleGrant]] = relationship(back_populates="user", cascade="all, delete-orphan")


class RoleGrant(Base):
    """A role held over a subtree: the unit and everything below it."""

    __tablename__ = "role_grants"
    __table_args__ = (UniqueConstraint("user_id", "role", "unit_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    role: Mapped[str] = mapped_column(String(32))  # admin | coordinator | assessor | reviewer | viewer
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id"))

    user: Mapped[User] = relationship(back_populates="roles")
    unit: Mapped[Unit] = relationship()


class Campaign(Base):
    __tablename__ = "campaigns"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(255))
    framework_id: Mapped[str] = mapped_column(String(64))
    framework_version: Mapped[str] = mapped_column(String(32))
    scope_unit_id: Mapped[int] = mapped_column(ForeignKey("units.id"))
    deadline: Mapped[dt.date | None] = mapped_column(Date)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)

    scope_unit: Mapped[Unit] = relationship()


class Assessment(Base):
    """One unit's self-assessment in one campaign; `version` guards whole-assessment transitions."""

    __tablename__ = "assessments"
    __table_args__ = (UniqueConstraint("campaign_id", "unit_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaigns.id"), index=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id"), index=True)
    status: Mapped[str] = mapped_column(String(16), default="not_started", index=True)
    version: Mapped[int] = mapped_column(Integer, default=1)
    submitted_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    approved_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    # the stored result, computed by the scoring engine with the campaign's framework version
    score_index: Mapped[float | None] = mapped_column(Float)
    score_coverage: Mapped[float | None] = mapped_column(Float)
    level: Mapped[str | None] = mapped_column(String(32))
    result: Mapped[dict[str, Any] | None] = mapped_column(JSON, deferred=True)  # large: load on demand

    campaign: Mapped[Campaign] = relationship()
    unit: Mapped[Unit] = relationship()
    answers: Mapped[list[Answer]] = relationship(back_populates="assessment", cascade="all, delete-orphan")


class Answer(Base):
    """One indicator's answer; its own `version` detects two people editing it at once."""

    __tablename__ = "answers"
    __table_args__ = (UniqueConstraint("assessment_id", "indicator_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    assessment_id: Mapped[int] = mapped_column(ForeignKey("assessments.id"), index=True)
    indicator_id: Mapped[str] = mapped_column(String(64))
    value: Mapped[str | None] = mapped_column(String(64))  # canonical text: "3", "45.5", "yes"
    version: Mapped[int] = mapped_column(Integer, default=1)
    updated_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)

    assessment: Mapped[Assessment] = relationship(back_populates="answers")


class Evidence(Base):
    __tablename__ = "evidence"
    id: Mapped[int] = mapped_column(primary_key=True)
    assessment_id: Mapped[int] = mapped_column(ForeignKey("assessments.id"), index=True)
    indicator_id: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(8))  # file | link | note
    title: Mapped[str] = mapped_column(String(255), default="")
    url: Mapped[str | None] = mapped_column(String(2048))
    note: Mapped[str | None] = mapped_column(Text)
    effective_date: Mapped[dt.date | None] = mapped_column(Date)
    stored_name: Mapped[str | None] = mapped_column(String(64))
    original_name: Mapped[str | None] = mapped_column(String(255))
    content_type: Mapped[str | None] = mapped_column(String(128))
    size: Mapped[int | None] = mapped_column(Integer)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class ReviewComment(Base):
    __tablename__ = "review_comments"
    id: Mapped[int] = mapped_column(primary_key=True)
    assessment_id: Mapped[int] = mapped_column(ForeignKey("assessments.id"), index=True)
    indicator_id: Mapped[str | None] = mapped_column(String(64))
    text: Mapped[str] = mapped_column(Text)
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    resolved: Mapped[bool] = mapped_column(Boolean, default=False)


class AuditEntry(Base):
    """Who changed what, when, with the values before and after."""

    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_entity", "entity", "entity_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    action: Mapped[str] = mapped_column(String(64))
    entity: Mapped[str] = mapped_column(String(32))
    entity_id: Mapped[int | None] = mapped_column(Integer)
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    after: Mapped[dict[str, Any] | None] = mapped_column(JSON)


class ApiToken(Base):
    """A personal API token: only its SHA-256 is stored; it acts with its owner's rights."""

    __tablename__ = "api_tokens"
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    name: Mapped[str] = mapped_column(String(128))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    prefix: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    last_used_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    revoked_at: Mapped[dt.datetime | None] = mapped_column(DateTime)


class Initiative(Base):
    """A project or initiative put up for appraisal: is it digital transformation or just IT?"""

    __tablename__ = "initiatives"
    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id"), index=True)
    title: Mapped[str] = mapped_column(String(500))
    kind: Mapped[str] = mapped_column(String(32))  # new_system | upgrade | rental | platform_adoption
    budget: Mapped[int | None] = mapped_column(BigInteger)  # VND
    period_start: Mapped[int | None] = mapped_column(Integer)  # year
    period_end: Mapped[int | None] = mapped_column(Integer)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, index=True)
    proposed_verdict: Mapped[str | None] = mapped_column(String(32))
    verdict: Mapped[str | None] = mapped_column(String(32), index=True)  # mostly_dx | mixed | mostly_it
    verdict_note: Mapped[str | None] = mapped_column(Text)
    decided_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    decided_at: Mapped[dt.datetime | None] = mapped_column(DateTime)

    unit: Mapped[Unit] = relationship()


class InitiativeDocument(Base):
    """An uploaded document of an initiative and its background analysis job."""

    __tablename__ = "initiative_documents"
    id: Mapped[int] = mapped_column(primary_key=True)
    initiative_id: Mapped[int] = mapped_column(ForeignKey("initiatives.id"), index=True)
    kind: Mapped[str] = mapped_column(String(32), default="proposal")  # proposal | feasibility | plan | other
    stored_name: Mapped[str] = mapped_column(String(64))
    original_name: Mapped[str] = mapped_column(String(255))
    size: Mapped[int] = mapped_column(Integer)
    uploaded_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    uploaded_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    job_status: Mapped[str] = mapped_column(
        String(16), default="queued", index=True
    )  # queued|running|done|failed
    job_progress: Mapped[int] = mapped_column(Integer, default=0)
    job_error: Mapped[str | None] = mapped_column(Text)
    analyzed_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    profile: Mapped[dict[str, Any] | None] = mapped_column(JSON, deferred=True)


class InitiativeValueModel(Base):
    """An initiative's value and cost model (the YAML model as data), one per initiative."""

    __tablename__ = "initiative_value_models"
    id: Mapped[int] = mapped_column(primary_key=True)
    initiative_id: Mapped[int] = mapped_column(ForeignKey("initiatives.id"), unique=True)
    data: Mapped[dict[str, Any]] = mapped_column(JSON)
    version: Mapped[int] = mapped_column(Integer, default=1)
    updated_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class ShiftFinding(Base):
    """For one initiative and one shift: what the analyzer said, and what the reviewer decided."""

    __tablename__ = "shift_findings"
    __table_args__ = (UniqueConstraint("initiative_id", "shift"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    initiative_id: Mapped[int] = mapped_column(ForeignKey("initiatives.id"), index=True)
    shift: Mapped[int] = mapped_column(Integer)
    analyzer_stance: Mapped[str] = mapped_column(String(16))  # leans_dx | leans_it | mixed | not_addressed
    analyzer_confidence: Mapped[float] = mapped_column(Float, default=0.0)
    it_count: Mapped[int] = mapped_column(Integer, default=0)
    dx_count: Mapped[int] = mapped_column(Integer, default=0)
    evidence: Mapped[list[Any] | None] = mapped_column(JSON)
    reviewer_stance: Mapped[str | None] = mapped_column(String(16), index=True)
    reviewer_note: Mapped[str | None] = mapped_column(Text)
    reviewed_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    reviewed_at: Mapped[dt.datetime | None] = mapped_column(DateTime)

    @property
    def stance(self) -> str:
        """The reviewer's decision when there is one, else the analyzer's finding."""
        return self.reviewer_stance or self.analyzer_stance


class ShiftScore(Base):
    """A stored assessment's score on one shift, kept as rows so dashboards aggregate in SQL."""

    __tablename__ = "shift_scores"
    __table_args__ = (UniqueConstraint("assessment_id", "shift"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    assessment_id: Mapped[int] = mapped_column(ForeignKey("assessments.id"), index=True)
    shift: Mapped[int] = mapped_column(Integer)
    score: Mapped[float] = mapped_column(Float)
    coverage: Mapped[float] = mapped_column(Float)
