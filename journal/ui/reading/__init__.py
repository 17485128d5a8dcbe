"""The text read out of screenshots and PDFs (issue 15): the window's reading queue, its line in
the status bar, and what the image preview shows of a file's text."""
