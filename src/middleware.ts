/**
 * Astro's i18n routing (every page under /<lang>/, prefixDefaultLocale), applied to everything
 * except the staff inbox: /inbox/ is not a public page in one of the 7 languages, and the built-in
 * routing would answer it 404.
 */
import { defineMiddleware } from 'astro:middleware';
import { middleware as i18nMiddleware } from 'astro:i18n';

const i18n = i18nMiddleware({ prefixDefaultLocale: true, redirectToDefaultLocale: false, fallbackType: 'redirect' });

export const onRequest = defineMiddleware((context, next) =>
  context.url.pathname === '/inbox' || context.url.pathname.startsWith('/inbox/') ? next() : i18n(context, next),
);
