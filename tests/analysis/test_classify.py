"""The classifier's contract (stable: used by external evaluation) and the eval figures."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from dxshift.analysis import classify_text
from dxshift.analysis.evaluate import score
from dxshift.cli import app

runner = CliRunner()
LINES = [
    "Đầu tư mua sắm 04 máy chủ đặt tại phòng máy chủ riêng của Phòng Tài chính huyện.",
    "",
    "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015.",
    "Tỉnh thuê dịch vụ điện toán đám mây dùng chung cho tất cả các xã, trả tiền theo mức sử dụng.",
]


def test_classify_prints_one_json_object_per_line_in_input_order() -> None:
    result = runner.invoke(app, ["classify", "-"], input="\n".join(LINES) + "\n")
    assert result.exit_code == 0
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["text"] for r in rows] == LINES
    for row in rows:
        assert set(row) == {"text", "shift", "side", "confidence", "candidates"}
        assert 0 <= row["confidence"] <= 1
        assert len(row["candidates"]) <= 3
        scores = [c["score"] for c in row["candidates"]]
        assert scores == sorted(scores, reverse=True)
        for c in row["candidates"]:
            assert 1 <= c["shift"] <= 17 and c["side"] in {"it", "dx"}
        if row["shift"] is None:
            assert row["side"] is None
        else:
            assert 1 <= row["shift"] <= 17 and row["side"] in {"it", "dx"}
    assert rows[1]["shift"] is None and rows[2]["shift"] is None
    assert rows[0]["side"] == "it" and rows[3]["side"] == "dx"


def test_classify_reads_a_file(tmp_path: Path) -> None:
    path = tmp_path / "cau.txt"
    path.write_text("\n".join(LINES), encoding="utf-8")
    result = runner.invoke(app, ["classify", str(path)])
    assert result.exit_code == 0 and len(result.stdout.splitlines()) == len(LINES)


def test_a_classification_explains_itself() -> None:
    result = classify_text(LINES[3])
    assert result.shift is not None
    assert result.phrases or result.cues


def test_scores_match_figures_worked_out_by_hand() -> None:
    truth = [(7, "it"), (7, "dx"), (8, "dx"), (0, "none"), (0, "none"), (3, "it")]
    pred = [(7, "it"), (8, "dx"), (8, "dx"), (0, "none"), (3, "it"), (0, "none")]
    s = score(truth, pred)
    assert s.n_shift == 4
    assert s.shift_accuracy == 2 / 4  # 7✓ 7→8✗ 8✓ 3→0✗
    assert s.side_accuracy == 3 / 4  # it✓ dx✓ dx✓ it→none✗
    assert s.none_precision == 1 / 2 and s.none_recall == 1 / 2
    # F1 per shift: 3: 0 (tp 0, fp 1, fn 1); 7: 2/3 (tp 1, fn 1); 8: 2/3 (tp 1, fp 1)
    assert abs(s.macro_f1 - (0 + 2 / 3 + 2 / 3) / 3) < 1e-9
    assert s.confusion[(7, 8)] == 1


def test_eval_command_prints_the_figures_of_a_known_file(tmp_path: Path) -> None:
    predicted = [classify_text(text) for text in (LINES[0], LINES[2], LINES[3])]
    rows = ["text\tshift\tside"]
    for p in predicted:
        rows.append(f"{p.text}\t{p.shift or 0}\t{p.side or 'none'}")
    wrong = predicted[2]  # relabel the third as another shift: one shift error
    other = 1 if wrong.shift != 1 else 2
    rows[-1] = f"{wrong.text}\t{other}\t{wrong.side}"
    path = tmp_path / "data.tsv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["eval", str(path), "--format", "json"])
    assert result.exit_code == 0
    figures = json.loads(result.stdout)
    n_shift = sum(1 for p in predicted if p.shift)
    assert figures["n"] == 3 and figures["n_with_shift"] == n_shift
    assert figures["shift_accuracy"] == round((n_shift - 1) / n_shift, 4)
    assert figures["none_recall"] == 1.0


def test_eval_refuses_a_malformed_file(tmp_path: Path) -> None:
    path = tmp_path / "bad.tsv"
    path.write_text("text\tshift\tside\nmột câu\t21\tit\n", encoding="utf-8")
    result = runner.invoke(app, ["eval", str(path)])
    assert result.exit_code == 1 and "bad.tsv:2" in result.stderr


def test_the_committed_model_is_what_dxshift_train_produces_from_the_corpus() -> None:
    """Retraining from the corpus reproduces the bundled model: nobody forgot `dxshift train`."""
    from dxshift.analysis.classify import Classifier, default_classifier
    from dxshift.analysis.corpus import load_corpus, split
    from dxshift.analysis.train import fit

    train, held_out = split(load_corpus())
    fresh = Classifier(fit(train))
    committed = default_classifier()
    sample = held_out[:300]
    same = sum(
        (fresh.classify(e.text, explain=False).shift, fresh.classify(e.text, explain=False).side)
        == (committed.classify(e.text, explain=False).shift, committed.classify(e.text, explain=False).side)
        for e in sample
    )
    assert same >= 0.99 * len(sample)  # float16 weights may flip a borderline case or two
