// The map on /kaart: the same places as the list below it, drawn with Leaflet. Without
// JavaScript, or when the tiles cannot load, the list is the page.
(function () {
  'use strict';
  var COLOURS = { infrastructure: '#c4572b', practice: '#154a85' };

  function popup(place) {
    var box = document.createElement('div');
    var link = document.createElement('a');
    link.href = place.url;
    link.textContent = place.title;
    var strong = document.createElement('strong');
    strong.appendChild(link);
    box.appendChild(strong);
    var line = document.createElement('div');
    line.textContent = place.kindLabel + ' · ' + place.pps;
    box.appendChild(line);
    if (place.placeName) {
      var where = document.createElement('div');
      where.textContent = place.placeName;
      box.appendChild(where);
    }
    return box;
  }

  document.addEventListener('DOMContentLoaded', function () {
    var element = document.getElementById('kaart');
    var source = document.getElementById('kaart-data');
    if (!element || !source || typeof L === 'undefined') return;
    var data = JSON.parse(source.textContent);
    element.hidden = false;
    var map = L.map(element, { scrollWheelZoom: false });
    var tiles = L.tileLayer(data.tiles.url, { attribution: data.tiles.attribution, maxZoom: 18 });
    var warned = false;
    tiles.on('tileerror', function () {
      if (warned) return;
      warned = true;
      var note = document.getElementById('kaart-melding');
      if (note) {
        note.hidden = false;
        note.textContent =
          'De kaartachtergrond kon niet worden geladen. De lijst hieronder bevat dezelfde plaatsen.';
      }
    });
    tiles.addTo(map);
    var bounds = L.latLngBounds([]);
    data.places.forEach(function (place) {
      L.circleMarker([place.lat, place.lng], {
        radius: 8,
        weight: 2,
        color: '#ffffff',
        fillColor: COLOURS[place.kind] || '#0f7a77',
        fillOpacity: 0.9,
      })
        .bindPopup(popup(place))
        .addTo(map);
      bounds.extend([place.lat, place.lng]);
    });
    if (data.circle) {
      // The search circle frames the view: the visitor sees how far "within" reaches.
      bounds = L.latLng(data.circle.lat, data.circle.lng).toBounds(data.circle.radiusKm * 2000);
      L.circle([data.circle.lat, data.circle.lng], {
        radius: data.circle.radiusKm * 1000,
        color: '#0f7a77',
        weight: 1,
        fillOpacity: 0.05,
        interactive: false,
      }).addTo(map);
    }
    if (bounds.isValid()) map.fitBounds(bounds, { padding: [24, 24], maxZoom: 13 });
    else map.setView([52.5, 5.0], 8);
  });
})();
