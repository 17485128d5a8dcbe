"""The frozen app's entry point: `journal`, the same command as the installed one."""
import sys

from journal.cli import main

if __name__ == "__main__":
    sys.exit(main())
