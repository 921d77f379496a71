/**
 * Dated lists follow the reader's clock without a rebuild: hide the times that have ended,
 * keep at most `data-limit` of a list, show this week and next on the calendar. Self-contained
 * (no imports) and run after the first paint, so it costs the page nothing before she sees it.
 */

function applyCalendarClock(root: ParentNode, now: number): void {
  // Lists of times (an activity's next times): the ones not ended, at most `data-limit`.
  for (const list of root.querySelectorAll<HTMLElement>('[data-times]')) {
    const limit = Number(list.dataset.limit || Infinity);
    let shown = 0;
    for (const item of list.querySelectorAll<HTMLElement>('li[data-end]')) {
      item.hidden = !(Number(item.dataset.end) > now && shown < limit);
      if (!item.hidden) shown += 1;
    }
    const empty = list.querySelector<HTMLElement>('[data-times-empty]');
    if (empty) empty.hidden = shown > 0;
  }

  // Weeks (the calendar page, the home page): the week holding `now` and the `data-weeks` - 1 after it.
  for (const weeks of root.querySelectorAll<HTMLElement>('[data-weeks]')) {
    const count = Number(weeks.dataset.weeks || 1);
    const all = [...weeks.querySelectorAll<HTMLElement>('[data-week-end]')];
    const current = all.findIndex((week) => Number(week.dataset.weekEnd) > now);
    all.forEach((week, i) => {
      const position = current < 0 ? -1 : i - current;
      week.hidden = position < 0 || position >= count;
      week.querySelector<HTMLElement>('[data-label="this"]')?.toggleAttribute('hidden', position !== 0);
      week.querySelector<HTMLElement>('[data-label="next"]')?.toggleAttribute('hidden', position !== 1);
      let left = 0;
      for (const day of week.querySelectorAll<HTMLElement>('[data-day]')) {
        let dayLeft = 0;
        for (const item of day.querySelectorAll<HTMLElement>('li[data-end]')) {
          item.hidden = Number(item.dataset.end) <= now;
          if (!item.hidden) dayLeft += 1;
        }
        day.hidden = dayLeft === 0;
        left += dayLeft;
      }
      const empty = week.querySelector<HTMLElement>('[data-week-empty]');
      if (empty) empty.hidden = left > 0;
    });
    const none = weeks.querySelector<HTMLElement>('[data-weeks-empty]');
    if (none) none.hidden = current >= 0;
  }

  // webcal:// makes a phone subscribe; it must name the host this page really came from.
  for (const link of root.querySelectorAll<HTMLAnchorElement>('a[data-webcal]')) {
    link.href = `webcal://${location.host}${link.dataset.webcal}`;
  }
}

requestAnimationFrame(() =>
  setTimeout(() => {
    applyCalendarClock(document, Date.now());
    // Says the lists now follow her clock (tests wait for it; nothing is styled by it).
    document.documentElement.dataset.calendarClock = 'applied';
  }),
);
