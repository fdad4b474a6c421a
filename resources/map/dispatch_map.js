// The map's half of the bridge: Python sends marker changes through the web channel and
// this script applies them to the live map. The page is built once; nothing reloads it.
/* global L, QWebChannel, qt */
var DispatchMap = (function () {
  "use strict";
  var PRIORITY = {1: "#c62828", 2: "#ef6c00", 3: "#1565c0", 4: "#607d8b"};
  var map, bridge, incidents, emergencies, crews, heat, preview, markers = {},
    crewMarkers = {};
  var selected = null;

  function style(d, isSelected) {
    if (d.emergency) {
      // An emergency: larger, ringed in its own colour, never in a cluster (see layerOf).
      // A late report breaks the ring as well as reddening it: not by colour alone.
      return {radius: isSelected ? 15 : 12, color: d.reportLate ? "#b71c1c" : "#6a1b9a",
              weight: isSelected ? 6 : 5, fillColor: PRIORITY[d.priority] || "#607d8b",
              fillOpacity: 0.95, dashArray: d.reportLate ? "6 4" : null};
    }
    var s = {
      // Critical ones are larger, so priority reads without its colour too.
      radius: (isSelected ? 11 : 7) + (d.priority === 1 ? 3 : 0),
      color: d.overdue ? "#d50000" : "#263238",
      weight: d.overdue ? 4 : (isSelected ? 3 : 1.5),
      fillColor: PRIORITY[d.priority] || "#607d8b",
      fillOpacity: d.status === "resolved" ? 0.35 : 0.9,
      // new, unclaimed: a dashed outline; registered and later: a solid one
      dashArray: d.status === "new" ? "3 3" : null
    };
    return s;
  }

  // Emergencies stay out of the clusters: zoomed out, they are still each on the map.
  function layerOf(d) { return d.emergency ? emergencies : incidents; }

  function upsert(list) {
    var began = performance.now();
    window.dispatchStats.upserts = (window.dispatchStats.upserts || 0) + 1;
    var added = [];
    list.forEach(function (d) {
      var m = markers[d.id];
      if (d.lat === null || d.lon === null || d.hidden) {
        if (m) { m.layer.removeLayer(m); delete markers[d.id]; }
        return;
      }
      if (m && m.layer !== layerOf(d)) {  // declared or lifted: it changes layers
        m.layer.removeLayer(m);
        delete markers[d.id];
        m = null;
      }
      if (!m) {
        var options = style(d, d.id === selected);
        // Above the crews' labels too: an emergency is never hidden under one.
        if (d.emergency) { options.pane = "emergencies"; }
        m = L.circleMarker([d.lat, d.lon], options);
        m.incidentId = d.id;
        m.on("click", function () { if (bridge) { bridge.markerClicked(d.id); } });
        m.layer = layerOf(d);
        markers[d.id] = m;
        if (d.emergency) { emergencies.addLayer(m); } else { added.push(m); }
      } else {
        var at = m.getLatLng();
        if (at.lat !== d.lat || at.lng !== d.lon) {
          // a cluster group must be told when a marker moves
          m.layer.removeLayer(m);
          m.setLatLng([d.lat, d.lon]);
          if (d.emergency) { emergencies.addLayer(m); } else { added.push(m); }
        }
        m.setStyle(style(d, d.id === selected));
      }
      m.data = d;
      if (d.emergency) { m.bringToFront(); }
    });
    if (added.length) { incidents.addLayers(added); }
    window.dispatchStats.lastUpsertMs = performance.now() - began;
    window.dispatchStats.longestUpsertMs = Math.max(window.dispatchStats.longestUpsertMs || 0,
                                                    window.dispatchStats.lastUpsertMs);
    window.dispatchStats.markers = Object.keys(markers).length;
    window.dispatchStats.applied += list.length;
  }

  function remove(ids) {
    ids.forEach(function (id) {
      var m = markers[id];
      if (m) { m.layer.removeLayer(m); delete markers[id]; }
    });
    window.dispatchStats.markers = Object.keys(markers).length;
  }

  function select(id, pan) {
    var old = markers[selected];
    selected = id;
    if (old) { old.setStyle(style(old.data, false)); }
    var m = markers[id];
    if (!m) { return; }
    m.setStyle(style(m.data, true));
    if (pan && m.layer === emergencies) {
      map.panTo(m.getLatLng());
    } else if (pan) {
      incidents.zoomToShowLayer(m, function () { map.panTo(m.getLatLng()); });
    }
  }

  function upsertCrews(list) {
    list.forEach(function (c) {
      var m = crewMarkers[c.id];
      if (c.lat === null || c.lon === null) { return; }
      var icon = L.divIcon({className: "crew crew-" + c.status, html: c.callsign,
                            iconSize: null});
      if (!m) {
        m = L.marker([c.lat, c.lon], {icon: icon, keyboard: false});
        crewMarkers[c.id] = m;
        crews.addLayer(m);
      } else {
        m.setLatLng([c.lat, c.lon]);
        m.setIcon(icon);
      }
    });
    window.dispatchStats.crews = Object.keys(crewMarkers).length;
  }

  // Incidents of the last 24 hours counted per cell of a grid: a heat layer drawn from
  // the same data, no plugin needed. Python sends [[south, west, north, east, count], ...].
  function showHeat(cells) {
    heat.clearLayers();
    var top = cells.reduce(function (m, c) { return Math.max(m, c[4]); }, 1);
    cells.forEach(function (c) {
      var t = c[4] / top;
      heat.addLayer(L.rectangle([[c[0], c[1]], [c[2], c[3]]], {
        stroke: false, fillOpacity: 0.15 + 0.5 * t,
        fillColor: t > 0.66 ? "#b71c1c" : (t > 0.33 ? "#ef6c00" : "#fbc02d"),
        interactive: false}));
    });
    window.dispatchStats.heatCells = cells.length;
  }

  // Where the intake form's address is, before registration, and the possible duplicates
  // around it ({lat, lon, radius, duplicates: [id, ...]}, or null to clear).
  function showPreview(p) {
    preview.clearLayers();
    window.dispatchStats.preview = p ? p.duplicates.length : -1;
    if (!p) { return; }
    preview.addLayer(L.circle([p.lat, p.lon], {radius: p.radius, color: "#6a1b9a",
                                               weight: 2, dashArray: "6 4", fill: false}));
    preview.addLayer(L.circleMarker([p.lat, p.lon], {radius: 9, color: "#6a1b9a", weight: 3,
                                                     fillColor: "#ffffff", fillOpacity: 1}));
    p.duplicates.forEach(function (id) {
      var m = markers[id];
      if (m) {
        preview.addLayer(L.circleMarker(m.getLatLng(), {radius: 14, color: "#6a1b9a",
                                                        weight: 3, fill: false}));
      }
    });
    map.panTo([p.lat, p.lon]);
  }

  function start(theMap, switchable) {
    map = theMap;
    // Without a tile layer Leaflet knows no zoom range; clustering needs one.
    map.setMinZoom(10);
    map.setMaxZoom(19);
    map.attributionControl.setPrefix("Leaflet");
    window.dispatchStats = {markers: 0, crews: 0, applied: 0, ready: false};
    incidents = L.markerClusterGroup({chunkedLoading: false, disableClusteringAtZoom: 16,
                                      showCoverageOnHover: false});
    map.createPane("emergencies").style.zIndex = 620;  // markers 600, tooltips 650
    emergencies = L.featureGroup();
    crews = L.layerGroup();
    heat = L.layerGroup();
    preview = L.layerGroup();
    // One tooltip, bound on hover: binding ten thousand up front costs a third of a second.
    incidents.on("mouseover", function (e) {
      var m = e.layer;
      if (m.data && !m.getTooltip()) {
        m.bindTooltip(m.data.label, {direction: "top"}).openTooltip();
      } else if (m.data) {
        m.setTooltipContent(m.data.label);
      }
    });
    emergencies.on("mouseover", function (e) {
      var m = e.layer;
      if (m.data && !m.getTooltip()) {
        m.bindTooltip(m.data.label, {direction: "top"}).openTooltip();
      } else if (m.data) {
        m.setTooltipContent(m.data.label);
      }
    });
    map.addLayer(incidents);
    map.addLayer(emergencies);
    map.addLayer(crews);
    map.addLayer(preview);
    var overlays = {"Incidents": incidents, "Emergencies": emergencies, "Crews": crews,
                    "Heat, 24 h": heat};
    if (switchable && switchable.districts) { overlays.Districts = switchable.districts; }
    L.control.layers(null, overlays, {collapsed: false}).addTo(map);
    map.on("contextmenu", function (e) {
      if (bridge) { bridge.mapContextMenu(e.latlng.lat, e.latlng.lng); }
    });
    new QWebChannel(qt.webChannelTransport, function (channel) {
      bridge = channel.objects.bridge;
      bridge.upsert.connect(function (json) { upsert(JSON.parse(json)); });
      bridge.remove.connect(function (json) { remove(JSON.parse(json)); });
      bridge.select.connect(function (id, pan) { select(id, pan); });
      bridge.crews.connect(function (json) { upsertCrews(JSON.parse(json)); });
      bridge.layerNames.connect(function (json) { rename(JSON.parse(json)); });
      bridge.heat.connect(function (json) { showHeat(JSON.parse(json)); });
      bridge.preview.connect(function (json) { showPreview(JSON.parse(json)); });
      window.dispatchStats.ready = true;
      bridge.pageReady();
    });
  }

  function rename(names) {
    // layer names in the UI's language, once Python has translated them
    var labels = document.querySelectorAll(".leaflet-control-layers-overlays span");
    labels.forEach(function (span) {
      var key = span.textContent.trim();
      if (names[key]) { span.textContent = " " + names[key]; }
    });
  }

  // The same as a click on the marker (for keyboard use and for tests).
  function click(id) {
    if (markers[id]) { markers[id].fire("click"); }
  }

  function selectedId() { return selected; }

  // How many markers the cluster layer holds: with chunked loading it fills over frames.
  function clustered() { return incidents.getLayers().length; }

  // The incidents drawn as emergencies, outside the clusters (for tests and diagnostics).
  function emergencyIds() {
    return Object.keys(markers).filter(function (id) {
      return markers[id].layer === emergencies;
    }).map(Number).sort(function (a, b) { return a - b; });
  }

  function position(id) {
    var m = markers[id];
    return m ? [m.getLatLng().lat, m.getLatLng().lng] : null;
  }

  // How a marker is drawn, apart from its colours (what a colour-blind operator sees).
  function shape(id) {
    var m = markers[id];
    return m ? {radius: m.options.radius, weight: m.options.weight,
                dash: m.options.dashArray || null} : null;
  }

  return {start: start, click: click, selected: selectedId, clustered: clustered,
          position: position, emergencyIds: emergencyIds, shape: shape};
}());
