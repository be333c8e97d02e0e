"""Language of lines and documents: letters decide, numbers and punctuation do not."""

from __future__ import annotations

import pytest

from zhengce.text.language import detect_language, line_language


def test_line_language() -> None:
    assert line_language("三、2024年政府工作任务") == "zh"
    assert line_language("III. Major Tasks for 2024") == "en"
    assert line_language("GDP增长5%左右") == "zh"
    assert line_language("the idea of 新质生产力 (new quality productive forces) was raised") == "en"
    assert line_language("2024 —— 5.2% (1)") is None
    assert line_language("") is None


def test_detect_language_monolingual() -> None:
    zh = "今年经济增长预期目标为5%左右。我们要坚持稳中求进，推动GDP和CPI保持合理水平。"
    en = "The growth target is around 5 percent. Officials in Beijing (北京) said so on Tuesday."
    assert detect_language(zh) == "zh"
    assert detect_language(en) == "en"


def test_detect_language_interleaved_is_bilingual() -> None:
    text = "\n".join(
        [
            "我们要推动产业链供应链优化升级。",
            "We will work to upgrade industrial and supply chains.",
            "保持工业经济平稳运行。",
            "We will ensure the stable performance of the industrial sector.",
        ]
    )
    assert detect_language(text) == "bilingual"


def test_detect_language_without_letters_and_bad_input() -> None:
    assert detect_language("2024 5% 1,200") == "zh"
    with pytest.raises(TypeError, match="str"):
        detect_language(None)  # type: ignore[arg-type]
