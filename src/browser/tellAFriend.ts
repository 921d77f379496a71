/**
 * Tell a friend: where the browser has the Web Share API, one button opens the phone's share
 * sheet and the fallback links step aside; otherwise the WhatsApp / SMS links stay and a
 * copy-link button appears when the clipboard is available.
 */
export function initTellAFriend(root: ParentNode = document): void {
  for (const box of root.querySelectorAll<HTMLElement>('[data-tell-a-friend]')) {
    const { shareTitle = '', shareText = '', shareUrl = '', copied = '' } = box.dataset;
    const native = box.querySelector<HTMLButtonElement>('[data-share-native]');
    const fallback = box.querySelector<HTMLElement>('[data-share-fallback]');
    const copy = box.querySelector<HTMLButtonElement>('[data-share-copy]');
    const status = box.querySelector<HTMLElement>('[data-share-status]');
    const data: ShareData = { title: shareTitle, text: shareText, url: shareUrl };

    if (native && typeof navigator.share === 'function' && (!navigator.canShare || navigator.canShare(data))) {
      native.hidden = false;
      if (fallback) fallback.hidden = true;
      native.addEventListener('click', () => {
        // A closed share sheet rejects with AbortError: nothing to tell her.
        navigator.share(data).catch(() => undefined);
      });
    }
    if (copy && navigator.clipboard) {
      copy.hidden = false;
      copy.addEventListener('click', () => {
        // A refused clipboard shows the link to copy by hand instead.
        navigator.clipboard.writeText(shareUrl).then(
          () => status && (status.textContent = copied),
          () => status && (status.textContent = shareUrl),
        );
      });
    }
  }
}
