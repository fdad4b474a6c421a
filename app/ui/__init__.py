"""The operator console and the status wall: Qt windows, table models, dialogs."""
