"""The dispute's pure rules: addresses and transaction ids checked by their format's own
checksum (published test vectors), and every deadline rule of the jurisdiction packs counted
on hand-computed dates, public holidays and holding replies included."""
from __future__ import annotations

from datetime import date

import pytest

from journal.domain.dispute import deadlines, onchain, packs
from journal.domain.dispute.facts import (
    Body,
    ComplaintKind,
    How,
    Jurisdiction,
    Stage,
    StageKind,
)
from journal.errors import BadInput

# -- addresses and transaction ids -----------------------------------------------------------

# BIP-173 and BIP-350's valid mainnet vectors, Bitcoin's genesis and P2SH examples, EIP-55's
# own examples, Tether's TRON contract, Solana's system program and wrapped-SOL mint.
VALID = [
    ("bitcoin", "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa"),
    ("bitcoin", "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy"),
    ("bitcoin", "BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4"),
    ("bitcoin", "bc1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3qccfmv3"),
    ("bitcoin", "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0"),
    ("bitcoin", "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq"),
    ("ethereum", "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"),
    ("ethereum", "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359"),
    ("ethereum", "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB"),
    ("ethereum", "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb"),
    ("bsc", "0x52908400098527886E0F7030069857D2E4169EE7"),
    ("ethereum", "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed"),   # no checksum: all lower
    ("tron", "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t"),
    ("solana", "11111111111111111111111111111111"),
    ("solana", "So11111111111111111111111111111111111111112"),
]
# Each one character off a valid one (or of the wrong network), and BIP-173/350's invalid ones.
MISTYPED = [
    ("bitcoin", "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb", "checksum"),
    ("bitcoin", "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLz", "checksum"),
    ("bitcoin", "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5", "checksum"),
    ("bitcoin", "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj1", "checksum"),
    # BIP-350: a v0 program encoded with bech32m, and a v1 one with bech32.
    ("bitcoin", "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kemeawh", "checksum"),
    ("bitcoin", "bc1p38j9r5y49hruaue7wxjce0updqjuyyx0kh56v8s25huc6995vvpql3jow4", "checksum"),
    ("bitcoin", "BC1QW508d6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4", "format"),  # mixed case
    ("bitcoin", "tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx", "format"),     # testnet
    ("ethereum", "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD", "checksum"),
    ("ethereum", "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d35", "format"),     # one digit short
    ("tron", "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6u", "checksum"),
    ("tron", "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa", "format"),
    ("solana", "So1111111111111111111111111111111111111111", "format"),
    ("solana", "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "format"),
]


@pytest.mark.parametrize("network,value", VALID)
def test_published_addresses_pass_their_checksum(network, value):
    assert onchain.address(f"  {value} ", onchain.network(network)) == value


@pytest.mark.parametrize("network,value,problem", MISTYPED)
def test_a_mistyped_address_gets_one_sentence(network, value, problem):
    with pytest.raises(BadInput) as caught:
        onchain.address(value, onchain.network(network))
    assert caught.value.code == f"onchain.address_{problem}"
    assert value in str(caught.value) and str(caught.value).endswith(".")


def test_eip55_checksums_as_the_eip_says():
    for _, value in VALID[6:10]:
        assert onchain.eip55(value.lower()) == value


@pytest.mark.parametrize("network,value,ok", [
    ("bitcoin", "4a5e1e4baab89f3a32518a88c31bc87f618f76673e2cc77ab2127b7afdeda33b", True),
    ("bitcoin", "0x4a5e1e4baab89f3a32518a88c31bc87f618f76673e2cc77ab2127b7afdeda33b", False),
    ("ethereum", "0x88df016429689c079f3b2f6ad39fa052532c56795b733da78a91ebe6a713944b", True),
    ("ethereum", "88df016429689c079f3b2f6ad39fa052532c56795b733da78a91ebe6a713944b", False),
    ("tron", "ab" * 32, True),
    ("solana", "5VERv8NMvzbJMEkV8xnrLkEaWRtSz9CosKDYjCJjBRnbJLgp8uirBgmQpjKhoR4tjF3ZpRzrFm"
               "BV6UjKdiSZkQUW", True),
    ("solana", "5VERv8NMvzbJMEkV8xnrLkEaWRtSz9CosKDYjCJjBRnbJLgp8uirBgmQpjKhoR4tjF3Zp", False),
])
def test_transaction_ids_are_checked_for_their_network(network, value, ok):
    net = onchain.network(network)
    if ok:
        assert onchain.tx_hash(value, net) == value
    else:
        with pytest.raises(BadInput, match="transaction id"):
            onchain.tx_hash(value, net)


def test_networks_have_aliases_explorers_and_a_sentence_for_an_unknown_one():
    assert onchain.network("TRC20").code == "tron" and onchain.network("ERC20").code == "ethereum"
    assert onchain.explorer_url(onchain.network("tron"), tx="ab") == \
        "https://tronscan.org/#/transaction/ab"
    assert onchain.explorer_url(onchain.network("bitcoin"), address_="bc1x") == \
        "https://mempool.space/address/bc1x"
    assert onchain.explorer_url(onchain.network("other"), tx="x") is None
    with pytest.raises(BadInput, match="not a network"):
        onchain.network("dogechain")


def test_amounts_are_kept_exactly_as_decimals():
    assert onchain.amount("0.00012345") == "0.00012345"
    assert onchain.amount("1,250.50") == "1250.50"
    for bad in ("abc", "-1", "0", "nan", "inf"):
        with pytest.raises(BadInput):
            onchain.amount(bad)
    assert onchain.asset("usdt") == "USDT" and onchain.currency("gbp") == "GBP"
    with pytest.raises(BadInput):
        onchain.currency("pounds")


# -- the packs -------------------------------------------------------------------------------

def test_every_rule_has_its_source_the_date_it_was_checked_and_both_languages():
    found = packs.packs()
    assert {"uk", "eu", "us", "hk", "cn", "cards"} <= set(found)
    for pack in found.values():
        for rule in pack.rules:
            assert rule.source_title and rule.source_url.startswith("https://"), rule.id
            assert date.fromisoformat(rule.checked) <= date(2026, 12, 31), rule.id
            for field in ("short", "label"):
                assert rule.text(field, "en") and rule.text(field, "zh_CN") != \
                    rule.text(field, "en") or rule.id == "visa-chargeback", (rule.id, field)
            assert rule.nature in packs.NATURES and rule.who in packs.WHO
    assert {j.value for j in Jurisdiction} - {"other"} <= set(found)


# -- the clocks, on dates counted by hand ----------------------------------------------------

def stage(n, kind, at, *, to=None, how=None, complaint="other", where=None, voided=False):
    return Stage(n, 1, StageKind(kind), at, How(how) if how else None, None,
                 Body(to) if to else None, Jurisdiction(where) if where else None,
                 ComplaintKind(complaint), at, "2026-01-01T00:00+00:00" if voided else None)


def clocks(jurisdiction, stages, today, *, category="withdrawal", loss=None):
    """The clocks by rule id; voided stages are left out, as the service leaves them."""
    events = tuple(deadlines.event(s) for s in stages if s.voided_at is None)
    facts = deadlines.CaseFacts(1, jurisdiction, category, events, loss)
    return {c.rule.id: c for c in deadlines.case_clocks(facts, today)}


def test_uk_payment_complaint_15_business_days_over_easter():
    # Friday 20 March 2026; the 15 business days skip Good Friday (3 Apr) and Easter Monday
    # (6 Apr): 23–27 Mar (5), 30 Mar–2 Apr (9), 7–10 Apr (13), 13–14 Apr (15).
    got = clocks("uk", [stage(1, "complaint", "2026-03-20T16:30+00:00", complaint="payment")],
                 date(2026, 3, 25))
    assert got["uk-payment-final-response"].due == date(2026, 4, 14)
    assert got["uk-payment-final-response"].state == "running"
    assert "uk-other-final-response" not in got and "uk-fos" not in got


def test_uk_holding_reply_gives_35_business_days_past_the_may_bank_holiday():
    # From 20 March: … 27 Apr–1 May (28); Monday 4 May is the Early May bank holiday;
    # 5–8 May (32), 11–13 May (35).
    got = clocks("uk", [stage(1, "complaint", "2026-03-20T10:00+00:00", complaint="payment"),
                        stage(2, "holding-reply", "2026-04-09T10:00+01:00")], date(2026, 4, 20))
    clock = got["uk-payment-final-response"]
    assert clock.extended and clock.due == date(2026, 5, 13)


def test_uk_other_complaint_eight_weeks_then_the_ombudsman():
    complaint = stage(1, "complaint", "2026-01-05T09:00+00:00")
    early = clocks("uk", [complaint], date(2026, 2, 1))
    assert early["uk-other-final-response"].due == date(2026, 3, 2)     # 56 days on
    assert "uk-fos" not in early
    # No final response by then: the ombudsman is open from the day after, with no limit yet.
    late = clocks("uk", [complaint], date(2026, 3, 10))
    assert late["uk-other-final-response"].state == "overdue"
    fos = late["uk-fos"]
    assert fos.opens == date(2026, 3, 3) and fos.due is None and fos.state == "open"
    # The final response on 27 January: FOS from then, within six months, to 27 July.
    answered = clocks("uk", [complaint, stage(2, "final-response", "2026-01-27T12:00+00:00")],
                      date(2026, 2, 1))
    assert answered["uk-other-final-response"].state == "met"
    assert answered["uk-fos"].opens == date(2026, 1, 27)
    assert answered["uk-fos"].due == date(2026, 7, 27)
    done = clocks("uk", [complaint, stage(2, "final-response", "2026-01-27T12:00+00:00"),
                         stage(3, "escalation", "2026-02-02T09:00+00:00", to="ombudsman")],
                  date(2026, 2, 3))
    assert done["uk-fos"].state == "met"


def test_a_month_ends_on_the_same_day_or_the_months_last():
    got = clocks("uk", [stage(1, "escalation", "2026-01-31T09:00+00:00", to="data-access")],
                 date(2026, 2, 1))
    assert got["uk-sar"].due == date(2026, 2, 28)
    assert deadlines.add_months(date(2028, 1, 31), 1) == date(2028, 2, 29)


def test_eu_mica_two_months_and_psd2_over_the_target_holidays():
    got = clocks("eu", [stage(1, "complaint", "2026-03-02T09:00+01:00")], date(2026, 3, 3))
    assert got["eu-mica-decision"].due == date(2026, 5, 2)
    # PSD2: 15 TARGET business days from Tuesday 31 March 2026, over Good Friday and Easter
    # Monday: 1–2 Apr (2), 7–10 Apr (6), 13–17 (11), 20–23 Apr (15).
    pay = clocks("eu", [stage(1, "complaint", "2026-03-31T09:00+02:00", complaint="payment")],
                 date(2026, 4, 1))
    assert pay["eu-payment-final-response"].due == date(2026, 4, 23)


def test_us_cfpb_regulation_e_and_visa():
    cfpb = clocks("us", [stage(1, "escalation", "2026-06-01T10:00-04:00", to="regulator")],
                  date(2026, 6, 2))
    assert cfpb["us-cfpb-response"].due == date(2026, 6, 16)
    assert cfpb["us-cfpb-final"].due == date(2026, 7, 31)
    # A spoken report on Thursday 2 July 2026: 10 business days skip Independence Day
    # (observed Friday 3 July): 6–10 Jul (5), 13–17 Jul (10).
    oral = clocks("us", [stage(1, "complaint", "2026-07-02T15:00-04:00", how="phone",
                               complaint="payment")], date(2026, 7, 3),
                  loss="2026-06-20T12:00-04:00")
    assert oral["us-rege-written"].due == date(2026, 7, 17)
    assert oral["us-rege-notice"].due == date(2026, 8, 19)       # 60 days from the transfer
    assert oral["us-rege-notice"].state == "met"                 # told the bank on 2 July
    assert oral["visa-chargeback"].due == date(2026, 10, 18)     # 120 days
    written = clocks("us", [stage(1, "complaint", "2026-07-02T15:00-04:00", how="phone",
                                  complaint="payment"),
                            stage(2, "complaint", "2026-07-06T09:00-04:00", how="letter",
                                  complaint="payment")], date(2026, 7, 7))
    assert written["us-rege-written"].state == "met"


def test_hong_kong_and_mainland_china_say_call_at_once():
    hk = clocks("hk", [], date(2026, 5, 1), category="scam", loss="2026-05-01T09:30+08:00")
    adcc = hk["hk-adcc"]
    assert adcc.due_time.isoformat() == "2026-05-02T09:30:00+08:00"
    assert adcc.rule.nature == "advice" and "18222" in adcc.rule.text("label")
    cn = clocks("cn", [stage(1, "escalation", "2026-05-01T11:00+08:00", to="police")],
                date(2026, 5, 1), category="scam", loss="2026-05-01T09:30+08:00")
    assert cn["cn-96110"].state == "met" and "96110" in cn["cn-96110"].rule.text("label", "zh_CN")
    assert "hk-adcc" not in clocks("hk", [], date(2026, 5, 1), loss="2026-05-01T09:30+08:00")


def test_a_voided_stage_starts_nothing_and_a_stage_may_name_its_own_jurisdiction():
    assert clocks("uk", [stage(1, "complaint", "2026-01-05T09:00+00:00", voided=True)],
                  date(2026, 1, 6)) == {}
    got = clocks("uk", [stage(1, "escalation", "2026-06-01T10:00-04:00", to="regulator",
                              where="us")], date(2026, 6, 2))
    assert set(got) == {"us-cfpb-response", "us-cfpb-final"}


def test_states_as_a_deadline_comes_and_goes():
    complaint = [stage(1, "complaint", "2026-01-05T09:00+00:00")]
    assert clocks("uk", complaint, date(2026, 2, 20))["uk-other-final-response"].state == \
        "running"
    assert clocks("uk", complaint, date(2026, 2, 24))["uk-other-final-response"].state == \
        "due-soon"
    late = complaint + [stage(2, "final-response", "2026-03-09T09:00+00:00")]
    assert clocks("uk", late, date(2026, 3, 10))["uk-other-final-response"].state == "late"
    record = clocks("uk", complaint, date(2026, 2, 24))["uk-other-final-response"].as_record()
    assert record["due"] == "2026-03-02" and record["source"]["checked"] == "2026-12-03"
    assert record["start"] == "2026-01-05T09:00+00:00" and record["period"] == {"weeks": 8}
