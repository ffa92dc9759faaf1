"""Checks xAPI statements against ralph's statement model, plus the score
rules ralph leaves out.

Usage: .venv-lrs/bin/python tests/lrs/validate.py DIR

Every *.json file in DIR holds one statement or a list of them. Each is
checked with ralph's BaseXapiStatement.model_validate (not `ralph validate`
nor ralph.models.validator.Validator: those pick a model by verb and reject
ordinary "answered" choice statements), then its result.score, if any, must
have min <= raw <= max and 0 <= scaled <= 1 (ralph skips the min check when
min is 0). Prints one line per problem and a summary; exits 1 on any
problem, 2 when DIR holds no statement (a check of nothing must not pass).
"""

import json
import math
import pathlib
import sys

from pydantic import ValidationError
from ralph.models.xapi.base.statements import BaseXapiStatement

MAX_LINES = 6


def score_problems(stmt):
    score = (stmt.get("result") or {}).get("score")
    if score is None:
        return []
    problems = []
    for key in ("raw", "min", "max", "scaled"):
        value = score.get(key)
        if value is not None and (not isinstance(value, (int, float)) or not math.isfinite(value)):
            problems.append(f"result.score.{key} is {value!r}, not a finite number")
    if problems:
        return problems
    raw, lo, hi, scaled = (score.get(k) for k in ("raw", "min", "max", "scaled"))
    if raw is not None and lo is not None and raw < lo:
        problems.append(f"result.score.raw {raw} < min {lo}")
    if raw is not None and hi is not None and raw > hi:
        problems.append(f"result.score.raw {raw} > max {hi}")
    if scaled is not None and not 0 <= scaled <= 1:
        problems.append(f"result.score.scaled {scaled} is outside 0..1")
    return problems


def main(argv):
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    files = sorted(pathlib.Path(argv[1]).glob("*.json"))
    checked = 0
    failed = 0
    for path in files:
        data = json.loads(path.read_text(encoding="utf-8"))
        for i, stmt in enumerate(data if isinstance(data, list) else [data]):
            checked += 1
            where = f"{path.name}[{i}]" if isinstance(data, list) else path.name
            problems = []
            try:
                BaseXapiStatement.model_validate(stmt)
            except ValidationError as e:
                problems += [f"{'.'.join(map(str, x['loc']))}: {x['msg']}" for x in e.errors()]
            problems += score_problems(stmt)
            if problems:
                failed += 1
                # pydantic lists every member of a union it tried: keep the
                # first few lines, which name the real problem.
                for p in problems[:MAX_LINES]:
                    print(f"{where}: {p}")
                if len(problems) > MAX_LINES:
                    print(f"{where}: ({len(problems) - MAX_LINES} more)")
    if checked == 0:
        print(f"no statements in {argv[1]}", file=sys.stderr)
        return 2
    print(f"ralph: {checked - failed} of {checked} statements valid ({len(files)} files)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
