"""Runs document analyses in a separate process, so large documents never block a web worker.

One worker process (spawned, not forked, so it starts clean) takes jobs in order. At start-up,
jobs left queued or running by a stopped server are queued again.
"""

from __future__ import annotations

import multiprocessing
from concurrent.futures import Future, ProcessPoolExecutor

from sqlalchemy import select

from dxshift.services.analysis_jobs import run_document_analysis
from dxshift.settings import Settings
from dxshift.storage.db import session_factory
from dxshift.storage.models import InitiativeDocument


class JobRunner:
    def __init__(self, settings: Settings):
        self.settings = settings
        self._pool: ProcessPoolExecutor | None = None

    @property
    def pool(self) -> ProcessPoolExecutor:
        if self._pool is None:
            self._pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"))
        return self._pool

    def submit(self, document_id: int) -> Future[str]:
        return self.pool.submit(
            run_document_analysis, self.settings.database_url, document_id, str(self.settings.documents_path)
        )

    def resume(self) -> int:
        """Queue again the jobs a previous server left unfinished; returns how many."""
        with session_factory(self.settings.database_url)() as session:
            ids = session.scalars(
                select(InitiativeDocument.id).where(InitiativeDocument.job_status.in_(["queued", "running"]))
            ).all()
        for document_id in ids:
            self.submit(document_id)
        return len(ids)

    def shutdown(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None
