/**
 * html-validate for the built pages (tests/e2e/built-site.spec.ts; by hand:
 * npx html-validate "dist/client/**\/*.html"). The recommended rules, with two changed:
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
