/**
 * The letters every subset font keeps, whatever today's pages say (see subsetFonts.ts). The pages
 * show only the text that is written now, but the same fonts also set what is not written yet: the
 * name a woman types into the interest form (the error page shows it again), the messages and names
 * in the staff inbox, and the next text staff publish. So each font keeps the whole alphabet of the
 * site's Arabic-script languages, their marks, digits and punctuation, as far as the font has them
 * (Naskh and Vazirmatn keep the Urdu letters too: they cost a few hundred bytes). A project adding
 * a language in another script adds its letters here (docs/adopting.md).
 */

/** Every character from `first` to `last`, inclusive. */
const span = (first: number, last: number) => String.fromCodePoint(...Array.from({ length: last - first + 1 }, (_, i) => first + i));

/** Arabic: hamza to ghain, tatweel, feh to yeh; alef wasla and superscript alef. */
const arabicLetters = span(0x0621, 0x063a) + span(0x0640, 0x064a) + '\u0671\u0670';

/** Persian additions: peh, tcheh, jeh, keheh, gaf, Farsi yeh, heh with yeh above; veh for names from Iraq and the Maghreb. */
const persianLetters = 'پچژکگیۀڤ';

/** Urdu additions: tteh, ddal, rreh, noon ghunna, do-chashmi heh, heh goal (+ hamza), teh marbuta goal, yeh barree (+ hamza). */
const urduLetters = 'ٹڈڑںھہۂۃےۓ';

/** Harakat and the other marks: fathatan to sukun, maddah, hamza above and below, the Urdu marks, the honorifics. */
const marks = span(0x064b, 0x0658) + span(0x0610, 0x0615);

/** Arabic-Indic ٠–٩ and Extended Arabic-Indic ۰–۹ (Persian and Urdu) digits, percent, decimal and thousands separators. */
const digits = span(0x0660, 0x066d) + span(0x06f0, 0x06f9);

/**
 * Arabic comma, semicolon, question mark, Urdu full stop, guillemets, spaces, hyphens, and the
 * joiners and direction marks: ZWNJ (U+200C) is part of Persian spelling (می‌خواهم).
 */
const punctuation = '،؛؟۔«» \u00a0\u2010\u2011\u200c\u200d\u200e\u200f\u061c';

/** The letters every subset keeps, as one string; the font's own character map decides which of them it has. */
export const keptLetters = arabicLetters + persianLetters + urduLetters + marks + digits + punctuation;
