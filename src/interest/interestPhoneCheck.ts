/**
 * On top of the server's check: when she leaves the phone field with a number that will not
 * pass (not 8–15 digits), say so at once, with the server's own rule and message. The form
 * still works the same without JavaScript.
 */
import { normalisePhone } from '#src/forms/normalisePhone.ts';

for (const input of document.querySelectorAll<HTMLInputElement>('input[data-live-message]')) {
  const message = document.getElementById(`${input.id}-live`);
  if (!message) continue;
  const describedBy = (input.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
  const show = (text: string | undefined) => {
    message.textContent = text ?? '';
    if (text) input.setAttribute('aria-invalid', 'true');
    else input.removeAttribute('aria-invalid');
    const ids = text ? [...describedBy, message.id] : describedBy;
    if (ids.length > 0) input.setAttribute('aria-describedby', ids.join(' '));
  };
  input.addEventListener('blur', () => {
    // An empty field is not an error yet: she may come back to it.
    const result = input.value.trim() === '' ? { ok: true } : normalisePhone(input.value);
    show(result.ok ? undefined : input.dataset.liveMessage);
  });
}
