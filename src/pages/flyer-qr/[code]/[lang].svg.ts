/**
 * /flyer-qr/<code>/<lang>.svg: the QR code of one channel for one language block, made at build
 * time. The flyer generator loads the chosen channel's codes only, so its page stays light.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { langs, type Lang } from '#src/i18n/locales.ts';
import { t } from '#src/i18n/translate.ts';
import { channelQrUrl, channelShortText } from '#src/channels/channelLinks.ts';
import { qrSvg } from '#src/flyer/qrSvg.ts';
import { siteConfig } from '#site.config.ts';

export const getStaticPaths = (async () => {
  const channels = await getCollection('channels');
  return channels.flatMap((c) => langs.map((lang) => ({ params: { code: c.id, lang }, props: { code: c.id, lang } })));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const { code, lang } = props as { code: string; lang: Lang };
  const svg = await qrSvg(channelQrUrl(siteConfig, code, lang), t(lang, 'flyer.qrLabel', { url: channelShortText(siteConfig, code) }));
  return new Response(svg, { headers: { 'Content-Type': 'image/svg+xml' } });
};
