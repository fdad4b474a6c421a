"""Use cases of the central service, each in one transaction with its change-log rows."""
