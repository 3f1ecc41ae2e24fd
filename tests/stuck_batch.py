"""A `ddexkit validate --jobs` run that only a signal ends, for the tests of Ctrl-C, SIGTERM and
a killed CLI: nothing in them depends on how fast the machine is.

A sitecustomize (``SITECUSTOMIZE``, which the tests put on PYTHONPATH) runs ``install`` in the
CLI process and in every worker, whatever the start method. With ``FIFO_VARIABLE`` set, the
first file validates as usual and every other one blocks for good, after its worker has
written its pid, one line, to the FIFO the variable names: so a test knows each worker's pid,
and knows that the worker is stuck.
"""

from __future__ import annotations

import os
import signal

from ddexkit import batch
from ddexkit.engine import Settings, validate_source
from ddexkit.inputs import MessageSource
from ddexkit.report import FileReport

FIFO_VARIABLE = "DDEXKIT_TEST_STUCK_FIFO"
FIRST = "release000.xml"
SITECUSTOMIZE = "from tests.stuck_batch import install\n\ninstall()\n"


def install() -> None:
    fifo = os.environ.get(FIFO_VARIABLE)
    if fifo is None:
        return
    def first_then_stuck(source: MessageSource, settings: Settings) -> FileReport:
        if source.path is None or source.path.name == FIRST:
            return validate_source(source, settings)
        with open(fifo, "w", encoding="ascii") as stuck:
            stuck.write(f"{os.getpid()}\n")
        while True:  # SIGINT is ignored here; SIGTERM (the pool's) or the parent's end stop it
            signal.pause()

    batch.validate_source = first_then_stuck  # type: ignore[attr-defined]  # what _one calls
