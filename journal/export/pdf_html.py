"""The case file's text as Qt rich text: cover, summary and chronology; the appendices.

No Qt here: only strings. `px` turns points into the PDF writer's device pixels,
because Qt's rich text reads lengths other than font sizes as pixels.
"""
from __future__ import annotations

from html import escape
from typing import Callable

from ..domain.case_file import CaseFile, Entry, Exhibit, PromiseFact
from ..domain.evidence.email_signature import DkimResult
from ..domain.evidence.origin import Origin
from .pdf_labels import INTEGRITY, Words, clock, same_day, utc, when

# Written on the cover where page numbers go, then replaced once the pages are laid out.
PAGE_MARKS = ("#pS#", "#pC#", "#pA#", "#pB#", "#pI#")


def e(text) -> str:
    return escape(str(text), quote=True)


def _entry_range(cf: CaseFile) -> str:
    n = len(cf.entries)
    return "0" if not n else "1 (E-1)" if n == 1 else f"{n} (E-1 … E-{n})"


def _numbers(numbers: tuple[str, ...], w: Words) -> str:
    """"E-2, E-5, E-7 … E-12": entry numbers, a run of three or more as its first and last."""
    values = [int(n[2:]) for n in numbers]
    runs: list[list[int]] = []
    for v in values:
        if runs and v == runs[-1][-1] + 1:
            runs[-1].append(v)
        else:
            runs.append([v])
    return w.listing(f"E-{r[0]} … E-{r[-1]}" if len(r) > 2 else
                     w.listing(f"E-{v}" for v in r) for r in runs)


class CaseFileHtml:
    def __init__(self, cf: CaseFile, words: Words, px: Callable[[float], int], mono: str):
        self.cf, self.w, self.px = cf, words, px
        self.mono = f"font-family: '{mono}';"

    # ---- shared pieces ------------------------------------------------------------------
    def table(self, head: list[str] | None, rows: list[list[str]], widths: list[int],
              cls: str = "") -> str:
        out = [f'<table width="100%" cellspacing="0" cellpadding="{self.px(3.5)}" '
               f'border="1" style="border-collapse: collapse; border-style: solid; '
               f'border-color: #b8c0cc;" class="{cls}">']
        if head:
            out.append("<thead><tr>" + "".join(
                f'<th width="{w}%">{h}</th>' for h, w in zip(head, widths)) + "</tr></thead>")
        for row in rows:
            out.append("<tr>" + "".join(f'<td width="{w}%">{c}</td>'
                                        for c, w in zip(row, widths)) + "</tr>")
        out.append("</table>")
        return "".join(out)

    def facts(self, rows: list[tuple[str, str]], cls: str = "") -> str:
        return self.table(None, [[f'<span class="label"><b>{e(k)}</b></span>', v]
                                 for k, v in rows], [28, 72], cls)

    @staticmethod
    def when_cell(text: str | None) -> str:
        """A time on two lines, for a narrow column: the offset goes below."""
        shown = when(text)
        day_time, _, offset = shown.partition(" (")
        return e(day_time) + (f"<br/>({e(offset)}" if offset else "")

    def status_span(self, p: PromiseFact) -> str:
        w = self.w
        if p.overdue:
            return f'<span class="bad">{e(w.word("overdue"))}</span>'
        cls = {"kept": "good", "broken": "bad"}.get(p.status, "")
        return f'<span class="{cls}">{e(w.word(p.status))}</span>'

    # ---- cover, summary, chronology -----------------------------------------------------
    def front(self) -> str:
        return self.cover() + self.summary() + self.chronology()

    def cover(self) -> str:
        cf, w = self.cf, self.w
        platform = cf.platform + (f" ({cf.platform_website})" if cf.platform_website else "")
        exporter = " · ".join(x for x in (cf.exporter_name, cf.exporter_contact) if x)
        rows = [(w("platform"), e(platform)),
                (w("account"), e(cf.account_id or w("not_given"))),
                (w("category"), e(w.word(cf.category))),
                (w("status"), e(w.word(cf.status))),
                (w("opened"), e(when(cf.opened_at))),
                (w("last_contact"), e(when(cf.last_contact_at))),
                (w("entries"), e(_entry_range(cf))),
                (w("exhibits_count"), e(f"{len(cf.exhibits)}"))]
        if exporter:
            rows.append((w("exported_by"), e(exporter)))
        rows.append((w("exported_at"), e(when(cf.exported_at))))
        out = [f'<p class="kicker">{e(w("case_file"))}</p>',
               f'<p class="title">{e(cf.title)}</p>', self.facts(rows, "cover"),
               f'<h3>{e(w("chain_head"))}</h3>',
               f'<p class="hash" style="{self.mono}">{e(cf.chain_head)}</p>',
               f'<p class="small">{e(w("chain_note", n=cf.chain_entries))}</p>']
        if cf.signing_key:
            out += [f'<h3>{e(w("signing_key"))}</h3>',
                    f'<p class="hash" style="{self.mono}">{e(cf.signing_key)}</p>',
                    f'<p class="small">{e(w("signing_note"))}</p>']
        if cf.fitted:
            out.append(f'<p class="notice">'
                       f'{e(w("fitted", mb=cf.fitted[0], dpi=cf.fitted[1]))}</p>')
        if cf.redactions:
            what = ("、" if w.language == "zh_CN" else ", ").join(
                w.count_of(k, n) for k, n in cf.redactions.items())
            out.append(f'<p class="notice">{e(w("redacted", what=what))}</p>')
        sections = (("summary", PAGE_MARKS[0]), ("chronology", PAGE_MARKS[1]),
                    ("exhibits", PAGE_MARKS[2]), ("appendix_b", PAGE_MARKS[3]),
                    ("appendix_c", PAGE_MARKS[4]))
        out.append(f'<h3>{e(w("contents"))}</h3>')
        out.extend(f'<p class="contents">{e(w(key))} · {e(w("page_ref", n=mark))}</p>'
                   for key, mark in sections)
        return "".join(out)

    def summary(self) -> str:
        cf, w, s = self.cf, self.w, self.cf.summary
        sep = " · "
        contacts = sep.join(f"{w.word(k)} {n}" for k, n in s.contacts_by_channel.items())
        total = sum(s.contacts_by_channel.values())
        rows = [(w("days_open"), e(w("days_open_value", days=s.days_open,
                                     opened=when(cf.opened_at, date_only=True),
                                     exported=when(cf.exported_at, date_only=True)))),
                (w("contacts"), e(f"{contacts}{sep if contacts else ''}"
                                  f"{w('contacts_total', n=total)}")),
                (w("failed"), e(w("failed_value", n=s.failed_attempts))),
                (w("call_time"), e(w.minutes(s.call_minutes))),
                (w("wait_time"), e(w.minutes(s.wait_minutes))),
                (w("promises_line"), e(w("promises_value", made=s.promises_made,
                                         kept=s.promises_kept, broken=s.promises_broken,
                                         overdue=s.promises_overdue,
                                         pending=s.promises_pending)))]
        if cf.imported:
            rows.append((w("imported"), self.imported_cell()))
        out = [f'<h1 style="page-break-before: always">{e(w("summary"))}</h1>',
               self.facts(rows), f'<h2>{e(w("references"))}</h2>']
        if s.references:
            out.append(self.table([e(w("kind")), e(w("value")), e(w("first_entry"))],
                                  [[e(w.word(k)), f'<span style="{self.mono}">{e(v)}</span>',
                                    e(n)] for k, v, n in s.references], [22, 63, 15]))
        else:
            out.append(f'<p>{e(w("no_references"))}</p>')
        out.append(f'<h2>{e(w("promises"))}</h2>')
        promises = [p for entry in cf.entries if not entry.voided for p in entry.promises]
        if promises:
            out.append(self.table(
                [e(w("who")), e(w("what")), e(w("made")), e(w("due")), e(w("status"))],
                [[e(p.agent or w("unknown_agent")), e(p.text),
                  f"{e(p.entry)}<br/>{self.when_cell(p.made_at)}", self.when_cell(p.due_at),
                  self.status_span(p)] for p in promises],
                [14, 32, 20, 20, 14]))
        else:
            out.append(f'<p>{e(w("no_promises"))}</p>')
        from .pdf_dispute import dispute_html
        out.append(dispute_html(self, cf.dispute))
        return "".join(out)

    def imported_cell(self) -> str:
        """How many entries were imported, and which of them carry a warning about where
        they came from."""
        w, cf = self.w, self.cf
        shown = e(w("imported_value", n=len(cf.imported), which=_numbers(cf.imported, w)))
        warned = cf.origin_warnings
        if not warned:
            return f"{shown} · {e(w('imported_clean'))}"
        return (f'{shown} · <span class="bad">'
                f'{e(w("imported_warned", n=len(warned), which=_numbers(warned, w)))}</span>')

    def chronology(self) -> str:
        w = self.w
        out = [f'<h1 style="page-break-before: always">{e(w("chronology"))}</h1>',
               f'<p class="note">{e(w("chronology_note"))}</p>']
        out.extend(self.entry(entry) for entry in self.cf.entries)
        return "".join(out)

    def entry(self, n: Entry) -> str:
        w = self.w
        kind = w.word(n.kind)
        outcome = w.word(n.outcome) if n.outcome == "answered" else \
            w("failed_attempt", o=w.word(n.outcome))
        head = f"{n.number} · {when(n.started_at)} · {kind} · {outcome}"
        out = [f'<p class="{"voidedentry" if n.voided else "entry"}">{e(head)}</p>']
        if n.voided:
            reason = (n.void_reason.rstrip(".") + ". ") if n.void_reason else w("no_reason") + " "
            out.append(f'<p class="void">{e(w("voided", r=reason))}</p>')
        if n.contact or n.channel_kind:
            verified = w("verified") if n.verified_channel else w("unverified")
            cls = "good" if n.verified_channel else "bad"
            source = w.parenthesised(w("source", s=w.word(n.channel_source))) \
                if n.channel_source else ""
            what = " ".join(x for x in (w.word(n.channel_kind) if n.channel_kind else "",
                                        n.contact or "") if x)
            out.append(self.meta(w("channel"), f'{e(what)} — <span class="{cls}">'
                                               f'{e(verified)}</span>{e(source)}'))
        if n.origin is not None:
            out.append(self.origin_row(n.origin, self.cf.dkim_rechecks.get(n.number)))
        times = []
        if n.ended_at:
            end = clock(n.ended_at) if same_day(n.started_at, n.ended_at) else when(n.ended_at)
            times.append(f"{when(n.started_at)} – {end}")
        if n.duration_minutes:
            times.append(w("duration", m=w.minutes(n.duration_minutes)))
        if n.wait_minutes:
            times.append(w("waited", m=w.minutes(n.wait_minutes)))
        if n.agent:
            out.append(self.meta(w("agent"), e(n.agent)))
        if times:
            out.append(self.meta(w("time"), e(w.separator().join(times))))
        if n.references:
            refs = " · ".join(f'{e(w.word(k))} <span style="{self.mono}">{e(v)}</span>'
                              for k, v in n.references)
            out.append(self.meta(w("references"), refs))
        notes_cls = "voidednotes" if n.voided else "notes"
        out.append(f'<p class="{notes_cls}">{e(n.notes) if n.notes else e(w("no_notes"))}</p>')
        for p in n.promises:
            who = w("by", who=p.agent) if p.agent else w("unknown_agent")
            out.append(self.meta(w("promises"), f"“{e(p.text)}” — {e(who)}{e(w.separator())}"
                                                f"{e(w('due_on', when=when(p.due_at)))} — "
                                                f"{self.status_span(p)}"))
        if n.exhibits:
            out.append(self.meta(w("exhibit_refs"), e(", ".join(n.exhibits))))
        if n.amended:
            out.append(f'<p class="flag">{e(w("amended"))}</p>')
        out.append(f'<p class="small">{e(w("recorded"))}{w.colon()}{e(when(n.recorded_at))}</p>')
        return "".join(out)

    def origin(self, origin: Origin, recheck: str | None = None) -> list[list[tuple[str, str]]]:
        """What an imported entry's origin says, a line per finding, each line its sentences
        as (class, text): each warning in the bad class, then the DKIM result, good when it
        holds (with what it leaves unsigned, neutral), bad when it does not, else neutral.
        `recheck`: what the export found checking a recorded pass again against the original
        (domain/evidence/email_recheck.py); a pass that does not hold again is not one."""
        w = self.w
        out = [[("bad", w(f"{f.kind}.{f.where}", d=f.domain, like=f.like or w("none"),
                          p=self.cf.platform))] for f in origin.findings]
        if origin.first_contact:
            out.append([("bad", w("first_contact", who=origin.first_contact))])
        if origin.not_compared:
            out.append([("bad", w("not_compared", p=origin.not_compared))])
        if origin.dkim is not None and origin.dkim.passed and recheck not in (None, "holds"):
            out.append([("bad", w(f"dkim.recheck.{recheck}", d=origin.dkim.domain))])
        elif origin.dkim is not None:
            out.append(self.dkim(origin.dkim))
        return out

    def dkim(self, r: DkimResult) -> list[tuple[str, str]]:
        w = self.w
        d = r.domain or w("the_signer")
        checked = w("checked", when=utc(r.checked_at)) if r.checked_at else ""
        why = w.labels.get(f"why.{r.reason}") if r.reason else None
        if r.status == "pass":
            out = [("good", w("dkim.pass", d=d, checked=checked))]
            if r.reason == "body-length-limited":
                out.append(("", w("dkim.part_signed")))
            elif r.reason and r.reason.startswith("unsigned-headers:"):
                headers = r.reason.split(":", 1)[1].split(",")
                out.append(("", w("dkim.unsigned_headers", h=w.listing(headers))))
            return out
        if r.status == "fail":
            return [("bad", w("dkim.fail", d=d, why=why or w("why.bad-signature"),
                              checked=checked))]
        if r.status == "no-key":
            return [("bad", w("dkim.no-key", d=d, checked=checked))]
        if r.status == "unsigned":
            return [("", w("dkim.unsigned"))]
        return [("", w("dkim.not-checked_why", why=why) if why else w("dkim.not-checked"))]

    def origin_row(self, origin: Origin, recheck: str | None = None) -> str:
        """The "Origin" row: one line inline after its label, several as a list below it, so
        that where each begins shows when they wrap."""
        lines = [self.w.between_sentences().join(
            f'<span class="{cls}">{e(text)}</span>' if cls else e(text) for cls, text in line)
            for line in self.origin(origin, recheck)]
        if len(lines) == 1:
            return self.meta(self.w("origin"), lines[0])
        return self.meta(self.w("origin"), "".join(f"<br/>• {line}" for line in lines))

    def meta(self, label: str, value_html: str) -> str:
        return f'<p class="meta"><b>{e(label)}{self.w.colon()}</b>{value_html}</p>'

    # ---- exhibits (captions only: the images are drawn by the writer) --------------------
    def exhibits_heading(self) -> str:
        w = self.w
        tail = "" if self.cf.exhibits else f'<p>{e(w("no_exhibits"))}</p>'
        return f'<h1>{e(w("exhibits"))}</h1>{tail}'

    def exhibit_caption(self, x: Exhibit, note: str | None = None) -> str:
        w = self.w
        out = [f'<p class="exhibit">{e(x.number)} · {e(x.name)}</p>',
               f'<p class="small">{e(w("exhibit_from", entry=x.entry, type=x.media_type, size=w.size(x.size)))}</p>',  # noqa: E501
               f'<p class="small">{e(w("original_sha" if x.covered else "exhibit_sha"))}'
               f'{w.colon()}<span style="{self.mono}">{e(x.sha256)}</span></p>']
        if x.covered:
            kinds = w.listing(w.word(k) for k in x.covered)
            out += [f'<p class="small">{e(w("covered_sha"))}{w.colon()}'
                    f'<span style="{self.mono}">{e(x.covered_sha256)}</span></p>',
                    f'<p class="flag">{e(w("covered", kinds=kinds))}</p>']
        if x.reading == "waiting" and x.is_image:
            out.append(f'<p class="flag">{e(w("not_read"))}</p>')
        elif x.reading == "no-text" and x.is_image:
            out.append(f'<p class="small">{e(w("no_text_found"))}</p>')
        elif x.reading == "unreadable":
            out.append(f'<p class="small">{e(w("unreadable"))}</p>')
        if note:
            out.append(f'<p class="flag">{e(note)}</p>')
        return "".join(out)

    def exhibit_text(self, x: Exhibit, text: str, first: bool, cut: int = 0) -> str:
        """A part of the text read out of an exhibit, under a line that says how it was read
        (the first part only); `cut`: how many characters are left out after it."""
        w = self.w
        out = []
        if first:
            said = "read_by_ocr" if x.recognised_by == "ocr" else "read_from_pdf"
            out.append(f'<p class="small">{e(w(said, number=x.number))}</p>')
        out.append(f'<p class="read">{e(text)}</p>')
        if cut:
            out.append(f'<p class="small">{e(w("read_cut", n=cut))}</p>')
        return "".join(out)

    def exhibit_continued(self, x: Exhibit, part: int, parts: int) -> str:
        w = self.w
        return (f'<p class="exhibit">{e(x.number)} · {e(x.name)}</p>'
                f'<p class="small">{e(w("continued", part=part, parts=parts))}</p>')

    # ---- appendices B and C -------------------------------------------------------------
    def back(self) -> str:
        w = self.w
        out = [f'<h1>{e(w("appendix_b"))}</h1>', f'<p class="note">{e(w("appendix_b_note"))}</p>']
        amended = [n for n in self.cf.entries if n.revisions]
        if not amended:
            out.append(f'<p>{e(w("no_amendments"))}</p>')
        for n in amended:
            for r in n.revisions:
                out.append(f'<h3>{e(w("earlier_text", entry=n.number, when=when(r.recorded_at)))}</h3>')  # noqa: E501
                out.append(f'<p class="notes">{e(r.notes) if r.notes else e(w("no_notes"))}</p>')
                if r.reason:
                    out.append(self.meta(w("reason"), e(r.reason)))
        out.append(f'<h1 style="page-break-before: always">{e(w("appendix_c"))}</h1>')
        for para in INTEGRITY[w.language]:
            if para.startswith("## "):
                out.append(f"<h3>{e(para[3:])}</h3>")
            elif para.startswith("$ "):
                out.append(f'<p class="command" style="{self.mono}">{e(para[2:])}</p>')
            else:
                out.append(f"<p>{e(para)}</p>")
        out.append(f'<p class="small">{e(w("chain_head"))}{w.colon()}'
                   f'<span style="{self.mono}">{e(self.cf.chain_head)}</span></p>')
        if self.cf.signing_key:
            out.append(f'<p class="small">{e(w("signing_key"))}{w.colon()}'
                       f'<span style="{self.mono}">{e(self.cf.signing_key)}</span></p>')
        return "".join(out)
