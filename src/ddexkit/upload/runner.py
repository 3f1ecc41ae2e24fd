"""Running a delivery plan against the API, resumably.

Why in this order: every pending step's bytes are checked against the plan before the first
request, so a file changed since planning stops the upload before half a release is sent;
then the steps go one by one, and after each the state file records it (with the ids the
ingest answered), so a run stopped anywhere resumes at the first step not recorded. A step
whose answer was lost (the run killed while it was in flight) is the only one sent again:
there is no way to know whether the API received it.
"""

from __future__ import annotations

import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ddexkit.output.plan_text import step_line
from ddexkit.upload import answers
from ddexkit.upload.api import DEFAULT_ATTEMPTS, Answer, Api, check_api_url
from ddexkit.upload.errors import IngestRejected, UploadError
from ddexkit.upload.payload import verify_range
from ddexkit.upload.planfile import (
    LoadedPlan,
    PlannedStep,
    UploadState,
    load_plan,
    load_state,
    save_state,
    state_path,
)

STATUS_ENDPOINT = "/api/v1/release/{id}"


@dataclass(frozen=True, slots=True, kw_only=True)
class UploadResult:
    """What a run achieved: the release, its stored status, the steps sent now and those
    done before, the ingest's issues, and whether the ingest refused a step (then the steps
    after it were not sent)."""

    release_id: str | None
    status: str | None
    sent: int
    skipped: int
    issues: tuple[answers.IngestIssue, ...]
    rejected: bool = False

    @property
    def blocking(self) -> bool:
        """The ingest reported an error: the release is not ready (exit 1)."""
        return self.rejected or any(i.severity == "error" for i in self.issues)


@dataclass(slots=True)
class _Run:
    """One run's moving parts: the plan, its state, the API and where lines go."""

    plan: LoadedPlan
    state: UploadState
    state_file: Path
    api: Api
    say: Callable[[str], None]
    shown: dict[answers.IngestIssue, None] = field(default_factory=dict)
    sent: int = 0

    def describe(self, planned: PlannedStep) -> str:
        return f"step {planned.number}/{len(self.plan.steps)} {step_line(planned.step)}"

    def show(self, answer: dict[str, object], where: str) -> None:
        """The answer's issues, each once a run (the ingest may repeat them every answer)."""
        for issue in answers.issues(answer):
            if issue not in self.shown:
                self.shown[issue] = None
                self.say(self.api.redact(issue.line(where)))


def _fields(planned: PlannedStep, state: UploadState) -> list[tuple[str, str]]:
    """The form fields besides the file: the release_id the ingest gave for artwork and
    audio, and for audio its upload session and the track_id (planned, or answered for the
    part's ISRC)."""
    step = planned.step
    if step.payload in {"release", "update"}:
        return []
    if state.release_id is None:
        raise UploadError(f"step {planned.number}: no release_id is known yet; the plan must "
                          "begin with the release (POST /api/v1/release) or be an update")
    fields = [("release_id", state.release_id)]
    if step.payload == "audio":
        fields += [("upload_id", step.upload_id or ""),
                   ("is_last", "true" if step.is_last else "false")]
        track_id = step.track_id or state.track_ids.get((step.track or "").upper())
        if track_id:
            fields.append(("track_id", track_id))
        if step.replaces:
            fields.append(("replaces", "true"))
    return fields


def _learn(run: _Run, planned: PlannedStep, answer: Answer) -> None:
    """Keep the ids the release answer gives; without a release_id nothing can follow."""
    run.state.track_ids.update(answers.track_ids(answer.body))
    if planned.step.payload != "release":
        return
    found = answers.release_id(answer.body)
    if found is None:
        raise UploadError(f"{run.describe(planned)}: the API answered {answer.status} without "
                          "a release_id, so the files after it cannot name the release")
    run.state.release_id = found


def _send(run: _Run, planned: PlannedStep) -> None:
    """Send one step, then record it as done before anything else: from here on a new run
    must not send it again."""
    what = run.describe(planned)
    answer = run.api.send_step(planned, _fields(planned, run.state), what)
    _learn(run, planned, answer)
    run.state.done[planned.number] = planned.identity
    save_state(run.state_file, run.state)
    run.sent += 1
    run.say(f"{what}: sent ({answer.status})")
    run.show(answer.body, planned.step.source)


def _finish(run: _Run, skipped: int, *, rejected: bool = False) -> UploadResult:
    """GET the release's stored status (when it has an id) and sum the run up."""
    status = None
    release = run.state.release_id
    if release is not None:
        path = STATUS_ENDPOINT.format(id=urllib.parse.quote(release, safe=""))
        answer = run.api.get(path, f"GET {path}")
        status = answers.stored_status(answer.body)
        run.show(answer.body, f"release {release}")
        run.say(f"release {release}: stored status {status}")
    return UploadResult(release_id=release, status=status, sent=run.sent, skipped=skipped,
                        issues=tuple(run.shown), rejected=rejected)


def upload(plan: str | Path, *, api_url: str, token: str, state_file: str | Path | None = None,
           attempts: int = DEFAULT_ATTEMPTS, backoff: float = 1.0, timeout: float = 60.0,
           say: Callable[[str], None] = print,
           note: Callable[[str], None] | None = None) -> UploadResult:
    """Run the plan file's steps against ``api_url`` with ``token``, resuming from its state
    file (default: PLAN.state.json beside it). Progress and the ingest's issues go to ``say``
    one line each, retries to ``note``. Raises UploadError when the upload cannot go on."""
    loaded = load_plan(plan)
    url = check_api_url(api_url)
    where = Path(state_file) if state_file is not None else state_path(loaded.path)
    state = load_state(where, loaded, url)
    pending = [s for s in loaded.steps if state.done.get(s.number) != s.identity]
    for planned in pending:
        verify_range(planned)
    api = Api(url, token, attempts=attempts, backoff=backoff, timeout=timeout, on_retry=note)
    run = _Run(plan=loaded, state=state, state_file=where, api=api, say=say)
    skipped = len(loaded.steps) - len(pending)
    if skipped:
        say(f"{skipped} of {len(loaded.steps)} steps were done before ({where}): not sent again")
    try:
        for planned in pending:
            try:
                _send(run, planned)
            except IngestRejected as refused:
                run.say(f"{run.describe(planned)}: refused by the ingest (HTTP {refused.status})")
                run.show(refused.answer, planned.step.source)
                return _finish(run, skipped, rejected=True)
        return _finish(run, skipped)
    finally:
        api.close()
