"""The status wall: figures from the replica, and panels that show them from across the room."""
