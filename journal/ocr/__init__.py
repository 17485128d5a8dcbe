"""Reading the text of attachments on this computer (issue 15): screenshots by OCR, PDFs by
the text they hold. Nothing is sent anywhere.

- client.py: `Reader`, the main process's side. `Reader().read_image(png_bytes)` gives a
  RecognisedText (journal/domain/recognised_text.py); it imports only the standard library.
  `worker_command()` says how the worker process is started.
- worker.py: `python -m journal.ocr.worker`, the process that reads pictures sent down its
  stdin as length-prefixed frames and answers each with one JSON frame.
- engine.py: RapidOCR (PP-OCR models on ONNX Runtime, Chinese and English), imported in the
  worker only: checks and decodes a picture with Pillow, reads it, and gives its lines and
  words with boxes in the picture's pixels, in reading order.
- pdf_text.py: `read_pdf(bytes)`, the text of a PDF with pypdf, in the main process.

The sentences of its errors are in journal/error_messages/ocr.py.
"""
