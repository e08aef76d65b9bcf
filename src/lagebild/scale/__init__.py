"""Scaling out: analyse a corpus on a Dask cluster into Parquet, partition by partition."""

from .load import load
from .runner import RunSummary, run
from .schema import SCHEMAS, TABLES
from .worker import process_batch

__all__ = ["SCHEMAS", "TABLES", "RunSummary", "load", "process_batch", "run"]
