"""`python -m ddexkit` runs the command-line interface."""

from ddexkit.cli import main

raise SystemExit(main())
