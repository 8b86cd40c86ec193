package dev.mtbsync.gps;

/**
 * Flat east/north metres around an origin (equirectangular): within the few kilometres of one
 * trail, off from the true distance by less than a part in ten thousand.
 */
record LocalFrame(double originLat, double originLon) {

  private static final double METRES_PER_DEGREE = 6_371_008.8 * Math.PI / 180;

  double east(double lat, double lon) {
    return (lon - originLon) * METRES_PER_DEGREE * Math.cos(Math.toRadians(originLat));
  }

  double north(double lat) {
    return (lat - originLat) * METRES_PER_DEGREE;
  }
}
