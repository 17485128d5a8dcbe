#!/usr/bin/env bash
# Install the .deb packages `make package` built, try them as a user would, and remove them.
# Run as root (by .ci/run) on a Debian machine: dpkg -i, then
#   - `journal` is on the PATH and is the frozen app in /opt (no Python of ours involved);
#   - a CLI round trip in a new journal: init, platform, case, log with a screenshot, the
#     screenshot's text read by the OCR part, search, a PDF export in Chinese, check;
#   - the window offscreen for a few seconds, in Chinese, with no traceback;
#   - the menu entry, metainfo and icons in place, validated;
# then dpkg -r, and nothing of it is left.
set -euo pipefail

cd "$(dirname "$0")/../.."
shopt -s nullglob
debs=(dist/support-journal_*.deb dist/support-journal-ocr_*.deb)
[ "${#debs[@]}" -eq 2 ] || { echo "smoke test: run make package first (no .deb in dist/)" >&2; exit 1; }

APP_ID=org.supportjournal.SupportJournal
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

fail() { echo "smoke test: $*" >&2; exit 1; }

dpkg -i "${debs[@]}"
trap 'dpkg -r support-journal-ocr support-journal >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

[ "$(readlink -f "$(command -v journal)")" = /opt/support-journal/journal ] \
    || fail "journal on the PATH is not /opt/support-journal/journal"
desktop-file-validate /usr/share/applications/$APP_ID.desktop
appstreamcli validate --no-net --explain /usr/share/metainfo/$APP_ID.metainfo.xml
for size in 16 32 48 64 128 256 512; do
    [ -s /usr/share/icons/hicolor/${size}x${size}/apps/$APP_ID.png ] || fail "no ${size}px icon"
done

# A chat screenshot whose text is known (painted by the tests' own helper, before Python goes).
QT_QPA_PLATFORM=offscreen .venv/bin/python -c "import sys; from tests.ocr_screenshots import \
render; open(sys.argv[1], 'wb').write(render('desktop', 'en').png)" "$work/chat.png"
ticket="$(.venv/bin/python -c 'from tests.ocr_screenshots import TICKET; print(TICKET)')"

# From here on, the project's venv is out of reach: only the frozen app in /opt is run.
export PATH=/usr/sbin:/usr/bin:/sbin:/bin
unset PYTHONPATH PYTHONHOME VIRTUAL_ENV
export HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" XDG_DATA_HOME="$work/home/.local/share"
export JOURNAL_DIR="$work/journal" JOURNAL_PASSPHRASE="smoke test passphrase 17 horse"
mkdir -p "$HOME"

journal --version
journal init > "$work/init.txt"
journal platform add Binance --kind exchange
case_id="$(journal case open Binance 'Withdrawal stuck 提现卡住')"
journal log "$case_id" --kind chat --agent Lily --ref CS-88213 \
    --note "Agent promised the withdrawal within 3 business days" \
    --attach "$work/chat.png"
# (Into files, then grep: with pipefail, grep -q's early exit would fail the pipe.)
journal search withdrawal --json > "$work/found.json"
grep -q "CS-88213" "$work/found.json" || fail "search did not find the chat"
journal ocr run
journal search "$ticket" --json > "$work/read.json"
grep -q "chat.png" "$work/read.json" \
    || fail "the screenshot's text (ticket $ticket) was not read by the OCR part"
journal export "$case_id" --pdf "$work/case.pdf" --language zh_CN
pdftotext "$work/case.pdf" "$work/case.txt"
grep -q "提现卡住" "$work/case.txt" || fail "the PDF lacks the case's Chinese title"
grep -q "案件档案" "$work/case.txt" || fail "the PDF's labels are not in Chinese"
journal check

# The window, offscreen, in Chinese, for a few seconds: it must still be running, untroubled.
set +e
LANG=zh_CN.UTF-8 LANGUAGE=zh_CN QT_QPA_PLATFORM=offscreen timeout 6 journal 2> "$work/window.txt"
code=$?
set -e
[ "$code" -eq 124 ] || { cat "$work/window.txt" >&2; fail "the window exited with $code before 6 s"; }
if grep -q "Traceback" "$work/window.txt"; then cat "$work/window.txt" >&2; fail "traceback"; fi
echo "the window ran 6 s; it said:"; cat "$work/window.txt"

dpkg -r support-journal-ocr support-journal
trap 'rm -rf "$work"' EXIT
[ ! -e /opt/support-journal ] || fail "/opt/support-journal is left after removal"
hash -r
! command -v journal >/dev/null || fail "journal is still on the PATH after removal"
[ ! -e /usr/share/applications/$APP_ID.desktop ] || fail "the menu entry is left"
echo "smoke test: the packages install, work and remove cleanly"
