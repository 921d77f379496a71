/**
 * Meetings that have ended disappear without a rebuild: compare each meeting's end with the
 * clock, hide the ended ones, keep at most `data-limit` visible, and show the "no meeting,
 * call us" block when none is left. On a meeting's own page, show "this meeting is over".
 * Also points the calendar subscribe link at the host that actually served the page.
 */

function ended(el: HTMLElement, now: number): boolean {
  return Number(el.dataset.meetingEnd) <= now;
}

function applyMeetingClock(root: ParentNode, now: number): void {
  for (const list of root.querySelectorAll<HTMLElement>('[data-meeting-list]')) {
    const limit = Number(list.dataset.limit ?? Infinity);
    let shown = 0;
    for (const item of list.querySelectorAll<HTMLElement>('li[data-meeting-end]')) {
      const visible = !ended(item, now) && shown < limit;
      item.hidden = !visible;
      if (visible) shown += 1;
    }
    const empty = list.querySelector<HTMLElement>('[data-meeting-empty]');
    if (empty) empty.hidden = shown > 0;
  }

  for (const page of root.querySelectorAll<HTMLElement>('[data-meeting-page]')) {
    const over = ended(page, now);
    for (const el of page.querySelectorAll<HTMLElement>('[data-when-ended]')) el.hidden = !over;
    for (const el of page.querySelectorAll<HTMLElement>('[data-until-ended]')) el.hidden = over;
  }

  // webcal:// makes a phone subscribe; it must name the host this page really came from.
  for (const link of root.querySelectorAll<HTMLAnchorElement>('a[data-webcal]')) {
    link.href = `webcal://${location.host}${link.dataset.webcal}`;
  }
}

applyMeetingClock(document, Date.now());
