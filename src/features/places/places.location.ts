/**
 * P17: the wijk nearest to a visitor's coarse location, by the great-circle distance to each
 * wijk's centre. Pure: the caller passes the centres and the (already rounded) location, and
 * nothing of the location is kept.
 */

/** Farther than this from every wijk centre, and we would rather ask than guess. */
export const NEAR_ENOUGH_KM = 3
const EARTH_RADIUS_KM = 6371.0088

export interface LatLon {
  lat: number
  lon: number
}

/** Haversine distance in kilometres. */
export function distanceKm(a: LatLon, b: LatLon): number {
  const rad = Math.PI / 180
  const dLat = (b.lat - a.lat) * rad
  const dLon = (b.lon - a.lon) * rad
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)))
}

/** The nearest of the candidates within `maxKm`, or null. */
export function nearest<W extends { center: LatLon }>(candidates: W[], here: LatLon, maxKm = NEAR_ENOUGH_KM): W | null {
  let best: W | null = null
  let bestKm = maxKm
  for (const w of candidates) {
    const km = distanceKm(here, w.center)
    if (km <= bestKm) {
      best = w
      bestKm = km
    }
  }
  return best
}
