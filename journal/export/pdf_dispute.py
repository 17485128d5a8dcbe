"""The summary page's part about the dispute: the jurisdiction, the complaint's stages, its
deadlines (each with the rule, its source and the date it was checked), the money at stake,
the transactions with their explorer links, and the wallet addresses. Only strings."""
from __future__ import annotations

from ..domain.dispute import packs
from ..domain.dispute.case_section import DisputeSection


def _e(text) -> str:
    from html import escape
    return escape(str(text), quote=True)


def _void(html, voided: bool, reason: str | None, cell: str) -> str:
    if not voided:
        return cell
    return f'<s>{cell}</s><br/><span class="bad">{_e(html.w("void_mark", reason=reason or ""))}' \
           f'</span>'


def _clock_name(c, language: str) -> str:
    rule = packs.rule(c.rule)
    return rule.text("short", language) if rule is not None else c.name


def dispute_html(html, section: DisputeSection | None) -> str:
    """`html`: the CaseFileHtml writing the page (its words, tables and fonts)."""
    if section is None or section.empty:
        return ""
    w, mono = html.w, html.mono
    out = [f'<h2>{_e(w("dispute"))}</h2>']
    if section.jurisdiction:
        out.append(html.facts([(w("jurisdiction"), _e(w.word(section.jurisdiction)))]))
    out.append(f'<h3>{_e(w("stages"))}</h3>')
    if section.stages:
        out.append(html.table(
            [_e(w("stage")), _e(w("on")), _e(w("how")), _e(w("to_whom")), _e(w("reference"))],
            [[_void(html, s.voided, s.void_reason, _e(w.word(s.stage))
                    + (f" ({_e(w.word(s.kind))})" if s.stage == "complaint"
                       and s.kind == "payment" else "")),
              html.when_cell(s.happened_at), _e(w.word(s.how)), _e(w.word(s.to)),
              f'<span style="{mono}">{_e(s.reference or w("none"))}</span>']
             for s in section.stages], [22, 22, 14, 18, 24]))
    else:
        out.append(f'<p>{_e(w("no_stages"))}</p>')
    if section.deadlines:
        out.append(f'<h3>{_e(w("deadlines"))}</h3>')
        rows = []
        for c in section.deadlines:
            state = _e(w.word(c.state))
            if c.state == "overdue":
                state = f'<span class="bad">{_e(w.word("overdue"))}</span>'
            elif c.state in ("met",):
                state = f'<span class="good">{state}</span>'
            rows.append([
                _e(_clock_name(c, w.language)),
                _e(w("whose_platform" if c.whose == "platform" else "whose_you")),
                _e(c.opens or w("none")), _e(c.due or w("no_limit")), state,
                f'<span class="small">{_e(c.source_title)}<br/>{_e(c.source_url)} · '
                f'{_e(c.checked)}</span>'])
        out.append(html.table([_e(w("deadline")), _e(w("whose")), _e(w("from")),
                               _e(w("due_on")), _e(w("state")), _e(w("rule"))],
                              rows, [17, 15, 13, 13, 11, 31]))
        out.append(f'<p class="small">{_e(w("deadlines_note"))}</p>')
    if section.money:
        out.append(f'<h3>{_e(w("money"))}</h3>')
        out.append(html.table(
            [_e(w("amount")), _e(w("network")), _e(w("fiat"))],
            [[_void(html, m.voided, m.void_reason, _e(f"{m.amount} {m.asset}")),
              _e(m.network or w("none")),
              _e(w("fiat_value", amount=m.fiat_amount, currency=m.fiat_currency,
                   date=m.valued_on) if m.fiat_amount else w("none"))]
             for m in section.money], [34, 26, 40]))
    if section.transactions:
        out.append(f'<h3>{_e(w("transactions"))}</h3>')
        rows = []
        for t in section.transactions:
            ends = " → ".join(x or "?" for x in (t.from_address, t.to_address)) \
                if (t.from_address or t.to_address) else w("none")
            link = f'<br/><span class="small">{_e(t.explorer_url)}</span>' \
                if t.explorer_url else ""
            rows.append([
                _void(html, t.voided, t.void_reason,
                      f'<span style="{mono}">{_e(t.tx_hash)}</span>{link}'),
                _e(t.network), _e(f"{t.amount} {t.asset}" if t.amount else w("none")),
                html.when_cell(t.happened_at),
                f'<span style="{mono}" class="small">{_e(ends)}</span>'])
        out.append(html.table([_e(w("tx_hash")), _e(w("network")), _e(w("amount")),
                               _e(w("on")), _e(w("from_to"))], rows, [36, 11, 13, 14, 26]))
    if section.wallets:
        out.append(f'<h3>{_e(w("wallets"))}</h3>')
        out.append(html.table(
            [_e(w("address")), _e(w("network")), _e(w("owner")), _e(w("label"))],
            [[_void(html, x.voided, x.void_reason,
                    f'<span style="{mono}">{_e(x.address)}</span>'
                    + (f'<br/><span class="small">{_e(x.explorer_url)}</span>'
                       if x.explorer_url else "")),
              _e(x.network), _e(w.word(x.whose)), _e(x.label or w("none"))]
             for x in section.wallets], [50, 14, 18, 18]))
    return "".join(out)
