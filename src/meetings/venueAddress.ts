/** How a venue is written and found: one line of address, and the plain map link (no embedded map). */
import type { Venue } from './venueSchema.ts';

/** "Street, postcode city": the venue's address on one line (flyers, calendar files, the invitation). */
export function venueAddress(venue: Pick<Venue, 'address'>): string {
  const { street, postalCode, city } = venue.address;
  return `${street}, ${postalCode} ${city}`;
}

/** The OpenStreetMap link to the venue's door: a plain link, no embedded map. */
export function venueMapUrl(venue: Pick<Venue, 'coordinates'>): string {
  const { lat, lon } = venue.coordinates;
  return `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lon}#map=18/${lat}/${lon}`;
}
