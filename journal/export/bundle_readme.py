"""README.txt of the bundle: what is in it, how to check it, and exactly what that proves."""
from __future__ import annotations

from ..domain.case_file import CaseFile


def readme(cf: CaseFile, language: str, fingerprint: str) -> str:
    text = _README_EN.format(title=cf.title, platform=cf.platform, exported=cf.exported_at,
                             head=cf.chain_head, n=cf.chain_entries, fingerprint=fingerprint)
    if language == "zh_CN":
        text += "\n" + _README_ZH.format(head=cf.chain_head, fingerprint=fingerprint)
    return text


_README_EN = """\
Support Journal - evidence bundle
Case: {title} ({platform}), exported {exported}
Signed by the journal key {fingerprint}
Chain head of the case: {head} ({n} entries)

What is in this bundle
  case-file.pdf        the case file to read: summary, chronology, promises, exhibits;
                       it carries a PDF signature by the journal key above
  case.json            the same facts, machine-readable (format described in case.json
                       itself and in Support Journal's docs/case-file-format.md)
  exhibits/            the files the user attached, named by exhibit number (A-1, A-2, ...)
  chain.json           the case's hash chain: every record of the case as it was hashed,
                       and the entries of its platform and channels
  allowed_signers      the journal's public key, for ssh-keygen
  MANIFEST.sha256      the SHA-256 of every other file
  MANIFEST.sha256.sig  the manifest's signature by the journal key (OpenSSH SSHSIG)

How to check it
  With Support Journal installed:   journal verify FILE.zip
  It checks every file against the manifest, both signatures, the hash chain entry by
  entry up to the head, and that every fact in case.json is what the chain records.
  Without it, unzip and run in the unzipped folder:
      sha256sum -c MANIFEST.sha256          (macOS: shasum -a 256 -c MANIFEST.sha256)
      ssh-keygen -Y verify -f allowed_signers -I support-journal -n support-journal \\
                 -s MANIFEST.sha256.sig < MANIFEST.sha256
  Every line of the first must say OK; the second must say "Good signature". A PDF
  reader shows the PDF's signature as valid and the document as not modified since it
  was signed (its certificate is the journal's own, so the reader calls it untrusted).

What this proves, and what it does not
  Proven here: every file is the one the journal exported (the manifest and its
  signature); the PDF was not changed after it was signed; the chain recomputes, entry
  by entry, up to the head above; case.json says what the chain records; each exhibit
  has the SHA-256 the chain recorded when it was attached.
  Not proven by this bundle alone: WHO holds the key, and WHEN the records were made.
  Anyone with the journal's passphrase could make a new journal and a new, self-
  consistent bundle today. The records were not altered after they were recorded, and
  this bundle comes from the journal that had them, ONLY to someone who received the
  chain head or the key fingerprint above earlier (for example in an email sent to the
  platform or to oneself at the time) and compares it now. The times in the records are
  those of the user's computer. The text read out of pictures and PDFs ("recognised_text"
  in case.json, quoted in the PDF) is this program's reading of them, not a record: the
  chain does not hold it, and OCR may misread; the picture is the evidence.

How the chain is hashed
  Each entry of chain.json has a "hash": the SHA-256 of a canonical JSON (keys sorted, no
  spaces, UTF-8) of its seq, case, entity, id, action, recorded_at, prev, case_prev and
  its body. Entries with "v": 2 commit to each body field through its own digest,
  SHA-256 of the canonical JSON of [salt, name, value]: the hashed form has "v": 2 and
  "fields" (name -> digest) in place of "body". A field that held a secret is shown only
  by its digest ("digests"); the entry is still recomputed whole. "case_prev" is the hash
  of the case's entry before it (64 zeros for the first). To recompute them, save these
  lines as check.py beside chain.json and run python3 check.py (every line must end in
  True, except old entries marked "redacted", which cannot be proven):

import hashlib, json
def h(x): return hashlib.sha256(json.dumps(x, sort_keys=True, separators=(",", ":"),
                                           ensure_ascii=False).encode()).hexdigest()
for e in json.load(open("chain.json", encoding="utf-8"))["entries"]:
    form = {{k: e[k] for k in ("seq", "case", "entity", "id", "action", "recorded_at",
                              "prev", "case_prev")}}
    if e.get("v") == 2:
        form["v"] = 2
        form["fields"] = {{k: h([e["salts"][k], k, v]) for k, v in e["body"].items()}}
        form["fields"].update(e.get("digests", {{}}))
    else:
        form["body"] = e["body"]
    print(e["seq"], h(form) == e["hash"])

Redaction
  Secrets (seed phrases, private keys, one-time and backup codes, passwords) were
  replaced by "[redacted: ...]" in the notes, in case-file.pdf, in case.json and in text
  exhibits, and chain.json shows those fields by their salted digests only. A text
  exhibit that was redacted differs from the original the journal recorded; case.json
  gives both SHA-256 values. A picture whose text, read by OCR on the user's computer,
  shows a secret is a copy with the secret's words filled in black: case.json names what
  was covered ("covered") and gives the original's SHA-256 (as in the chain) and the
  copy's ("covered_sha256"); the original stays in the journal. Other pictures and files
  are the original bytes, unchanged and NOT redacted; a picture not read yet by OCR
  ("reading": "waiting") is not covered.
"""

_README_ZH = """\
支持日志 - 证据包（说明）

内容：case-file.pdf（案件文件，带本日志密钥的 PDF 签名）、case.json（同样的事实，机器可读）、
exhibits/（用户附加的文件，按证物编号命名）、chain.json（本案的哈希链）、allowed_signers
（日志的公钥）、MANIFEST.sha256（其他每个文件的 SHA-256）、MANIFEST.sha256.sig（清单的签名）。

如何核对：运行  journal verify FILE.zip ，它核对清单、两个签名、逐条重算哈希链直至链头，并核对
case.json 的每项事实与哈希链记录一致。不安装本程序时，解压后运行
  sha256sum -c MANIFEST.sha256   （每一行都应为 OK）
  ssh-keygen -Y verify -f allowed_signers -I support-journal -n support-journal -s MANIFEST.sha256.sig < MANIFEST.sha256
  （应显示 Good signature）。

已证明：每个文件都是日志导出的文件；PDF 签名后未被改动；哈希链完整直至链头；case.json 与哈希链一致；
每个证物的 SHA-256 与附加时记录的一致。
未证明：谁持有密钥、记录是何时做的。只有事先已收到以下链头或密钥指纹的人（例如当时发给平台或
自己的邮件），才能据此确认记录在记录之后未被改动：
    链头 {head}
    密钥 {fingerprint}
记录中的时间来自用户的电脑。从图片和 PDF 中读取的文字（case.json 中的 "recognised_text"，PDF 中引用）
是本程序对它们的识别结果，不是记录：哈希链中没有它，OCR 也可能识别错误；证据是图片本身。

脱敏：助记词、私钥、一次性验证码、备用码和密码已在备注、PDF、case.json 和文本证物中替换为
“[redacted: …]”；chain.json 中这些字段只以加盐摘要显示。若图片经本机 OCR 识别出的文字中含有机密信息，
证据包中的是该图片的副本，机密信息所在的文字已涂黑：case.json 注明遮盖了什么（"covered"），并给出原件的
SHA-256（与哈希链一致）和副本的 SHA-256（"covered_sha256"）；原件保留在日志中。其他图片及文件为原始字节，
未脱敏；尚未经 OCR 读取的图片（"reading": "waiting"）未被遮盖。
"""
