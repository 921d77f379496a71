/**
 * Turns a zod object schema into Sveltia CMS fields, so the CMS form has exactly the schema's
 * fields in the schema's order, with `required` and `default` read from the schema. What zod
 * cannot say (label, widget, hint) comes from a table keyed by the schema's own field names:
 * TypeScript refuses a table that misses a field or names one the schema does not have.
 */
import type { z } from 'astro/zod';
import { defaultLang, locales } from '#src/i18n/locales.ts';

/** A Sveltia field definition, loosely typed (their union type is too wide to build step by step). */
export type CmsField = { name: string; label: string; widget?: string; required?: boolean | string[]; [option: string]: unknown };

/** What the table gives for one schema field; `name`, `required` and `default` come from zod. */
export type FieldSpec = { label: string; widget?: string; required?: boolean | string[]; [option: string]: unknown };

type ObjectSchema = { shape: Record<string, z.ZodType> };

/** The zod definition of a field, with optional/default wrappers looked through. */
function zodDef(field: z.ZodType): { type: string; defaultValue?: unknown; innerType?: z.ZodType } {
  return (field as unknown as { def: { type: string; defaultValue?: unknown; innerType?: z.ZodType } }).def;
}

/** The field's default value from `.default(…)`, if any. */
export function zodDefault(field: z.ZodType): unknown {
  const def = zodDef(field);
  return def.type === 'default' ? def.defaultValue : undefined;
}

/** The regex a zod string field must match, with its message, as Sveltia's `pattern` option. */
export function zodPattern(field: z.ZodType): [string, string] | undefined {
  let def = zodDef(field);
  while ((def.type === 'optional' || def.type === 'default') && def.innerType) def = zodDef(def.innerType);
  const checks =
    (def as { checks?: { _zod: { def: { format?: string; pattern?: RegExp; error?: (i: object) => string } } }[] }).checks ?? [];
  const regex = checks.map((c) => c._zod.def).find((d) => d.format === 'regex' && d.pattern);
  return regex?.pattern
    ? [regex.pattern.source, regex.error?.({ code: 'invalid_format' }) ?? `must match ${regex.pattern.source}`]
    : undefined;
}

/** The values of a zod enum field (e.g. the activity icons), for a select. */
export function zodEnumValues(field: z.ZodType): string[] | undefined {
  let def = zodDef(field);
  while ((def.type === 'optional' || def.type === 'default') && def.innerType) def = zodDef(def.innerType);
  const entries = (def as { entries?: Record<string, string> }).entries;
  return def.type === 'enum' && entries ? Object.values(entries) : undefined;
}

/** CMS fields for every key of `schema`, in order; `specs` must name exactly the schema's keys. */
export function schemaFields<S extends ObjectSchema>(schema: S, specs: { [K in keyof S['shape']]: FieldSpec }): CmsField[] {
  const extra = Object.keys(specs).filter((k) => !(k in schema.shape));
  if (extra.length) throw new Error(`CMS fields ${extra.join(', ')} are not in the schema`);
  return Object.entries(schema.shape).map(([name, field]) => {
    const spec = specs[name as keyof S['shape']];
    if (!spec) throw new Error(`The schema field "${name}" has no CMS field`);
    const fallback = zodDefault(field);
    const pattern = spec.widget === 'string' && !spec.pattern ? zodPattern(field) : undefined;
    const options = spec.widget === 'select' && !spec.options ? zodEnumValues(field) : undefined;
    const required = spec.required ?? !field.isOptional();
    const cmsField: CmsField = {
      name,
      ...spec,
      required,
      ...(pattern ? { pattern } : {}),
      ...(options ? { options } : {}),
      ...(fallback !== undefined && spec.default === undefined && !(Array.isArray(fallback) && fallback.length === 0)
        ? { default: fallback }
        : {}),
    };
    return cmsField;
  });
}

/**
 * Text per site language (`{ da: …, ar: … }`) as one group with a field per locale from the
 * registry: Danish required, the others optional (and left out of the file when empty).
 * Right-to-left locales get a class the admin stylesheet turns into `direction: rtl`.
 */
export function perLanguage(label: string, options: { multiline?: boolean; required?: boolean; hint?: string } = {}): FieldSpec {
  return {
    label,
    widget: 'object',
    required: options.required,
    ...(options.hint ? { hint: options.hint } : {}),
    collapsed: false,
    fields: locales.map((l) => ({
      name: l.code,
      label: l.code === defaultLang ? `${l.endonym} (${l.code})` : `${l.endonym} · ${l.englishName} (${l.code})`,
      widget: options.multiline ? 'text' : 'string',
      required: l.code === defaultLang,
    })),
  };
}
