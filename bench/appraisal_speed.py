"""How long a 50-page proposal takes to be analysed in the background (issue 5 goal: < 10 s).

Run: .venv/bin/python -m bench.appraisal_speed
Generates a 50-page DOCX from the corpus, registers an initiative on a SQLite file, uploads the
document and times the job through the same worker-process runner the web app uses, from
submission to findings stored (process start-up included).
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from sqlalchemy import create_engine

from bench.analysis_speed import make_docx


def main() -> None:
    from dxshift.services import accounts, appraisals, units
    from dxshift.services.scope import load_principal
    from dxshift.settings import Settings
    from dxshift.storage.db import session_factory
    from dxshift.storage.models import Base, InitiativeDocument, ShiftFinding
    from dxshift.web.jobs import JobRunner

    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(database_url=f"sqlite:///{Path(tmp) / 'a.db'}", data_dir=tmp)
        Base.metadata.create_all(create_engine(settings.database_url))
        docx = Path(tmp) / "50-trang.docx"
        make_docx(docx, 50)
        with session_factory(settings.database_url)() as s:
            unit = units.create_unit(s, code="X", name="Xã Thử")
            user = accounts.create_user(s, username="c", password="bench-password")
            accounts.grant_role(s, user=user, role="coordinator", unit=unit)
            s.flush()
            actor = load_principal(s, user)
            initiative = appraisals.create_initiative(
                s, actor=actor, unit=unit, title="50 trang", kind="upgrade"
            )
            document = appraisals.add_document(
                s,
                actor=actor,
                initiative=initiative,
                filename=docx.name,
                data=docx.read_bytes(),
                kind="proposal",
                upload_dir=settings.documents_path,
                max_bytes=10**8,
            )
            s.commit()
            document_id = document.id
        runner = JobRunner(settings)
        start = time.perf_counter()
        status = runner.submit(document_id).result(timeout=120)
        elapsed = time.perf_counter() - start
        runner.shutdown()
        with session_factory(settings.database_url)() as s:
            doc = s.get(InitiativeDocument, document_id)
            sentences = len(doc.profile["sentences"]) if doc and doc.profile else 0
            findings = s.query(ShiftFinding).count()
    print("| measure | result |\n|---|---:|")
    print(
        f"| 50-page DOCX proposal ({sentences:,} sentences) analysed in the background worker, "
        f"findings stored ({status}, {findings} findings) | {elapsed:.1f} s (goal < 10 s) |"
    )


if __name__ == "__main__":
    main()
