"""The package installs with pip into a fresh virtual environment, copied out of the repository, and works there."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_pip_install_into_a_fresh_venv(tmp_path: Path) -> None:
    package = tmp_path / "smtp-codes"
    shutil.copytree(ROOT / "generated" / "python", package, ignore=shutil.ignore_patterns("__pycache__", "build", "*.egg-info"))
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    python = venv / "bin" / "python"
    subprocess.run([str(python), "-m", "pip", "install", "--quiet", str(package)], check=True)
    script = (
        "import smtp_codes, importlib.resources as r;"
        "assert smtp_codes.ReplyCode(550).retry == 'permanent';"
        "assert smtp_codes.classify('421 4.7.0 try later').retry == 'transient';"
        "assert (r.files('smtp_codes') / 'py.typed').is_file();"
        "print(smtp_codes.__version__)"
    )
    result = subprocess.run([str(python), "-c", script], check=True, capture_output=True, text=True, cwd=tmp_path)
    assert result.stdout.strip()
