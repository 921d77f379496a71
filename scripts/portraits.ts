/**
 * Draws the demo staff's illustrated portraits (SVG → WebP with sharp) beside their YAML files.
 * They are drawings, not photos of real people: a project replaces them with real photos taken
 * with consent (see README, "Publish a staff photo").   Run: npm run portraits
 */
import path from 'node:path';
import sharp from 'sharp';

const size = 480;

/** A demo portrait's colours; one with a `scarf` wears a headscarf, the others show their `hair`. */
interface Portrait {
  id: string;
  bg: string;
  skin: string;
  cloth: string;
  scarf?: string;
  hair?: string;
}

/** One portrait per demo staff member: colours and whether she wears a headscarf. */
const people: Portrait[] = [
  { id: 'amina', bg: '#f4d9c6', skin: '#8d5a3b', cloth: '#2f6f73', scarf: '#7a2e5c' },
  { id: 'leyla', bg: '#d9e8d5', skin: '#d9a577', cloth: '#7a2e5c', hair: '#3b2417' },
  { id: 'sana', bg: '#e6dcf2', skin: '#b57a55', cloth: '#c4572f', scarf: '#24506b' },
  { id: 'maryam', bg: '#fbe6b4', skin: '#e0b48f', cloth: '#3f4d8a', hair: '#1e1614' },
];

function face(p: Portrait): string {
  return `
    <ellipse cx="240" cy="215" rx="78" ry="92" fill="${p.skin}"/>
    <path d="M196 200q12-10 24 0M260 200q12-10 24 0" stroke="#2a1a14" stroke-width="6" fill="none" stroke-linecap="round"/>
    <ellipse cx="208" cy="218" rx="7" ry="9" fill="#2a1a14"/>
    <ellipse cx="272" cy="218" rx="7" ry="9" fill="#2a1a14"/>
    <path d="M214 262q26 22 52 0" stroke="#5b2a20" stroke-width="7" fill="none" stroke-linecap="round"/>
    <circle cx="196" cy="248" r="12" fill="#e88a7a" opacity="0.35"/>
    <circle cx="284" cy="248" r="12" fill="#e88a7a" opacity="0.35"/>`;
}

function svg(p: Portrait): string {
  const body = `<path d="M70 480q10-150 170-150t170 150Z" fill="${p.cloth}"/>`;
  const neck = `<rect x="212" y="280" width="56" height="60" rx="20" fill="${p.skin}"/>`;
  const head = p.scarf
    ? `<path d="M130 230q0-130 110-130t110 130q0 90-40 130l50 40q-120 40-240 0l50-40q-40-40-40-130Z" fill="${p.scarf}"/>${face(p)}
       <path d="M162 190q10-80 78-82t78 82q-20-50-78-52t-78 52Z" fill="${p.scarf}"/>`
    : `<path d="M140 250q-20-150 100-150t100 150q10 80-20 100l-160 0q-30-20-20-100Z" fill="${p.hair}"/>${neck}${face(p)}
       <path d="M160 200q0-80 80-82t80 82q-30-60-80-56t-80 56Z" fill="${p.hair}"/>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}">
    <rect width="${size}" height="${size}" fill="${p.bg}"/>
    <circle cx="240" cy="250" r="200" fill="#ffffff" opacity="0.35"/>
    ${p.scarf ? neck : ''}${body}${head}
  </svg>`;
}

for (const p of people) {
  const out = path.resolve('content/staff', `${p.id}.webp`);
  const info = await sharp(Buffer.from(svg(p)))
    .webp({ quality: 82 })
    .toFile(out);
  console.log(`${path.relative(process.cwd(), out)}: ${info.width}×${info.height}, ${info.size} bytes`);
}
