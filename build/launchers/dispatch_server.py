"""Entry point of the built service."""

import sys

from app.server.cli import main

if __name__ == "__main__":
    sys.exit(main())
