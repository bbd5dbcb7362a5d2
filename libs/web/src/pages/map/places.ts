/**
 * Towns a visitor can search around on the map (centre coordinates, rounded), in Noord-Holland
 * and Flevoland. A short fixed list instead of a geocoder: no address leaves the site.
 */
export const PLACES: { key: string; name: string; lat: number; lng: number }[] = [
  { key: 'alkmaar', name: 'Alkmaar', lat: 52.632, lng: 4.753 },
  { key: 'almere', name: 'Almere', lat: 52.351, lng: 5.265 },
  { key: 'amstelveen', name: 'Amstelveen', lat: 52.311, lng: 4.87 },
  { key: 'amsterdam', name: 'Amsterdam', lat: 52.368, lng: 4.904 },
  { key: 'beverwijk', name: 'Beverwijk', lat: 52.486, lng: 4.657 },
  { key: 'den-helder', name: 'Den Helder', lat: 52.956, lng: 4.76 },
  { key: 'dronten', name: 'Dronten', lat: 52.525, lng: 5.718 },
  { key: 'emmeloord', name: 'Emmeloord', lat: 52.711, lng: 5.748 },
  { key: 'enkhuizen', name: 'Enkhuizen', lat: 52.703, lng: 5.292 },
  { key: 'haarlem', name: 'Haarlem', lat: 52.387, lng: 4.646 },
  { key: 'heerhugowaard', name: 'Heerhugowaard', lat: 52.668, lng: 4.83 },
  { key: 'hilversum', name: 'Hilversum', lat: 52.229, lng: 5.167 },
  { key: 'hoofddorp', name: 'Hoofddorp', lat: 52.303, lng: 4.689 },
  { key: 'hoorn', name: 'Hoorn', lat: 52.643, lng: 5.06 },
  { key: 'lelystad', name: 'Lelystad', lat: 52.519, lng: 5.471 },
  { key: 'purmerend', name: 'Purmerend', lat: 52.505, lng: 4.96 },
  { key: 'schagen', name: 'Schagen', lat: 52.787, lng: 4.799 },
  { key: 'urk', name: 'Urk', lat: 52.662, lng: 5.601 },
  { key: 'zaandam', name: 'Zaandam', lat: 52.439, lng: 4.827 },
  { key: 'zeewolde', name: 'Zeewolde', lat: 52.33, lng: 5.542 },
];

export const RADII_KM = [10, 25, 50, 100] as const;
