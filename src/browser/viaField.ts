/**
 * On a static host (no server to fill it) a form's hidden channel field takes the code from the
 * page's own ?via=<code>. Our server fills the field itself, so this never overwrites a value.
 */
const via = new URLSearchParams(location.search).get('via');
if (via && /^[a-z0-9-]{2,32}$/.test(via)) {
  for (const field of document.querySelectorAll<HTMLInputElement>('input[data-via]')) if (!field.value) field.value = via;
}
