"""The background job that reads an initiative's document: extract → classify → findings.

It runs in a separate process (see web/jobs.py), opens its own database session and writes
its progress as it goes, so the page can show it and a web worker is never blocked.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from dxshift.storage.db import session_factory
from dxshift.storage.models import Initiative, InitiativeDocument, utcnow

logger = logging.getLogger(__name__)


def _update(url: str, document_id: int, **values: Any) -> None:
    with session_factory(url)() as session:
        document = session.get(InitiativeDocument, document_id)
        if document is not None:
            for key, value in values.items():
                setattr(document, key, value)
            session.commit()


def run_document_analysis(url: str, document_id: int, upload_dir: str) -> str:
    """Analyse one document; returns the final job status ('done' or 'failed')."""
    from dxshift.analysis import ExtractError, extract_bytes, split_sentences
    from dxshift.analysis.profile import classify_sentences
    from dxshift.services.appraisals import recompute_findings

    with session_factory(url)() as session:
        document = session.get(InitiativeDocument, document_id)
        if document is None:
            return "failed"
        name, stored = document.original_name, document.stored_name
    _update(url, document_id, job_status="running", job_progress=5, job_error=None)
    try:
        data = (Path(upload_dir) / stored).read_bytes()
        doc = extract_bytes(data, name)
        _update(url, document_id, job_progress=20)
        findings = classify_sentences(
            split_sentences(doc.blocks),
            progress=lambda done, total: _update(
                url, document_id, job_progress=20 + int(75 * done / max(total, 1))
            ),
        )
        rows = [
            {
                "text": f.sentence.text,
                "block": f.sentence.block,
                "start": f.sentence.start,
                "end": f.sentence.end,
                "location": f.sentence.location.describe("vi"),
                "location_en": f.sentence.location.describe("en"),
                "shift": f.result.shift,
                "side": f.result.side,
                "confidence": round(f.result.confidence, 4),
                "phrases": f.result.phrases,
            }
            for f in findings
        ]
        profile = {
            "kind": doc.kind,
            "pages": doc.pages,
            "encoding": doc.encoding,
            "blocks": [b.text for b in doc.blocks],
            "sentences": rows,
        }
    except ExtractError as exc:
        _update(url, document_id, job_status="failed", job_progress=100, job_error=f"extract_{exc.code}")
        return "failed"
    except Exception as exc:
        _update(
            url, document_id, job_status="failed", job_progress=100, job_error=f"{type(exc).__name__}: {exc}"
        )
        return "failed"
    with session_factory(url)() as session:
        document = session.get(InitiativeDocument, document_id)
        assert document is not None
        document.profile = profile
        document.job_status, document.job_progress, document.analyzed_at = "done", 100, utcnow()
        session.flush()
        initiative = session.get(Initiative, document.initiative_id)
        assert initiative is not None
        recompute_findings(session, initiative)
        session.commit()
    return "done"
