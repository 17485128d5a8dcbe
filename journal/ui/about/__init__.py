"""Help ▸ About Support Journal: the version and build, the libraries it runs on, the journal's
folder, and the licences of everything it carries."""
