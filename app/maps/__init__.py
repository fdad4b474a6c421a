"""The city map: Leaflet in a QWebEngineView, driven through a QWebChannel bridge."""
