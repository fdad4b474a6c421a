import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox")

from app.maps.tiles import register_scheme

register_scheme()  # before pytest-qt creates the application
