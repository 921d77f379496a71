/**
 * The admin's upload for voice clips: a file per language, saved into content/voice/, and whether
 * it is a person's voice. The accepted file endings come from src/voice/clipFormats.ts.
 */
import { defaultLang, locales } from '#src/i18n/locales.ts';
import { acceptedInputs } from '#src/voice/clipFormats.ts';
import type { FieldSpec } from './schemaFields.ts';

const hint =
  'Optag på telefonen og send det som fil (WhatsApp-talebesked, iPhone-memo eller Android-optager). ' +
  'Sig det, der står på siden, på cirka et minut. Se docs/staff.md → »Record a voice message«.';

/** The two fields of one clip; `i18n` for the per-language MDX collections. */
function clipSubfields(i18n: boolean) {
  return [
    {
      name: 'file',
      label: 'Lydfil',
      widget: 'file',
      required: true,
      // Beside the other clips, as the content schema expects: file: <name> in content/voice/.
      media_folder: '/content/voice',
      public_folder: '',
      accept: Object.keys(acceptedInputs)
        .map((ext) => `.${ext}`)
        .join(','),
      ...(i18n ? { i18n: true } : {}),
    },
    {
      name: 'voice',
      label: 'Stemme',
      widget: 'select',
      required: true,
      default: 'recorded',
      options: [
        { label: 'Indtalt af et menneske', value: 'recorded' },
        { label: 'Computerstemme (siden skriver det)', value: 'synthetic' },
      ],
      ...(i18n ? { i18n: true } : {}),
    },
  ];
}

/** `clip` of a page or activity: one per language file. */
export const clipField: FieldSpec = {
  label: 'Lydklip på dette sprog (valgfrit)',
  widget: 'object',
  i18n: true,
  required: false,
  collapsed: true,
  hint,
  fields: clipSubfields(true),
};

/** `clips` of a venue, staff member or meeting: one per language, all in the same file. */
export const clipsField: FieldSpec = {
  label: 'Lydklip (valgfrit, ét pr. sprog)',
  widget: 'object',
  required: false,
  collapsed: true,
  hint,
  fields: locales.map((l) => ({
    name: l.code,
    label: l.code === defaultLang ? `${l.endonym} (${l.code})` : `${l.endonym} · ${l.englishName} (${l.code})`,
    widget: 'object',
    required: false,
    collapsed: true,
    fields: clipSubfields(false),
  })),
};
