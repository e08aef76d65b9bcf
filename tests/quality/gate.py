"""The quality gate's logic: the baseline of documented figures and the check of one figure.

``baseline.toml`` holds one ``[[figure]]`` per figure that the README or docs state for a
public gold set or the worked example: its value as documented, the tolerance it may
drop by, which way is better (``higher`` for F1 and found counts, ``lower`` for extra
counts), the measurement that recomputes it (a key of ``test_gate.MEASURES``, with an
optional ``part``), the command that prints it and the docs file that states it. A
figure without ``value`` is pending: its measurement is ready, the docs state no figure
yet, and adding the ``value = ...`` line puts it under the gate.
"""

from __future__ import annotations

import tomllib
import warnings
from dataclasses import dataclass, fields
from pathlib import Path

from tests.conftest import REQUIRE_SHARED, missing_data  # noqa: F401 - the gate's rule

BASELINE = Path(__file__).with_name("baseline.toml")

#: Float noise allowed on top of a tolerance (sums of counts over thousands of items).
EPSILON = 1e-9


class GateFailure(AssertionError):
    """A figure fell below its floor (or an extra count rose above its ceiling)."""


@dataclass(frozen=True)
class Figure:
    name: str
    measure: str
    tolerance: float
    command: str
    doc: str
    value: float | None = None
    better: str = "higher"
    part: str | None = None
    states: str | None = None
    note: str | None = None

    @property
    def pending(self) -> bool:
        return self.value is None

    @property
    def limit(self) -> float:
        """The floor (``higher``) or ceiling (``lower``) the measured figure must keep."""
        if self.value is None:
            raise ValueError(f"{self.name}: pending, no documented value yet")
        return self.value - self.tolerance if self.better == "higher" \
            else self.value + self.tolerance

    @property
    def stated(self) -> str:
        """How the docs write the figure (``states``, else the value as written there)."""
        if self.states is not None:
            return self.states
        if isinstance(self.value, int):
            return str(self.value)
        return f"{self.value:.3f}"


def load(path: Path = BASELINE) -> list[Figure]:
    """The figures of a baseline file; unknown keys, duplicate names and bad values refused."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    known = {f.name for f in fields(Figure)}
    figures: list[Figure] = []
    for entry in data.get("figure", []):
        unknown = set(entry) - known
        if unknown:
            raise ValueError(f"{path.name}: unknown keys {sorted(unknown)} in {entry}")
        figure = Figure(**entry)
        if figure.better not in ("higher", "lower"):
            raise ValueError(f"{figure.name}: better must be higher or lower")
        if not 0 <= figure.tolerance:
            raise ValueError(f"{figure.name}: negative tolerance")
        if any(f.name == figure.name for f in figures):
            raise ValueError(f"{path.name}: figure {figure.name} twice")
        figures.append(figure)
    return figures


def check(figure: Figure, measured: float) -> None:
    """Raise GateFailure when ``measured`` is worse than the figure's limit; warn when it
    is better than the documented value by more than the tolerance (docs to update)."""
    where = f"`{figure.command}`, stated in {figure.doc}"
    if figure.better == "higher":
        if measured < figure.limit - EPSILON:
            raise GateFailure(
                f"{figure.name} fell to {measured:.4g}, below its floor {figure.limit:.4g} "
                f"(documented {figure.value}, tolerance {figure.tolerance}); {where}")
        improved = measured > figure.value + figure.tolerance + EPSILON
    else:
        if measured > figure.limit + EPSILON:
            raise GateFailure(
                f"{figure.name} rose to {measured:.4g}, above its ceiling {figure.limit:.4g} "
                f"(documented {figure.value}, tolerance {figure.tolerance}); {where}")
        improved = measured < figure.value - figure.tolerance - EPSILON
    if improved:
        warnings.warn(f"{figure.name} is now {measured:.4g}, better than the documented "
                      f"{figure.value}: update {figure.doc} and tests/quality/baseline.toml",
                      stacklevel=2)
