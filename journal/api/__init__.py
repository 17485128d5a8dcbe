"""Parts of the one API, `journal.service.Journal`, kept in modules of their own by subject.

Each is a mixin of `Journal`: the window and the CLI never import these, only the service.
"""
