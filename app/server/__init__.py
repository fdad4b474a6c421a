"""The central sync service: FastAPI routes, auth, the live stream."""
