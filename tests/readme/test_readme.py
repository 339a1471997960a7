"""The README's Python examples run against the generated package."""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def python_blocks() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return re.findall(r"```python\n(.*?)```", text, flags=re.S)


def test_readme_has_python_examples() -> None:
    assert python_blocks()


def test_readme_python_examples_run() -> None:
    sys.path.insert(0, str(ROOT / "generated" / "python"))
    try:
        for block in python_blocks():
            exec(compile(block, "README.md", "exec"), {})
    finally:
        sys.path.remove(str(ROOT / "generated" / "python"))
