"""The case file's words for what was read out of an exhibit (issue 15), in English and
Simplified Chinese: merged into pdf_labels.LABELS."""
from __future__ import annotations

READING_LABELS: dict[str, dict[str, str]] = {
    "en": {
        "read_by_ocr": "Text in {number}, recognised by OCR; may contain errors:",
        "read_from_pdf": "Text in {number}, taken from the PDF file:",
        "read_cut": "… and {n} more characters: all of the text is in case.json.",
        "no_text_found": "OCR found no text in this picture.",
        "not_read": "This picture had not been read by OCR when the case file was made: "
                    "a secret it shows is not covered, and its text is not quoted here.",
        "unreadable": "The text of this file could not be read.",
        "covered": "Covered in this copy: {kinds}. Where the recognised text shows a secret, "
                   "its words were filled in black; the original, unchanged, stays in the "
                   "journal.",
        "original_sha": "SHA-256 of the original (as the hash chain records it)",
        "covered_sha": "SHA-256 of this covered copy (the file in the evidence bundle)",
    },
    "zh_CN": {
        "read_by_ocr": "{number} 中的文字，由 OCR 识别，可能有误：",
        "read_from_pdf": "{number} 中的文字，取自该 PDF 文件：",
        "read_cut": "……另有 {n} 个字符：全文见 case.json。",
        "no_text_found": "OCR 未在此图片中找到文字。",
        "not_read": "制作本案件文件时，OCR 尚未读取此图片：图片中若有机密信息，未被遮盖，其文字也未在此引用。",
        "unreadable": "无法读取此文件中的文字。",
        "covered": "此副本中已遮盖：{kinds}。识别出的文字中显示机密信息之处，其文字已涂黑；"
                   "未改动的原件保留在日志中。",
        "original_sha": "原件的 SHA-256（与哈希链记录一致）",
        "covered_sha": "此遮盖副本的 SHA-256（证据包中的文件）",
    },
}
