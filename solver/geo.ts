/**
 * Great-circle distance on a sphere (haversine formula).
 * Earth radius 6,371.0088 km (IUGG mean radius); the error against the WGS84 ellipsoid is below 0.5%,
 * far inside the uncertainty of measuring a commute between unit centroids.
 */
const EARTH_RADIUS_KM = 6371.0088;

const toRadians = (degrees: number): number => (degrees * Math.PI) / 180;

/**
 * Distance in km between two points given in WGS84 degrees.
 * @example haversineKm(20.8449, 106.6881, 21.0285, 105.8542) // Hai Phong to Hanoi, about 89 km
 */
export const haversineKm = (lat1: number, lon1: number, lat2: number, lon2: number): number => {
  const dLat = toRadians(lat2 - lat1);
  const dLon = toRadians(lon2 - lon1);
  const a =
    Math.sin(dLat / 2) ** 2 + Math.cos(toRadians(lat1)) * Math.cos(toRadians(lat2)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
};
