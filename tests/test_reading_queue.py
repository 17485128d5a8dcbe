"""The reading queue through the service: what waits, what is kept, search over it, the
alarms and references a read screenshot raises. A scripted reader stands in for the OCR
worker here (its own tests are test_ocr_reader.py); one test runs the real worker end to end.
"""
from __future__ import annotations

import pytest

from journal.domain import recognised_text as rt
from journal.domain.inputs import NewAttachment
from journal.errors import BadInput, Cancelled
from journal.service import Journal

from .conftest import PASSPHRASE

PHRASE = ("abandon ability able about above absent absorb abstract absurd abuse access "
          "accident")


def _lines(*texts):
    """from_lines input for lines of words, each word boxed 10 px a character, a line 30 px."""
    out = []
    for row, line in enumerate(texts):
        x, words = 0, []
        for word in line.split(" "):
            words.append((word, (x, row * 30, 10 * len(word), 24)))
            x += 10 * (len(word) + 1)
        out.append((line, words))
    return rt.from_lines(out)


class ScriptedReader:
    """Reads a picture's bytes as the text the test put in it: b"text:LINE|LINE", or fails
    with the code after b"bad:"."""

    def __init__(self):
        self.read = []

    def read_image(self, data: bytes):
        self.read.append(data)
        if data.startswith(b"bad:"):
            raise BadInput("file.exists", path=data[4:].decode())
        return _lines(*data[5:].decode().split("|")) if data.startswith(b"text:") else \
            rt.RecognisedText("", ())

    def close(self):
        pass


def _attach(journal, case_id, *files, notes="Chat with support"):
    entry = journal.log(case_id, kind="chat", notes=notes, start="2026-11-20T10:00:00+00:00",
                        attachments=[NewAttachment(n, t, data=d) for n, t, d in files])
    return entry, [a.id for a in journal.interaction(entry.id).attachments]


@pytest.fixture
def case(journal):
    journal.add_platform("Binance", kind="exchange", website="https://binance.com")
    return journal.open_case("Binance", "Withdrawal held", category="withdrawal")


def test_pictures_and_pdfs_wait_to_be_read_and_other_files_do_not(journal, case):
    entry, ids = _attach(journal, case.id, ("chat.png", "image/png", b"text:Ticket CS-48213977"),
                         ("call.m4a", "audio/mp4", b"audio"),
                         ("letter.pdf", "application/pdf", b"%PDF-1.4 broken"))
    status = journal.reading_status()
    assert (status.readable, status.done, status.waiting) == (2, 0, 2)
    assert [a.name for a in journal.waiting_files()] == ["chat.png", "letter.pdf"]
    assert journal.attachment_text(ids[0]) is None


def test_a_read_screenshot_is_kept_searchable_and_never_read_again(journal, case):
    entry, ids = _attach(journal, case.id,
                         ("chat.png", "image/png", b"text:Your ticket is CS-48213977|Regards"))
    assert journal.search("CS-48213977") == []
    reader = ScriptedReader()
    status = journal.read_attachments(reader=reader)
    assert (status.with_text, status.waiting) == (1, 0)
    reading = journal.attachment_text(ids[0])
    assert reading.status == rt.TEXT and reading.source == rt.OCR
    assert reading.text == "Your ticket is CS-48213977\nRegards"
    assert reading.recognised.words[3].text == "CS-48213977"
    assert reading.recognised.words[3].box == (150, 0, 110, 24)
    [hit] = journal.search("CS-48213977")
    assert hit.interaction_id == entry.id and hit.attachment_id == ids[0]
    assert hit.snippet.startswith("chat.png: ") and "[48213977]" in hit.snippet
    assert journal.check().index_ok
    journal.read_attachments(reader=reader)
    assert len(reader.read) == 1


def test_a_word_in_the_notes_is_not_credited_to_the_screenshot(journal, case):
    entry, ids = _attach(journal, case.id, ("chat.png", "image/png", b"text:ticket CS-1234"),
                         notes="Ticket CS-1234 given on the phone")
    journal.read_attachments(reader=ScriptedReader())
    [hit] = journal.search("CS-1234")
    assert hit.attachment_id is None


def test_a_chinese_screenshot_is_found_by_its_words(journal, case):
    entry, ids = _attach(journal, case.id, ("聊天.png", "image/png",
                                            "text:您的工单号是 CS-778 请耐心等待".encode()))
    journal.read_attachments(reader=ScriptedReader())
    [hit] = journal.search("耐心等待")
    assert hit.attachment_id == ids[0]


def test_a_file_that_cannot_be_read_says_why_and_the_queue_goes_on(journal, case):
    entry, ids = _attach(journal, case.id, ("broken.png", "image/png", b"bad:x.png"),
                         ("blank.png", "image/png", b"nothing"),
                         ("good.png", "image/png", b"text:Order 99123"))
    status = journal.read_attachments(reader=ScriptedReader())
    assert (status.unreadable, status.no_text, status.with_text, status.waiting) == (1, 1, 1, 0)
    broken = journal.attachment_text(ids[0])
    from journal.errors import say
    from journal.service.reading import reason_phrase
    assert broken.status == rt.UNREADABLE
    assert say(reason_phrase(broken)) == str(BadInput("file.exists", path="x.png"))
    assert journal.attachment_text(ids[1]).status == rt.NO_TEXT
    assert journal.check().problems == ()


def _stop_after_first(stage, done, total):
    if done == 1:
        raise Cancelled("task.cancelled")


def test_pausing_stops_between_files_and_the_rest_waits_even_after_reopening(
        journal, case, journal_dir):
    _attach(journal, case.id, *[(f"s{n}.png", "image/png", f"text:Ref {n}000".encode())
                                for n in range(3)])
    status = journal.read_attachments(reader=ScriptedReader(), progress=_stop_after_first)
    assert (status.done, status.waiting) == (1, 2)
    journal.close()
    again = Journal.open(journal_dir, passphrase=PASSPHRASE)
    with again:
        reader = ScriptedReader()
        assert again.read_attachments(reader=reader).waiting == 0
        assert reader.read == [b"text:Ref 1000", b"text:Ref 2000"]


def test_one_case_is_read_alone_when_asked(journal, case):
    other = journal.open_case("Binance", "Account frozen", category="account-frozen")
    _attach(journal, case.id, ("a.png", "image/png", b"text:A 1111"))
    _attach(journal, other.id, ("b.png", "image/png", b"text:B 2222"))
    status = journal.read_attachments(other.id, reader=ScriptedReader())
    assert (status.readable, status.waiting) == (1, 0)
    assert journal.reading_status().waiting == 1
    assert journal.reading_status(case.id).waiting == 1


def test_a_screenshot_of_support_asking_for_the_phrase_raises_the_alarm(journal, case):
    asks = ("text:Binance Support: to unfreeze your account we need to verify your wallet."
            "|Please send us your 12-word recovery phrase to verify ownership.").encode()
    entry, ids = _attach(journal, case.id, ("ask.png", "image/png", asks),
                         ("plain.png", "image/png", b"text:Your withdrawal is processing"))
    journal.read_attachments(reader=ScriptedReader())
    alarms = journal.case_file_alarms(case.id)
    assert [aid for aid, _, _ in alarms] == [ids[0]]
    assert alarms[0][1]
    signs, secrets = journal.attachment_alarms(ids[1])
    assert (signs, secrets) == ([], [])


def test_a_phrase_shown_in_a_screenshot_is_named_a_secret(journal, case):
    entry, ids = _attach(journal, case.id, ("phrase.png", "image/png",
                                            f"text:My words|{PHRASE}".encode()))
    journal.read_attachments(reader=ScriptedReader())
    assert journal.attachment_alarms(ids[0])[1] == ["seed phrase"]


def test_reference_numbers_read_in_a_screenshot_are_offered_unless_recorded(journal, case):
    entry = journal.log(case.id, kind="chat", notes="chat", references=["ticket:CS-48213977"],
                        attachments=[NewAttachment("c.png", "image/png",
                                                   data=b"text:Ticket #CS-48213977|"
                                                        b"Case number 778812345")])
    [aid] = [a.id for a in journal.interaction(entry.id).attachments]
    journal.read_attachments(reader=ScriptedReader())
    offered = journal.offered_references(aid)
    assert offered and all("CS-48213977" not in r for r in offered)
    assert any(r.endswith(":778812345") for r in offered)


def test_a_dump_leaves_the_text_out_and_the_imported_journal_reads_again(journal, case,
                                                                          templates, tmp_path):
    from .conftest import open_copy
    _attach(journal, case.id, ("chat.png", "image/png", b"text:Ticket CS-48213977"))
    journal.read_attachments(reader=ScriptedReader())
    dump = journal.dump()
    assert "CS-48213977" not in str(dump)          # derived, never written out
    with open_copy(templates, "other", tmp_path / "other") as other:
        other.import_dump(dump)
        assert other.reading_status().waiting == 1 and other.search("CS-48213977") == []
        other.read_attachments(reader=ScriptedReader())
        assert other.search("CS-48213977")
