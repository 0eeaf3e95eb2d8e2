"""The one output convention of bench/*_bench.py (see README.md): a figure is a JSON line
{"bench": ..., "metric": ..., "value": ..., "unit": ...} on stdout when BENCH_JSON=1 (set by
run_all.py), a readable line otherwise. Other output is allowed and ignored by run_all.py."""

import json
import os
import sys


def emit(bench: str, metric: str, value, unit: str = "") -> None:
    if os.environ.get("BENCH_JSON") == "1":
        line = json.dumps(
            {"bench": bench, "metric": metric, "value": value, "unit": unit}, ensure_ascii=False
        )
    else:
        line = f"{bench:10} {metric:48} {value!s:>12} {unit}"
    print(line, file=sys.stdout, flush=True)
