"""The compliance report: what medocr did in a period, as counts, ids and codes.

Built from the audit chain (documents, rejections, contract blocks, reviews,
signatures, hand-offs, deletions, holds) and, when a Prefect API is configured,
from Prefect's flow runs (states and retries), so it reads beside the run history.
It holds no content: audit events carry none, and flow-run parameters are left out.
Rendered as HTML for people and as Markdown for a Prefect artifact.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from importlib.resources import files

from jinja2 import Environment, select_autoescape
from sqlmodel import Session, col, select

from medocr.prefect_runs import FlowRuns
from medocr.records import AuditEvent, utcnow
from medocr.runtime import Runtime

MAX_ROWS = 500
Row = dict[str, str]


@dataclass(frozen=True)
class Section:
    """One part of the report: labelled counts and the ids behind them."""

    title: str
    counts: dict[str, int]
    rows: tuple[Row, ...] = ()
    note: str | None = None
    total_rows: int = 0

    @property
    def truncated(self) -> bool:
        return self.total_rows > len(self.rows)


@dataclass(frozen=True)
class ComplianceReport:
    start: datetime
    end: datetime
    generated_at: datetime
    chain: dict[str, str | int | bool | None]
    sections: tuple[Section, ...] = field(default_factory=tuple)

    def to_dict(self) -> dict[str, object]:
        return {
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "generated_at": self.generated_at.isoformat(),
            "audit_chain": self.chain,
            "sections": [
                {
                    "title": s.title,
                    "counts": s.counts,
                    "rows": list(s.rows),
                    "total_rows": s.total_rows,
                    "note": s.note,
                }
                for s in self.sections
            ],
        }


def _section(
    title: str,
    events: Iterable[AuditEvent],
    label: Callable[[AuditEvent], str],
    row: Callable[[AuditEvent], Row],
) -> Section:
    chosen = list(events)
    rows = tuple(row(event) for event in chosen[:MAX_ROWS])
    counts = dict(sorted(Counter(label(event) for event in chosen).items()))
    return Section(title, counts, rows, None, len(chosen))


def _base(event: AuditEvent, *keys: str) -> Row:
    found: Mapping[str, object] = event.detail or {}
    row = {
        "at": event.at.isoformat(timespec="seconds"),
        "document": event.document_id or "-",
    }
    row.update({key: str(found.get(key, "-")) for key in keys})
    return row


def _of(events: list[AuditEvent], *actions: str) -> list[AuditEvent]:
    return [event for event in events if event.action in actions]


def audit_sections(events: list[AuditEvent]) -> tuple[Section, ...]:
    """The audit chain's events in the period, grouped the way auditors ask."""
    return (
        Section(
            "Documents processed",
            {
                "ingested": len({e.document_id for e in _of(events, "ingest")}),
                "handed off": len({e.document_id for e in _of(events, "handoff")}),
            },
        ),
        _section(
            "Failures (rejections by code)",
            _of(events, "input.rejected"),
            lambda e: e.outcome,
            lambda e: {**_base(e), "code": e.outcome},
        ),
        _section(
            "Checks (validation and contract)",
            [e for e in events if e.action.startswith("check.")],
            lambda e: f"{e.action.removeprefix('check.')} {e.outcome}",
            lambda e: {**_base(e, "rules"), "check": e.action, "outcome": e.outcome},
        ),
        _section(
            "Contract blocks (by rule)",
            _of(events, "contract.blocked"),
            lambda e: e.outcome,
            lambda e: {**_base(e), "rule": e.outcome},
        ),
        _section(
            "Reviews",
            [e for e in events if e.action.startswith("review.")],
            lambda e: e.action,
            lambda e: {**_base(e), "action": e.action, "actor": e.actor},
        ),
        _section(
            "Signatures and timestamp renewals",
            _of(events, "sign", "renew-timestamp"),
            lambda e: (
                f"{e.action} {e.outcome} {(e.detail or {}).get('level', '')}".strip()
            ),
            lambda e: {**_base(e, "level"), "action": e.action, "outcome": e.outcome},
        ),
        _deletions(events),
        _section(
            "Legal holds",
            _of(events, "hold.set", "hold.released"),
            lambda e: e.action,
            lambda e: {
                **_base(e, "hold_id", "reason"),
                "action": e.action,
                "actor": e.actor,
            },
        ),
        Section(
            "All audit events", dict(sorted(Counter(e.action for e in events).items()))
        ),
    )


def _deletions(events: list[AuditEvent]) -> Section:
    proofs = _section(
        "Deletions",
        _of(events, "retention.proof"),
        lambda e: f"{(e.detail or {}).get('zone', '?')} {e.outcome}",
        lambda e: {
            **_base(e, "artifact_id", "zone", "check", "found"),
            "outcome": e.outcome,
        },
    )
    counts = {
        **proofs.counts,
        "documents destroyed": len(_of(events, "document.destroyed")),
        "sweeps": len(_of(events, "retention.sweep")),
    }
    return Section(proofs.title, counts, proofs.rows, None, proofs.total_rows)


def flow_run_sections(runs: FlowRuns) -> tuple[Section, ...]:
    """Flow runs by state and the runs that needed more than one attempt."""
    if runs.rows is None:
        note = f"not available: {runs.reason}"
        return Section("Flow runs", {}, note=note), Section("Retries", {}, note=note)
    retried = [row for row in runs.rows if int(row["run_count"]) > 1]
    return (
        Section(
            "Flow runs",
            dict(sorted(Counter(row["state"] for row in runs.rows).items())),
            tuple(runs.rows[:MAX_ROWS]),
            total_rows=len(runs.rows),
        ),
        Section(
            "Retries",
            {
                "flow runs retried": len(retried),
                "extra attempts": sum(int(r["run_count"]) - 1 for r in retried),
            },
            tuple(retried[:MAX_ROWS]),
            total_rows=len(retried),
        ),
    )


def events_between(
    runtime: Runtime, start: datetime, end: datetime
) -> list[AuditEvent]:
    query = (
        select(AuditEvent)
        .where(AuditEvent.at >= start, AuditEvent.at < end)
        .order_by(col(AuditEvent.seq))
    )
    with Session(runtime.engine) as session:
        return list(session.exec(query))


def build_report(
    runtime: Runtime, start: datetime, end: datetime, runs: FlowRuns
) -> ComplianceReport:
    """Everything in ``[start, end)``, with the audit chain's own verification."""
    verified = runtime.audit.verify()
    chain: dict[str, str | int | bool | None] = {
        "intact": verified.intact,
        "events": verified.events,
        "head_hash": verified.head_hash,
        "first_broken": verified.first_broken,
    }
    events = events_between(runtime, start, end)
    sections = (*flow_run_sections(runs), *audit_sections(events))
    return ComplianceReport(start, end, utcnow(), chain, sections)


def render_html(report: ComplianceReport) -> str:
    """The report as one self-contained HTML page (escaped, no scripts, no fetches)."""
    template_text = files("medocr").joinpath("templates/report.html").read_text()
    environment = Environment(autoescape=select_autoescape(default=True))
    return environment.from_string(template_text).render(report=report)


def render_markdown(report: ComplianceReport) -> str:
    """The report as Markdown, for a Prefect artifact beside the run."""
    chain = report.chain
    lines = [
        f"# medocr compliance report {report.start:%Y-%m-%d} to {report.end:%Y-%m-%d}",
        "",
        f"Audit chain: {'intact' if chain['intact'] else 'BROKEN'}, "
        f"{chain['events']} events, head `{chain['head_hash']}`",
    ]
    for section in report.sections:
        lines += ["", f"## {section.title}", ""]
        if section.note:
            lines.append(section.note)
        lines += [f"- {label}: {count}" for label, count in section.counts.items()]
        lines += _markdown_table([row for row in section.rows if row])
        if section.truncated:
            lines.append(f"_first {len(section.rows)} of {section.total_rows}_")
    return "\n".join(lines) + "\n"


def _markdown_table(rows: list[Row]) -> list[str]:
    if not rows:
        return []
    columns = list(rows[0])
    lines = ["", "| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    for row in rows:
        lines.append("| " + " | ".join(row.get(c, "") for c in columns) + " |")
    return lines
