"""``python -m percycheck`` runs the command line."""

from percycheck.cli import main

raise SystemExit(main())
