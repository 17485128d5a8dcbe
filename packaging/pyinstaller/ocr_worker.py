"""The frozen text reader's entry point (the optional OCR part of the app): the same
worker as `python -m journal.ocr.worker`, started by journal.ocr.client."""
import sys

from journal.ocr.worker import main

if __name__ == "__main__":
    sys.exit(main())
