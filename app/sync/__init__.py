"""The console's client of the central service: HTTP commands with mutation ids, the live
stream with resume, and the local replica the console draws from. No Qt here."""

from app.sync.client import SyncClient
from app.sync.errors import ApiError, Offline, SessionExpired
from app.sync.store import ReplicaStore

__all__ = ["ApiError", "Offline", "ReplicaStore", "SessionExpired", "SyncClient"]
