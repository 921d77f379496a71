/**
 * html-validate for the built pages (tests/e2e/built-site.spec.ts; by hand:
 * npx html-validate "dist/client/**\/*.html"). Kept beside the W3C Nu checker (same spec), which
 * checks the HTML standard but none of these: names for links, buttons and headings (wcag/h30,
 * text-content, empty-heading: a Nu warning at most), hidden-focusable, unique-landmark,
 * multiple-labeled-controls, form-dup-name, no-implicit-button-type, no-inline-style,
 * tel-non-breaking, long-title, and one markup style (attribute-boolean-style, void-style,
 * no-self-closing, no-redundant-role). The recommended rules, with two changed:
 */
export default {
  extends: ['html-validate:recommended'],
  rules: {
    // Headings in Arabic, Farsi and Urdu get anchor ids in their own script ("نحن-قريبون-منكِ"). HTML allows
    // any id without spaces; the strict form only wants ASCII for CSS selectors, which we never write for them.
    'valid-id': ['error', { relaxed: true }],
    // A group of checkboxes ("which activities?") sends one name several times, as HTML intends.
    'form-dup-name': ['error', { shared: ['radio', 'checkbox', 'button', 'reset', 'submit'] }],
  },
};
