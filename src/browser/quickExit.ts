/**
 * Quick exit: leave for the neutral site and replace this page in the history, so the back
 * button does not show that she was here. Without JavaScript the link still leaves.
 */
for (const link of document.querySelectorAll<HTMLAnchorElement>('a[data-quick-exit]')) {
  link.addEventListener('click', (event) => {
    event.preventDefault();
    window.location.replace(link.href);
  });
}
