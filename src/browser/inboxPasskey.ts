/**
 * Passkey buttons of the staff inbox (@simplewebauthn/browser v14). A button with
 * data-passkey="signin" signs in; "register" creates a passkey (from an invite, data-invite, or
 * a further one when signed in). The server checks everything; this only carries the messages.
 */
import { startAuthentication, startRegistration } from '@simplewebauthn/browser';

async function post(url: string, body: unknown): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
    credentials: 'same-origin',
  });
}

async function run(button: HTMLButtonElement, message: HTMLElement) {
  const mode = button.dataset.passkey;
  const invite = button.dataset.invite;
  message.textContent = '';
  button.disabled = true;
  try {
    const optionsUrl = mode === 'signin' ? '/inbox/passkey/signin-options/' : '/inbox/passkey/register-options/';
    const optionsResponse = await post(optionsUrl, { invite });
    if (optionsResponse.status === 429) throw new Error('tooMany');
    if (!optionsResponse.ok) throw new Error('failed');
    const optionsJSON = await optionsResponse.json();
    const response = mode === 'signin' ? await startAuthentication({ optionsJSON }) : await startRegistration({ optionsJSON });
    const verifyUrl = mode === 'signin' ? '/inbox/passkey/signin/' : '/inbox/passkey/register/';
    const verified = await post(verifyUrl, { invite, response });
    if (verified.status === 429) throw new Error('tooMany');
    if (!verified.ok) throw new Error('failed');
    window.location.assign(button.dataset.next ?? '/inbox/');
  } catch (error) {
    const tooMany = error instanceof Error && error.message === 'tooMany';
    message.textContent = (tooMany ? button.dataset.tooMany : button.dataset.failed) ?? '';
    button.disabled = false;
  }
}

for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-passkey]')) {
  const message = button.parentElement?.querySelector<HTMLElement>('[data-passkey-message]');
  if (message) button.addEventListener('click', () => void run(button, message));
}
