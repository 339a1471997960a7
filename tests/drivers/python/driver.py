"""Driver over the generated Python package, used by `cargo xtask test`, `drive` and `bench`.

dump      every fact the package knows, one JSON object per line (docs/bindings.md)
classify  JSON Lines {"id", "text"} on stdin -> one answer per line on stdout (docs/parsing.md)
bench N   classify the texts on stdin over and over until N lines, print {"lines", "seconds"}
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[3] / "generated" / "python"))

import smtp_codes  # noqa: E402


def answer(request: Any) -> dict[str, Any]:
    identifier = request.get("id") if isinstance(request, dict) else None
    text = request.get("text") if isinstance(request, dict) else None
    if not isinstance(text, str):
        return {"id": identifier, "error": 'missing "text" string'}
    c = smtp_codes.classify(text.encode("utf-8", "surrogatepass"))
    return {
        "id": identifier,
        "basic": c.basic,
        "enhanced": None if c.enhanced is None else str(c.enhanced),
        "retry": c.retry,
        "bounce": c.bounce,
        "reason": c.reason,
        "vendor": c.vendor,
        "entry": c.entry,
    }


def classify() -> None:
    out = sys.stdout
    for raw in sys.stdin.buffer:
        try:
            request = json.loads(raw)
        except ValueError:
            result: dict[str, Any] = {"id": None, "error": "invalid JSON"}
        else:
            result = answer(request)
        out.write(json.dumps(result, ensure_ascii=False, separators=(",", ":")) + "\n")
    out.flush()


def bench(lines: int) -> None:
    texts = []
    for raw in sys.stdin.buffer:
        text = json.loads(raw).get("text")
        if isinstance(text, str):
            texts.append(text.encode("utf-8", "surrogatepass"))
    classify_one = smtp_codes.classify
    started = time.perf_counter()
    done = 0
    while done < lines:
        for text in texts[: lines - done]:
            classify_one(text)
        done += min(len(texts), lines - done)
    seconds = time.perf_counter() - started
    print(json.dumps({"lines": lines, "seconds": seconds}))


def dump() -> None:
    out = sys.stdout
    write = lambda fact: out.write(json.dumps(fact, ensure_ascii=False, separators=(",", ":")) + "\n")  # noqa: E731
    for b in smtp_codes.basic_codes():
        write({"kind": "basic", "code": b.code, "name": b.name, "status": b.status, "retry": b.retry,
               "reason": b.reason, "meaning": b.meaning})
    for e in smtp_codes.enhanced_codes():
        write({"kind": "enhanced", "code": f"X.{e.subject}.{e.detail}", "name": e.name, "classes": list(e.classes),
               "reason": e.reason, "meaning": e.meaning})
    for v in smtp_codes.VENDORS:
        for entry in v.entries:
            write({"kind": "entry", "vendor": v.id, "id": entry.id, "retry": entry.retry, "bounce": entry.bounce,
                   "reason": entry.reason, "meaning": entry.meaning})
    out.flush()


def main() -> int:
    mode = sys.argv[1] if len(sys.argv) > 1 else ""
    if mode == "classify":
        classify()
    elif mode == "bench":
        bench(int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000)
    elif mode == "dump":
        dump()
    else:
        print("usage: driver.py dump|classify|bench [LINES]", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
