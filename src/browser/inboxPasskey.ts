/**
 * Passkey buttons of the staff inbox (@simplewebauthn/browser v14). A button with
 * data-passkey="signin" signs in; "register" creates a passkey (from an invite, data-invite, or
 * a further one when signed in). A further passkey needs a fresh passkey check: with
 * data-confirm (or when the server asks for it) she first confirms with a passkey she has.
 * The server checks everything; this only carries the messages.
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

function check(response: Response) {
  if (response.status === 429) throw new Error('tooMany');
  if (!response.ok) throw new Error('failed');
}

/** "Confirm with your passkey": an assertion with one of her own passkeys, inside her session. */
async function confirmWithPasskey() {
  const optionsResponse = await post('/inbox/passkey/confirm-options/', {});
  check(optionsResponse);
  const response = await startAuthentication({ optionsJSON: await optionsResponse.json() });
  check(await post('/inbox/passkey/confirm/', { response }));
}

async function run(button: HTMLButtonElement, message: HTMLElement) {
  const mode = button.dataset.passkey;
  const invite = button.dataset.invite;
  message.textContent = '';
  button.disabled = true;
  try {
    const optionsUrl = mode === 'signin' ? '/inbox/passkey/signin-options/' : '/inbox/passkey/register-options/';
    if (mode === 'register' && !invite && button.dataset.confirm !== undefined) await confirmWithPasskey();
    let optionsResponse = await post(optionsUrl, { invite });
    if (mode === 'register' && !invite && optionsResponse.status === 403) {
      const asked = (await optionsResponse.json().catch(() => ({}))) as { confirm?: boolean };
      if (!asked.confirm) throw new Error('failed');
      await confirmWithPasskey();
      optionsResponse = await post(optionsUrl, { invite });
    }
    check(optionsResponse);
    const optionsJSON = await optionsResponse.json();
    const response = mode === 'signin' ? await startAuthentication({ optionsJSON }) : await startRegistration({ optionsJSON });
    const verifyUrl = mode === 'signin' ? '/inbox/passkey/signin/' : '/inbox/passkey/register/';
    check(await post(verifyUrl, { invite, response }));
    window.location.assign(button.dataset.next ?? '/inbox/');
  } catch (error) {
    const tooMany = error instanceof Error && error.message === 'tooMany';
    message.textContent = (tooMany ? button.dataset.tooMany : button.dataset.failed) ?? '';
    button.disabled = false;
  }
}

for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-passkey]')) {
  const message = button.parentElement?.querySelector<HTMLElement>('[data-passkey-message]');
  if (!message) continue;
  button.addEventListener('click', () => void run(button, message));
  // Rendered disabled (PasskeyButton.astro): it can be pressed from now on.
  button.disabled = false;
}
