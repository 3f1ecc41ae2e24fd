"""A delivery plan read back from its file, and the state of its upload beside it.

Why every field is checked here: the plan was written by ddexkit, but it is read from a file
the user may have edited, moved or cut short, and its endpoints decide where the token goes.
A bad plan or state file is one line naming the file, the step and the fix, never a traceback.
The state file (PLAN.state.json) is what makes an interrupted upload resumable: it records
the release_id and track_ids the ingest answered and each step done, by number and by the
SHA-256 of the step as planned, so a step done is never sent again and a plan changed since
is noticed. It never holds the token.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from ddexkit.delivery import PLAN_VERSION, Step
from ddexkit.outputfile import OutputError, open_output
from ddexkit.upload.errors import UploadError

STATE_VERSION = 1
_PAYLOADS = frozenset({"release", "update", "artwork", "audio"})
_METHODS = frozenset({"POST", "PUT"})
# Paths under the API only: an endpoint is appended to --api-url, so a plan naming another
# host (or climbing out of /api/v1) could send the token elsewhere.
_ENDPOINT = re.compile(r"/api/v1/[A-Za-z0-9_\-]+(/[A-Za-z0-9_\-.~%]+)*")
_FORM_FIELD = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_HEX = {"md5": re.compile(r"[0-9a-f]{32}"), "sha256": re.compile(r"[0-9a-f]{64}")}
_TYPES: dict[str, tuple[type, bool]] = {  # Step's annotations → (type, may be null)
    "str": (str, False), "int": (int, False), "bool": (bool, False),
    "str | None": (str, True), "int | None": (int, True), "bool | None": (bool, True)}


@dataclass(frozen=True, slots=True, kw_only=True)
class PlannedStep:
    """One step of the plan file: its number (from 1), the file its bytes are read from and
    its identity (SHA-256 of the step as planned), by which the state file records it."""

    number: int
    step: Step
    path: Path
    identity: str


@dataclass(frozen=True, slots=True, kw_only=True)
class LoadedPlan:
    """The plan file's release and steps; ``release_id`` is set for an update."""

    path: Path
    icpn: str | None
    title: str | None
    release_id: str | None
    steps: tuple[PlannedStep, ...]


@dataclass(slots=True, kw_only=True)
class UploadState:
    """What an upload has achieved so far: the ids the ingest gave and the steps done."""

    api_url: str
    release_id: str | None = None
    track_ids: dict[str, str] = field(default_factory=dict)
    done: dict[int, str] = field(default_factory=dict)  # step number → its identity

    def to_dict(self) -> dict[str, object]:
        return {"state_version": STATE_VERSION, "api_url": self.api_url,
                "release_id": self.release_id, "track_ids": dict(sorted(self.track_ids.items())),
                "done": [{"step": n, "sha256": s} for n, s in sorted(self.done.items())]}


def state_path(plan: Path) -> Path:
    """Where the state of ``plan``'s upload is kept: beside it, PLAN.json → PLAN.state.json."""
    return plan.with_suffix(".state.json")


def _read_json(path: Path, what: str, fix: str) -> object:
    """The file's JSON, or one line saying why it cannot be read (with line and column)."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise UploadError(f"{path}: no such file; {fix}") from None
    except (OSError, UnicodeDecodeError) as error:
        reason = error.strerror if isinstance(error, OSError) and error.strerror else error
        raise UploadError(f"{path}: cannot read {what} ({reason}); {fix}") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        where = error.msg.removesuffix(" at")  # "Unterminated string starting at"
        raise UploadError(f"{path}:{error.lineno}:{error.colno}: not {what}: {where} here; "
                          f"{fix}") from None


def _step_value(raw: dict[str, object], name: str, annotation: str, where: str) -> object:
    """One field of a step, of the type Step declares for it."""
    kind, nullable = _TYPES[annotation]
    value = raw.get(name)
    if value is None and nullable:
        return None
    # bool is an int to Python; a plan's byte count never is true or false.
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        wanted = {str: "a string", int: "a whole number", bool: "true or false"}[kind]
        raise UploadError(f"{where}: '{name}' must be {wanted}, not {json.dumps(value)}")
    return value


def _check_step(step: Step, where: str) -> None:
    """The values a request is built from: where it goes, what it carries."""
    problems = []
    if step.method not in _METHODS:
        problems.append(f"method {step.method!r} is not POST or PUT")
    if not _ENDPOINT.fullmatch(step.endpoint) or ".." in step.endpoint:
        problems.append(f"endpoint {step.endpoint!r} is not a path under /api/v1/")
    if not _FORM_FIELD.fullmatch(step.field):
        problems.append(f"field {step.field!r} is not a form field name")
    if step.payload not in _PAYLOADS:
        problems.append(f"payload {step.payload!r} is not one of {', '.join(sorted(_PAYLOADS))}")
    if step.offset < 0 or step.bytes < 0:
        problems.append("offset and bytes must be 0 or more")
    for name, pattern in _HEX.items():
        if not pattern.fullmatch(getattr(step, name)):
            problems.append(f"{name} is not a lower-case hex digest")
    if step.payload == "audio" and (step.upload_id is None or step.is_last is None):
        problems.append("an audio part needs upload_id and is_last")
    if problems:
        raise UploadError(f"{where}: {'; '.join(problems)}")


def _read_step(raw: object, number: int, plan: Path, assets: Path) -> PlannedStep:
    """Step ``number`` as delivery.Step, each field of its declared type, and the file its
    bytes come from: the release ZIP and an update's ERN beside the plan, the rest under
    ``assets``."""
    where = f"{plan}: step {number}"
    if not isinstance(raw, dict):
        raise UploadError(f"{where}: must be an object")
    if raw.get("step", number) != number:
        raise UploadError(f"{where}: numbered {json.dumps(raw.get('step'))}; steps run in "
                          "the order listed, numbered from 1")
    values = {f.name: _step_value(raw, f.name, str(f.type), where)
              for f in dataclasses.fields(Step)}
    step = Step(**values)  # type: ignore[arg-type]  # each value checked against its field
    _check_step(step, where)
    base = plan.parent if step.payload in {"release", "update"} else assets
    identity = hashlib.sha256(json.dumps(raw, sort_keys=True).encode("utf-8")).hexdigest()
    return PlannedStep(number=number, step=step, path=base / step.source, identity=identity)


def _plan_fix(plan: Path) -> str:
    return f"write it again with `ddexkit package` or `ddexkit plan --format json --output {plan}`"


def load_plan(path: str | Path) -> LoadedPlan:
    """The plan file, every step checked; raises UploadError naming what is wrong."""
    plan = Path(path)
    fix = _plan_fix(plan)
    document = _read_json(plan, "a delivery plan (JSON)", fix)
    if not isinstance(document, dict) or "steps" not in document:
        raise UploadError(f"{plan}: not a delivery plan (no 'steps'); {fix}")
    if document.get("plan_version") != PLAN_VERSION:
        raise UploadError(f"{plan}: plan_version {json.dumps(document.get('plan_version'))} "
                          f"is not {PLAN_VERSION}, the version this ddexkit reads; {fix}")
    release, assets, steps = (document.get("release"), document.get("assets"),
                              document.get("steps"))
    if not isinstance(release, dict) or not isinstance(assets, str) or not isinstance(steps, list):
        raise UploadError(f"{plan}: 'release' must be an object, 'assets' a string and "
                          f"'steps' a list; {fix}")
    if not steps:
        raise UploadError(f"{plan}: the plan has no steps; {fix}")
    folder = plan.parent / assets
    loaded = tuple(_read_step(raw, number, plan, folder)
                   for number, raw in enumerate(steps, start=1))
    texts = {key: release.get(key) for key in ("icpn", "title", "release_id")}
    if any(value is not None and not isinstance(value, str) for value in texts.values()):
        raise UploadError(f"{plan}: release's icpn, title and release_id must be strings or "
                          f"null; {fix}")
    return LoadedPlan(path=plan, icpn=texts["icpn"], title=texts["title"],
                      release_id=texts["release_id"], steps=loaded)


def _state_problem(path: Path, detail: str) -> UploadError:
    return UploadError(f"{path}: {detail}; it records an earlier upload of this plan: resume "
                       "it with the same plan and --api-url, or remove the file to deliver anew")


def _state_ids(document: dict[str, object], path: Path) -> tuple[str | None, dict[str, str]]:
    release_id, track_ids = document.get("release_id"), document.get("track_ids", {})
    if release_id is not None and not isinstance(release_id, str):
        raise _state_problem(path, "'release_id' must be a string or null")
    if not isinstance(track_ids, dict) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in track_ids.items()):
        raise _state_problem(path, "'track_ids' must map ISRCs to track ids (strings)")
    return release_id, track_ids


def _state_done(document: dict[str, object], path: Path) -> dict[int, str]:
    """Step number → identity of each step recorded as done."""
    entries = document.get("done", [])
    done: dict[int, str] = {}
    if not isinstance(entries, list):
        raise _state_problem(path, "'done' must be a list")
    for entry in entries:
        if not (isinstance(entry, dict) and type(entry.get("step")) is int
                and isinstance(entry.get("sha256"), str)):
            raise _state_problem(path, f"'done' holds {json.dumps(entry)}, not "
                                 '{"step": N, "sha256": "…"}')
        done[entry["step"]] = entry["sha256"]
    return done


def load_state(path: Path, plan: LoadedPlan, api_url: str) -> UploadState:
    """The state of an earlier run of ``plan`` against ``api_url``, or a fresh one. A state
    whose steps are not the plan's, or recorded against another API, is refused: its
    release_id would name another release."""
    if not path.exists():
        return UploadState(api_url=api_url, release_id=plan.release_id)
    document = _read_json(path, "an upload state (JSON)", "remove it to deliver anew")
    if not isinstance(document, dict) or document.get("state_version") != STATE_VERSION:
        raise _state_problem(path, f"not an upload state of version {STATE_VERSION}")
    if document.get("api_url") != api_url:
        raise _state_problem(path, f"recorded against {json.dumps(document.get('api_url'))}, "
                             f"not {api_url}")
    release_id, track_ids = _state_ids(document, path)
    done = _state_done(document, path)
    identities = {step.number: step.identity for step in plan.steps}
    for number, identity in done.items():
        if identities.get(number) != identity:
            raise _state_problem(path, f"step {number} done is not step {number} of {plan.path} "
                                 "(the plan changed since)")
    return UploadState(api_url=api_url, release_id=release_id, track_ids=track_ids, done=done)


def save_state(path: Path, state: UploadState) -> None:
    """Write the state in one step (the old file or the whole new one, never a part), so a
    run killed at any moment leaves a state the next run can read."""
    text = json.dumps(state.to_dict(), indent=2, ensure_ascii=False) + "\n"
    try:
        with open_output(path, "the upload state") as stream:
            stream.write(text.encode("utf-8"))
    except OutputError as error:
        raise UploadError(str(error)) from error
