/**
 * The staff faces at the top of a flyer (the seed: flyers work best with photos of the people
 * she will meet). From content/staff/, in the site's order; none until staff files exist.
 */
import { getCollection } from 'astro:content';
import { getImage } from 'astro:assets';

export interface FlyerFace {
  /** Her name, printed under the photo. */
  name: string;
  /** The photo, made for print: big enough for an A3 poster, small enough for the page. */
  src: string;
}

/** At most this many faces fit the flyer's head. */
export const maxFaces = 4;

let cached: Promise<FlyerFace[]> | undefined;

export function flyerFaces(): Promise<FlyerFace[]> {
  cached ??= (async () => {
    const staff = (await getCollection('staff')).sort((a, b) => a.data.order - b.data.order || a.id.localeCompare(b.id)).slice(0, maxFaces);
    return Promise.all(
      staff.map(async (member) => {
        // 360 px square prints sharp at 30 mm on A3 (about 300 dpi) and costs a few kB.
        const image = await getImage({ src: member.data.photo, width: 360, height: 360, format: 'webp', quality: 75 });
        return { name: member.data.name, src: image.src };
      }),
    );
  })();
  return cached;
}
